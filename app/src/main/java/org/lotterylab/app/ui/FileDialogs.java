package org.lotterylab.app.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The lab window's file choosers: they open in the folder last used (a run opened or replayed, a file saved),
 * else in the runs folder.
 */
final class FileDialogs {
    private final Stage stage;
    private final Path outDir;
    private final RunViewModel vm;
    private Path lastDir;

    FileDialogs(Stage stage, Path outDir, RunViewModel vm) {
        this.stage = stage;
        this.outDir = outDir;
        this.vm = vm;
    }

    /** Remembers the folder that holds {@code path} for the next chooser. */
    void rememberParentOf(Path path) {
        lastDir = path.toAbsolutePath().getParent();
    }

    /** Saving action with a file chooser. */
    @FunctionalInterface
    interface Saver {
        void save(Path file) throws IOException;
    }

    File chooseDirectory(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        Path start = startFolder();
        if (start != null) {
            chooser.setInitialDirectory(start.toFile());
        }
        return chooser.showDialog(stage);
    }

    /** A replicate group's file or a sweep's index. */
    File chooseGroup() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a replicate group or a sweep");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Group file or sweep index",
                "*" + org.lotterylab.api.store.ReplicateGroup.SUFFIX, RunGroup.SWEEP_JSON));
        Path start = startFolder();
        if (start != null) {
            chooser.setInitialDirectory(start.toFile());
        }
        return chooser.showOpenDialog(stage);
    }

    private Path startFolder() {
        return lastDir != null && Files.isDirectory(lastDir) ? lastDir
                : Files.isDirectory(outDir) ? outDir : null;
    }

    /** Asks for a file and saves into it; a failure is shown in the error banner. */
    void chooseAndSave(String title, String name, FileChooser.ExtensionFilter filter, Saver saver) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(filter);
        chooser.setInitialFileName(name);
        if (lastDir != null && Files.isDirectory(lastDir)) {
            chooser.setInitialDirectory(lastDir.toFile());
        }
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        rememberParentOf(f.toPath());
        try {
            saver.save(f.toPath());
        } catch (IOException | RuntimeException e) {
            vm.showError("Could not save " + f + ": " + EngineLoader.reason(e), e.toString());
        }
    }
}
