package org.lotterylab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lth info} lists the CIFAR models; {@code lth imp --dry-run} prints a measured time estimate. */
class BigNetsCliTest {

    @TempDir
    Path tmp;

    @Test
    void infoListsResnet20AndVgg16WithTheirBatchNorm() {
        CliRun r = CliRun.of("info");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("resnet-20      270,896 prunable weights in 22 layers on 32x32x3 inputs, 21 batch "
                + "norms (never pruned); global pruning by default"), r.out());
        assertTrue(r.out().contains("vgg-16         14,715,584 prunable weights"), r.out());
        assertTrue(r.out().contains("resnet-20-cifar"), r.out());
        assertTrue(r.out().contains("vgg-16-cifar"), r.out());
    }

    @Test
    void dryRunOfTheResnetPresetPrintsAnEstimate() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("cifar"));
        Random rng = new Random(1);
        for (String name : new String[] {"data_batch_1.bin", "test_batch.bin"}) {
            byte[] b = new byte[30 * 3073];
            rng.nextBytes(b);
            for (int i = 0; i < 30; i++) {
                b[i * 3073] = (byte) (i % 10);
            }
            Files.write(data.resolve(name), b);
        }
        CliRun r = CliRun.of("imp", "--preset", "resnet-20-cifar", "--data", data.toString(), "--set", "batchSize=4",
                "--dry-run", "--out", tmp.resolve("runs").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("model=resnet-20"), r.out());
        assertTrue(r.out().contains("pruning=global"), r.out());
        String est = r.line("estimate on this machine (dl4j engine");
        assertTrue(est.contains("s per step (timed on 3 steps of batch 4)"), est);
        // 63,000 + 8 rounds x 2 branches x 62,500 steps
        assertTrue(r.out().contains("1,063,000 training steps"), r.out());
        assertTrue(r.out().contains("total about "), r.out());
    }
}
