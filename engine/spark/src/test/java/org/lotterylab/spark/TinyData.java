package org.lotterylab.spark;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a tiny, learnable synthetic digit set as raw IDX files: each class lights a different 6x6 block of
 * a 28x28 image, plus noise. The loader splits a single image/label pair 80/10/10 in file order.
 */
final class TinyData {

    private TinyData() {
    }

    /** Writes {@code count} images into {@code dir} and returns the directory. */
    static Path write(Path dir, int count, long seed) throws IOException {
        Files.createDirectories(dir);
        Random rng = new Random(seed);
        byte[] pixels = new byte[count * 784];
        byte[] labels = new byte[count];
        for (int n = 0; n < count; n++) {
            int label = n % 10;
            labels[n] = (byte) label;
            int by = 2 + (label / 5) * 12;
            int bx = 1 + (label % 5) * 5;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    int v = rng.nextInt(40);
                    if (y >= by && y < by + 6 && x >= bx && x < bx + 5) {
                        v += 150 + rng.nextInt(60);
                    }
                    pixels[n * 784 + y * 28 + x] = (byte) Math.min(255, v);
                }
            }
        }
        try (OutputStream o = Files.newOutputStream(dir.resolve("images-idx3-ubyte"));
             DataOutputStream d = new DataOutputStream(o)) {
            d.writeInt(2051);
            d.writeInt(count);
            d.writeInt(28);
            d.writeInt(28);
            d.write(pixels);
        }
        try (OutputStream o = Files.newOutputStream(dir.resolve("labels-idx1-ubyte"));
             DataOutputStream d = new DataOutputStream(o)) {
            d.writeInt(2049);
            d.writeInt(count);
            d.write(labels);
        }
        return dir;
    }
}
