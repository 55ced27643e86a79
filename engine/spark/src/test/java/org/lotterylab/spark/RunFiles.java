package org.lotterylab.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lotterylab.api.store.NpyArray;
import org.lotterylab.api.store.NpyDtype;
import org.lotterylab.api.store.Npz;

/** Compares two stored runs file by file: arrays bit for bit, text exactly (summary.csv minus seconds). */
final class RunFiles {

    private RunFiles() {
    }

    static TreeSet<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .filter(f -> !f.equals(org.lotterylab.engine.util.RunLock.FILE)) // the writer's pid, not the run
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Asserts that {@code a} and {@code b} hold the same run; run.json (times, host) and the writer lock are not compared. */
    static void assertSameRun(Path a, Path b) throws IOException {
        assertEquals(files(a), files(b), "same files");
        for (String f : files(a)) {
            if (f.equals("run.json")) {
                continue;
            }
            if (f.endsWith(".npz")) {
                List<NpyArray> x = Npz.readArrays(a.resolve(f));
                List<NpyArray> y = Npz.readArrays(b.resolve(f));
                assertEquals(x.size(), y.size(), f);
                for (int i = 0; i < x.size(); i++) {
                    assertEquals(x.get(i).name(), y.get(i).name(), f);
                    assertArrayEquals(x.get(i).shape(), y.get(i).shape(), f);
                    if (x.get(i).dtype() == NpyDtype.BOOL) {
                        assertArrayEquals(x.get(i).asBooleans(), y.get(i).asBooleans(), f);
                    } else {
                        float[] p = x.get(i).asFloats();
                        float[] q = y.get(i).asFloats();
                        assertEquals(p.length, q.length, f);
                        for (int j = 0; j < p.length; j++) {
                            assertEquals(Float.floatToRawIntBits(p[j]), Float.floatToRawIntBits(q[j]), f + " [" + j + "]");
                        }
                    }
                }
            } else if (f.equals("summary.csv")) {
                assertEquals(withoutSeconds(a.resolve(f)), withoutSeconds(b.resolve(f)), f);
            } else {
                assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f);
            }
        }
    }

    /** summary.csv without its last column (seconds). */
    static String withoutSeconds(Path summary) throws IOException {
        return Files.readAllLines(summary).stream().map(l -> l.substring(0, l.lastIndexOf(',')))
                .collect(Collectors.joining("\n"));
    }
}
