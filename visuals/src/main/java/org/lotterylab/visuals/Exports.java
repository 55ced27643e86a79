package org.lotterylab.visuals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves views as PNG and data as text. */
public final class Exports {
    private Exports() {
    }

    /** Snapshots {@code node} (FX thread) and writes it as PNG. */
    public static void savePng(Node node, Path file) throws IOException {
        WritableImage img = node.snapshot(null, null);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile())) {
            throw new IOException("no PNG writer available for " + file);
        }
    }

    /** Writes {@code text} as UTF-8. */
    public static void saveText(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
