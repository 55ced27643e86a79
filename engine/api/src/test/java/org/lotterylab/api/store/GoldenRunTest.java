package org.lotterylab.api.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;

/**
 * The committed golden run (src/test/resources/golden/run-v2, written by {@link GoldenRunGenerator}) pins
 * the on-disk format; run-v1 (format 1, frozen) must still read. Text files must match byte for byte;
 * {@code .npz} files must hold the same entries in the same order with byte-identical {@code .npy} contents
 * (zip bytes are not compared, since deflate output may differ between zlib builds even though entry times
 * are fixed).
 */
class GoldenRunTest {

    @TempDir
    Path tmp;

    static Path golden() {
        return golden("run-v2");
    }

    static Path golden(String version) {
        try {
            return Path.of(GoldenRunTest.class.getResource("/golden/" + version + "/spec.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.endsWith(".gitattributes")).sorted().toList();
        }
    }

    private static Map<String, byte[]> entries(Path npz) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(npz.toFile())) {
            for (ZipEntry e : z.stream().toList()) {
                out.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }

    @Test
    void todaysWriterReproducesTheGoldenFiles() throws IOException {
        Path fresh = tmp.resolve("run-v2");
        GoldenRunGenerator.write(fresh);
        List<String> names = files(golden());
        assertEquals(names, files(fresh));
        assertTrue(names.contains("ticket/round-01/masks.npz"), names.toString());
        for (String n : names) {
            Path g = golden().resolve(n);
            Path f = fresh.resolve(n);
            if (n.endsWith(".npz")) {
                Map<String, byte[]> ge = entries(g);
                Map<String, byte[]> fe = entries(f);
                assertEquals(new ArrayList<>(ge.keySet()), new ArrayList<>(fe.keySet()), n);
                for (String e : ge.keySet()) {
                    assertArrayEquals(ge.get(e), fe.get(e), n + " entry " + e);
                }
            } else {
                assertEquals(Files.readString(g), Files.readString(f), n);
                assertArrayEquals(Files.readAllBytes(g), Files.readAllBytes(f), n);
            }
        }
    }

    @Test
    void goldenFilesReadBackToTheOriginalValues() throws IOException {
        StoredRun run = StoredRun.open(golden());
        assertEquals(List.of(), run.warnings());
        assertEquals(GoldenRunGenerator.SPEC, run.spec());
        assertEquals(GoldenRunGenerator.LAYERS, run.layers());
        assertEquals(GoldenRunGenerator.RUN_INFO, run.runInfo());
        assertEquals(GoldenRunGenerator.theta0(), run.theta0().orElseThrow());
        assertEquals(GoldenRunGenerator.theta0(), run.thetaK().orElseThrow());
        List<RoundResult> expected = GoldenRunGenerator.results().stream().sorted(SummaryCsv.ORDER).toList();
        assertEquals(expected, run.results());
        for (RoundResult r : expected) {
            Branch b = r.branch();
            assertEquals(GoldenRunGenerator.masks(r.round()), run.masks(b, r.round()));
            assertEquals(GoldenRunGenerator.finalWeights(b, r.round()), run.finalWeights(b, r.round()));
            assertEquals(GoldenRunGenerator.finalBiases(b, r.round()), run.finalBiases(b, r.round()));
            assertEquals(GoldenRunGenerator.metrics(b, r.round()), run.metrics(b, r.round()));
        }
        assertEquals(List.of(), run.warnings());
        // masks are stored as numpy bools
        for (NpyArray a : Npz.readArrays(run.layout().masks(Branch.TICKET, 1))) {
            assertEquals(NpyDtype.BOOL, a.dtype());
        }
        // weights-final.npz: the weights in layer order, then one bias vector per layer
        List<String> names = Npz.readArrays(run.layout().weightsFinal(Branch.TICKET, 1)).stream()
                .map(NpyArray::name).toList();
        assertEquals(List.of("fc1", "output", "fc1.bias", "output.bias"), names);
    }

    @Test
    void formatOneRunsStillRead() throws IOException {
        StoredRun run = StoredRun.open(golden("run-v1"));
        assertEquals(List.of(), run.warnings());
        assertEquals(GoldenRunGenerator.SPEC, run.spec());
        List<RoundResult> expected = GoldenRunGenerator.results().stream().sorted(SummaryCsv.ORDER).toList();
        assertEquals(expected, run.results());
        for (RoundResult r : expected) {
            Branch b = r.branch();
            assertEquals(GoldenRunGenerator.masks(r.round()), run.masks(b, r.round()));
            assertEquals(GoldenRunGenerator.finalWeights(b, r.round()), run.finalWeights(b, r.round()));
            assertEquals(List.of(), run.finalBiases(b, r.round()), "format 1 stored no biases");
            assertEquals(GoldenRunGenerator.metricsV1(b, r.round()), run.metrics(b, r.round()),
                    "no test_loss column: the test loss reads as NaN");
        }
        assertEquals(List.of(), run.warnings());
        RunStoreWriter w = RunStoreWriter.open(tmp.resolve("copy"));
        assertTrue(w.readFinalBiases(Branch.TICKET, 0).isEmpty());
    }
}
