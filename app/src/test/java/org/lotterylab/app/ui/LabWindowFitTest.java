package org.lotterylab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lotterylab.app.ui.FxWait.onFx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.spec.Branch;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dashboard at the window sizes users have: no part of a view (a toolbar's picker, a chart's legend or axes,
 * the input-pixel map) lies outside its pane, where the pane's clip would cut it. Seen before: at 1600x1000 the
 * two charts side by side in the middle column had legends wider than themselves, which ChartFX centred, cutting
 * the y axis's labels on the left and the last x tick on the right.
 */
@ExtendWith(ApplicationExtension.class)
class LabWindowFitTest {
    @TempDir
    Path tmp;

    private LabWindow window;

    @Start
    void start(Stage stage) {
        ScriptedRunner runner = new ScriptedRunner(dir -> TestRuns.script(dir, 3, List.of(Branch.TICKET)), 1);
        LabOptions opts = LabOptions.parse(new String[]{"--out", tmp.resolve("runs").toString()});
        window = new LabWindow(stage, opts, () -> runner);
        window.show();
    }

    @Test
    void atEachUsualSizeEveryPartOfEveryViewLiesInsideItsPane() throws Exception {
        Path dir = TestRuns.writeStoredRun(tmp.resolve("elsewhere"), 3, 5);
        StoredLmcTest.write(dir, false, "ticket-round-00", "ticket-round-01", "random-reinit-round-01");
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> window.openRun(dir));
        FxWait.waitUntil("the run to open", 30, () -> window.runViewModel().activityProperty().get()
                == RunViewModel.Activity.IDLE && !window.hasPendingEvents());
        // the headless test screen is 1600x1200: 1920x1080 is looked at in screenshots instead
        for (int[] size : new int[][] {{1600, 1000}, {1366, 768}, {1280, 720}}) {
            WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
                window.stage().setFullScreen(false);
                window.stage().setWidth(size[0]);
                window.stage().setHeight(size[1]);
            });
            WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            int pages = onFx(() -> window.grid().pageCount());
            for (int p = 0; p < pages; p++) {
                int page = p;
                WaitForAsyncUtils.waitForAsyncFx(10_000, () -> window.grid().showPage(page));
                WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
                WaitForAsyncUtils.waitForFxEvents();
                List<String> outside = onFx(() -> {
                    List<String> bad = new ArrayList<>();
                    for (ViewPane pane : window.grid().panes()) {
                        if (pane.isVisible()) {
                            Bounds b = pane.localToScene(pane.getLayoutBounds());
                            collectOutside(pane.getCenter(), b, pane.paneId(), bad);
                        }
                    }
                    return bad;
                });
                assertEquals(List.of(), outside, size[0] + "x" + size[1] + ", page " + (p + 1));
            }
        }
    }

    @Test
    void aWindowOnAStageLeftAtProjectorSizeFillsTheScreenAgain() throws Exception {
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            window.stage().setWidth(1280);
            window.stage().setHeight(720);
        });
        // the headless window reports its new bounds back a pulse or two later
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1280, onFx(() -> window.stage().getWidth()), 1);
        LabOptions opts = LabOptions.parse(new String[]{"--out", tmp.resolve("runs2").toString()});
        LabWindow next = WaitForAsyncUtils.asyncFx(() -> new LabWindow(window.stage(), opts,
                () -> new ScriptedRunner(d -> List.of(), 1)))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Rectangle2D screen = onFx(() -> javafx.stage.Screen.getPrimary().getVisualBounds());
        assertEquals(Math.min(1920, screen.getWidth()), onFx(() -> next.stage().getWidth()), 1);
        assertEquals(Math.min(1200, screen.getHeight()), onFx(() -> next.stage().getHeight()), 1);
        assertEquals(screen.getMinX(), onFx(() -> next.stage().getX()), 1, "on the screen, not past its edge");
    }

    /** Visible regions under {@code n} reaching past {@code pane} sideways (a scroll pane's content may). */
    private static void collectOutside(Node n, Bounds pane, String id, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Region r && r.getWidth() > 0) {
            Bounds b = n.localToScene(n.getLayoutBounds());
            if (b.getMinX() < pane.getMinX() - 1 || b.getMaxX() > pane.getMaxX() + 1) {
                out.add(String.format(Locale.ROOT, "%s: %s %s from x %.0f to %.0f, pane %.0f to %.0f", id,
                        n.getClass().getSimpleName(), n.getStyleClass(), b.getMinX(), b.getMaxX(), pane.getMinX(),
                        pane.getMaxX()));
                return;
            }
        }
        if (n instanceof ScrollPane) {
            return;
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collectOutside(c, pane, id, out);
            }
        }
    }
}
