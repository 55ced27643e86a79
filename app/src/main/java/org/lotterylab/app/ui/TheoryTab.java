package org.lotterylab.app.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.stage.DirectoryChooser;
import org.lotterylab.api.store.Parsed;
import org.lotterylab.api.store.WidthSweepCsv;
import org.lotterylab.api.store.WidthSweepRow;
import org.lotterylab.visuals.theory.TheoryView;

/**
 * The window's "Theory" tab (Malach et al. 2020; Pensia et al. 2020). Its experiments take seconds of CPU, so
 * they run (off the FX thread) only when the tab is first selected, never during a live demo that does not ask
 * for them. Its width-sweep chart follows the run shown in the window (the {@code *.widths.csv} table that
 * lists that run, or that sits in the folder opened) and a folder chosen with "Open width sweep…".
 */
final class TheoryTab {
    /** With {@code -Dlth.lab.tab=tab-theory} the window opens on this tab (for screenshots of the view). */
    static final String START_TAB = System.getProperty("lth.lab.tab");

    private final Tab tab;
    private final Label wait = new Label("select this tab to compute the experiments");
    private final RunViewModel vm;
    private final Path outDir;
    private final javafx.stage.Stage stage;
    private TheoryView view;
    private Path chosen;
    private volatile boolean reportShown;
    private final AtomicInteger reading = new AtomicInteger();

    private TheoryTab(LabWindow window, Path outDir) {
        this.vm = window.runViewModel();
        this.outDir = outDir;
        this.stage = window.stage();
        tab = window.addTab("Theory", wait);
        tab.setId("tab-theory");
        tab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                mount();
            }
        });
        vm.runDirProperty().addListener((obs, o, n) -> refresh());
        vm.addEndListener(outcome -> refresh());
    }

    /** Adds the tab to {@code window}; runs are looked for in {@code outDir} while none is shown. */
    static TheoryTab add(LabWindow window, Path outDir) {
        TheoryTab t = new TheoryTab(window, outDir);
        if ("tab-theory".equals(START_TAB)) {
            t.tab.getTabPane().getSelectionModel().select(t.tab);
        }
        return t;
    }

    /** Whether the tab is shown and still computing its report or reading a width sweep (screenshots wait). */
    boolean busy() {
        return tab.isSelected() && (!reportShown || reading.get() > 0);
    }

    private void mount() {
        if (view != null) {
            return;
        }
        view = new TheoryView();
        view.setOnOpenWidthSweep(this::choose);
        tab.setContent(view);
        view.compute(() -> new org.lotterylab.engine.theory.TheoryLab(1, 32,
                org.lotterylab.engine.theory.TheoryLab.DEFAULT_WIDTHS).run(), () -> reportShown = true);
        refresh();
    }

    private void choose() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a width sweep (a folder with a *.widths.csv table, or one of its runs)");
        Path start = chosen != null ? chosen : vm.runDirProperty().get() != null ? vm.runDirProperty().get() : outDir;
        if (start != null && Files.isDirectory(start)) {
            chooser.setInitialDirectory(start.toFile());
        }
        File f = chooser.showDialog(stage);
        if (f != null) {
            chosen = f.toPath();
            load(chosen, true);
        }
    }

    /** Reads the table for the folder chosen, else for the run shown, else for the runs folder. */
    private void refresh() {
        if (view == null) {
            return;
        }
        Path run = vm.runDirProperty().get();
        load(chosen != null ? chosen : run != null ? run : outDir, chosen != null);
    }

    private void load(Path dir, boolean userChose) {
        if (dir == null) {
            view.setWidthSweep(List.of(), "", null);
            return;
        }
        reading.incrementAndGet();
        BackgroundTasks.shared().run("lth-theory-width-sweep", () -> read(dir, userChose), sweep -> {
            view.setWidthSweep(sweep.rows(), sweep.source(), sweep.reason());
            reading.decrementAndGet();
        }, e -> reading.decrementAndGet());
    }

    /** A width-sweep table as the view takes it: rows, the table's file name, the reason when there are none. */
    private record Sweep(List<WidthSweepRow> rows, String source, String reason) {
    }

    /** Reads the table for {@code dir} (background thread); every failure becomes the reason shown. */
    private static Sweep read(Path dir, boolean userChose) {
        try {
            Optional<Path> table = WidthSweepCsv.locate(dir);
            if (table.isPresent()) {
                Parsed<WidthSweepRow> p = WidthSweepCsv.read(table.get());
                List<WidthSweepRow> rows = p.rows();
                return new Sweep(rows, table.get().getFileName().toString(), rows.isEmpty()
                        ? "The width-sweep table " + table.get() + " has no strong-ticket rows"
                        + (p.warnings().isEmpty() ? "" : ": " + p.warnings().get(0)) + "." : null);
            }
            return new Sweep(List.of(), "", userChose ? "No width sweep in " + dir + ": no *" + WidthSweepCsv.SUFFIX
                    + " table there, and none beside it lists it. " + TheoryView.NO_WIDTH_SWEEP : null);
        } catch (IOException | RuntimeException e) {
            return new Sweep(List.of(), "", "Could not read the width sweep of " + dir + ": " + e.getMessage());
        }
    }
}
