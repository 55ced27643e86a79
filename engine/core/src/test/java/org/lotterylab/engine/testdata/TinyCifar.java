package org.lotterylab.engine.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes tiny, learnable CIFAR-10 binary batches (the reader's format: 1 label byte, then 3,072 pixel bytes,
 * the red, green and blue 32x32 planes): class {@code c} brightens an 8x8 block at a class-specific place in
 * channel {@code c % 3}, over uniform noise. {@code data_batch_1.bin} holds the training records,
 * {@code test_batch.bin} the test records; labels cycle 0..9.
 */
public final class TinyCifar {

    private TinyCifar() {
    }

    /** Writes {@code train} training and {@code test} test records into {@code dir}; returns {@code dir}. */
    public static Path write(Path dir, int train, int test, long seed) throws IOException {
        Files.createDirectories(dir);
        Random rng = new Random(seed);
        Files.write(dir.resolve("data_batch_1.bin"), records(train, rng));
        Files.write(dir.resolve("test_batch.bin"), records(test, rng));
        return dir;
    }

    private static byte[] records(int count, Random rng) {
        byte[] out = new byte[count * 3073];
        for (int n = 0; n < count; n++) {
            int label = n % 10;
            int base = n * 3073;
            out[base] = (byte) label;
            int by = (label / 4) * 8 + 4;
            int bx = (label % 4) * 8;
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        int v = rng.nextInt(60);
                        if (c == label % 3 && y >= by && y < by + 8 && x >= bx && x < bx + 8) {
                            v += 150 + rng.nextInt(40);
                        }
                        out[base + 1 + c * 1024 + y * 32 + x] = (byte) v;
                    }
                }
            }
        }
        return out;
    }
}
