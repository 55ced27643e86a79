package org.lotterylab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredLmcTest {
    @TempDir
    Path dir;

    /** Writes lmc.csv and instability.csv for {@code networks} (3 points each); {@code se} adds that column. */
    static void write(Path dir, boolean se, String... networks) throws Exception {
        StringBuilder lmc = new StringBuilder("network,k,seed_pair,alpha,split,error\n");
        StringBuilder inst = new StringBuilder("network,k,seed_pair,instability,max_error,endpoint_mean_error,stable,"
                + "train_instability,train_max_error,train_endpoint_mean_error,weights_remaining,alphas,train_iterations,"
                + "threshold" + (se ? ",instability_se" : "") + "\n");
        double w = 1.0;
        for (String n : networks) {
            for (String split : List.of("test", "train")) {
                for (double a : new double[] {0.0, 0.5, 1.0}) {
                    lmc.append(n).append(",0,0,").append(a).append(',').append(split).append(',')
                            .append(split.equals("test") ? (a == 0.5 ? 0.08 : 0.07) : 0.01).append('\n');
                }
            }
            inst.append(n).append(",0,0,0.01,0.08,0.07,true,0.0,0.01,0.01,").append(w).append(",3,150,0.02")
                    .append(se ? ",0.004" : "").append('\n');
            w *= 0.6;
        }
        Files.writeString(dir.resolve("lmc.csv"), lmc);
        Files.writeString(dir.resolve("instability.csv"), inst);
    }

    @Test
    void readsCurvesByHeaderNameWithBranchNamesAndAStandardErrorColumn() throws Exception {
        write(dir, true, "ticket-round-00", "ticket-round-01", "random-reinit-round-01");
        List<StoredLmc.Curve> curves = StoredLmc.read(dir);
        assertEquals(List.of("ticket-round-00", "ticket-round-01", "random-reinit-round-01"),
                curves.stream().map(c -> c.done().network()).toList());
        StoredLmc.Curve c = curves.get(1);
        assertEquals(0.01, c.done().instability(), 1e-12);
        assertEquals(0.6, c.done().weightsRemaining(), 1e-12);
        assertEquals(0.004, c.standardError(), 1e-12);
        assertEquals(3, c.points().size());
        assertEquals(0.08, c.points().get(1).testError(), 1e-12, "the test split, in alpha order");
        assertEquals(0.01, c.points().get(1).trainError(), 1e-12);
        assertTrue(c.done().stored());
    }

    @Test
    void oldFilesWithoutStandardErrorAndCutLinesAreRead() throws Exception {
        write(dir, false, "ticket-round-00", "ticket-round-01");
        Files.writeString(dir.resolve("instability.csv"), Files.readString(dir.resolve("instability.csv")) + "ticket-round-02,0,0,0.0");
        List<StoredLmc.Curve> curves = StoredLmc.read(dir);
        assertEquals(2, curves.size(), "the cut last line is skipped");
        assertTrue(Double.isNaN(curves.get(0).standardError()));
        assertEquals(List.of(), StoredLmc.read(dir.resolve("nothing-here")), "no files: no curves");
    }
}
