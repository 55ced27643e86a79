package org.lotterylab.app.ui;

import static org.lotterylab.app.ui.FxWait.onFx;

import static org.lotterylab.app.ui.FxWait.waitUntil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.LmcExperimentRunner;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.app.ui.lmc.LmcPane;
import org.lotterylab.app.ui.strong.StrongTicketPane;
import org.lotterylab.visuals.chart.Charts;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The IMP dashboard's LMC view, the tabs that follow the run, and presentation mode, on a fake engine. */
@ExtendWith(ApplicationExtension.class)
class LabWindowStoryTest {
    private static final List<Branch> TWO = List.of(Branch.TICKET, Branch.RANDOM_REINIT);

    @TempDir
    Path tmp;

    private LabWindow window;
    private LmcPane lmcPane;
    private StrongTicketPane strongPane;

    @Start
    void start(Stage stage) {
        ScriptedRunner runner = new ScriptedRunner(dir -> withLmc(TestRuns.script(dir, 3, TWO)), 1);
        LabOptions opts = LabOptions.parse(new String[]{"--out", tmp.resolve("runs").toString()});
        window = new LabWindow(stage, opts, () -> runner);
        Supplier<LmcExperimentRunner> noLmcEngine = () -> {
            throw new IllegalStateException("no LMC engine in this test");
        };
        lmcPane = new LmcPane(() -> window.experimentViewModel().spec(), opts::outDir, noLmcEngine);
        strongPane = new StrongTicketPane(() -> window.experimentViewModel().spec(), opts.outDir(),
                (spec, keeps, out, listener) -> {
                    throw new IllegalStateException("no edge-popup engine in this test");
                });
        window.addFollowingTabs(lmcPane, strongPane);
        window.show();
        stage.requestFocus();
    }

    /** After each finished round, the LMC curve of that round's network (5 points and its result). */
    static List<RunEvent> withLmc(List<RunEvent> script) {
        List<RunEvent> out = new ArrayList<>();
        for (RunEvent e : script) {
            out.add(e);
            if (e instanceof RunEvent.RoundFinished f) {
                String network = f.result().branch().id() + String.format("-round-%02d", f.result().round());
                double w = f.result().weightsRemaining();
                for (int i = 0; i < 5; i++) {
                    out.add(new LmcEvent.LmcPoint(network, 0, 0, i, 5, i / 4.0, i == 2 ? 0.09 : 0.08, 0.01, 80, 1000,
                            10, 1000, w));
                }
                out.add(new LmcEvent.LmcCurveDone(network, 0, 0, 0.01, 0.09, 0.5, 0.08, true, 0.02, 0, 0.01, 0.01, w,
                        20, 0.1, false));
            }
        }
        return out;
    }

    private void waitForIdle() throws Exception {
        waitUntil("the run to end", 30, () -> window.runViewModel().activityProperty().get() == RunViewModel.Activity.IDLE
                && !window.hasPendingEvents() && window.runViewModel().lastOutcomeProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int pathCurves() {
        return onFx(() -> {
            window.views().lmc().flush();
            return Charts.renderer(window.views().lmc().pathChart()).getDatasets().size();
        });
    }

    @Test
    void aRunWithPerRoundLmcLeavesOneCurvePerFinishedRoundAndTheTabsOfferItsTickets() throws Exception {
        waitUntil("the engine", 60, () -> window.runViewModel().canRunProperty().get());
        window.runViewModel(); // keep the FX thread for the run
        WaitForAsyncUtils.waitForAsyncFx(10_000, window::run);
        waitForIdle();
        // rounds 0..2 of the ticket, 1..2 of random re-init
        assertEquals(5, pathCurves(), "one curve per finished round and branch");
        assertEquals(List.of(0, 1, 2), onFx(() -> window.views().lmc().model().rounds()));
        assertTrue(onFx(window::caption).contains("round 2: ticket stable (instability 1.00%)"), onFx(window::caption));
        assertTrue(onFx(window::caption).contains("the ticket is"), "the ticket against random re-init");
        // the LMC tab offers the run's dense network and its tickets, no path typed
        List<String> offered = onFx(() -> lmcPane.networkChoices().stream()
                .map(org.lotterylab.app.ui.lmc.LmcViewModel.Choice::label).toList());
        assertEquals(4, offered.size(), offered.toString());
        assertTrue(offered.get(1).startsWith("dense network (round 0) of "), offered.toString());
        assertTrue(offered.get(3).startsWith("ticket round 2"), offered.toString());

        // the left and right arrows move the story's round; the LMC view draws it bold and hides later rounds
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> window.showRound(1));
        assertEquals(1, (int) onFx(() -> window.views().lmc().focusRoundProperty().get()));
        assertEquals(3, pathCurves(), "rounds 0 and 1 of the ticket, round 1 of random re-init");
    }

    @Test
    void anOpenedRunDirectoryShowsItsLmcAndOffersItsTicketsInBothTabs() throws Exception {
        Path dir = TestRuns.writeStoredRun(tmp.resolve("elsewhere"), 3, 5);
        StoredLmcTest.write(dir, true, "ticket-round-00", "ticket-round-01", "random-reinit-round-01", "ticket-round-02");
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> window.openRun(dir));
        waitForIdle();
        assertEquals(4, pathCurves(), "every stored curve of every round");
        assertEquals(3, onFx(() -> lmcPane.networkChoices().size()) - 1, "dense + 2 ticket rounds offered");
        waitUntil("the strong-ticket tab to list the run's ticket rounds", 10,
                () -> strongPane.impRoundChoices().size() == 3);
        assertEquals(dir, onFx(strongPane::runDirectory), "new sweeps land in the opened run's directory");
    }

    @Test
    void presentationAt1280x720KeepsEveryVisibleChartAtLeast200PxHighOnEveryPage() throws Exception {
        Path dir = TestRuns.writeStoredRun(tmp.resolve("elsewhere"), 3, 5);
        StoredLmcTest.write(dir, false, "ticket-round-00", "ticket-round-01", "random-reinit-round-01");
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> window.openRun(dir));
        waitForIdle();
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            window.setPresentation(true);
            window.stage().setFullScreen(false); // a 1280x720 projector, not the test screen's size
            window.stage().setWidth(1280);
            window.stage().setHeight(720);
        });
        WaitForAsyncUtils.waitForFxEvents();
        int pages = onFx(() -> window.grid().pageCount());
        assertTrue(pages >= 3, "at 1280 px one pane per page: " + pages);
        for (int p = 0; p < pages; p++) {
            int page = p;
            WaitForAsyncUtils.waitForAsyncFx(10_000, () -> window.grid().showPage(page));
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            List<String> small = onFx(() -> {
                List<String> bad = new ArrayList<>();
                for (XYChart c : visibleCharts(window.scene().getRoot())) {
                    double h = c.getCanvas().getHeight();
                    if (h < 200) {
                        bad.add(c.getTitle() + " " + Math.round(h) + " px");
                    }
                }
                return bad;
            });
            assertEquals(List.of(), small, "page " + (p + 1) + ": " + onFx(() -> window.grid().pageTitles()));
            assertTrue(onFx(() -> !visibleCharts(window.scene().getRoot()).isEmpty() || page >= 2),
                    "the chart pages show charts");
        }
    }

    /** The XY charts shown: visible themselves and in every parent. */
    static List<XYChart> visibleCharts(Parent root) {
        List<XYChart> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<XYChart> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof XYChart c) {
            out.add(c);
            return;
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }
}
