package org.lotterylab.app.ui;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The story line of the window: the caption that states what the data on screen shows, the presentation pager
 * beside it, the round the story is at (the heatmap's round, drawn bold in the LMC view) and the keys that move
 * it: space pauses or resumes, left/right go to the previous/next round, Page Up/Down turn the pages.
 */
final class StoryNavigator {
    private final RunViewModel vm;
    private final LabViews views;
    private final ViewGrid grid;
    private final Label captionLabel = new Label();
    private final Label pageLabel = new Label();
    private int focusRound = -1;

    StoryNavigator(RunViewModel vm, LabViews views, ViewGrid grid) {
        this.vm = vm;
        this.views = views;
        this.grid = grid;
    }

    /** Listens for the story keys in {@code scene} and follows the pages and the LMC view's round. */
    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> storyKeys(scene, e));
        grid.pagedProperty().addListener((obs, o, n) -> updateCaption());
        views.lmc().focusRoundProperty().addListener((obs, o, n) -> updateCaption());
    }

    /** The caption line: what the data on screen shows. */
    String caption() {
        return captionLabel.getText();
    }

    /**
     * The round the story is at: the heatmap's round (arrow keys move it), which the LMC view draws bold.
     * Moves to {@code round} (clamped to the finished rounds).
     */
    void showRound(int round) {
        int max = vm.maxRoundProperty().get();
        if (max < 0) {
            return;
        }
        int r = Math.max(0, Math.min(max, round));
        org.lotterylab.api.spec.Branch b = views.heatmap().branchProperty().get();
        if (b != null && vm.result(b, r) != null) {
            views.heatmap().showRound(b, r);
        }
        views.lmc().setFocusRound(r);
        focusRound = r >= max ? -1 : r;
        updateCaption();
    }

    private int storyRound() {
        return focusRound >= 0 ? focusRound : vm.maxRoundProperty().get();
    }

    /** Writes the caption and the page number for what is shown now. */
    void updateCaption() {
        FxThread.check();
        String text = StoryCaption.of(vm.results(), views.lmc().model(), storyRound());
        if (!text.isEmpty() && views.group() != null && vm.runSpec() != null) {
            // the caption reads the run the other views show, not the group's means
            text = "seed " + vm.runSpec().seed() + " (one run of the group): " + text;
        }
        captionLabel.setText(text.isEmpty() ? "Run an experiment or open a stored run: the caption states what the data shows" : text);
        pageLabel.setText(grid.panesPerPage() == 0 ? ""
                : String.format(Locale.ROOT, "%d/%d", grid.pageProperty().get() + 1, grid.pageCount()));
    }

    /** The caption bar: pager and caption. */
    Node captionBar() {
        captionLabel.setId("storyCaption");
        captionLabel.getStyleClass().add("story-caption");
        captionLabel.setMaxWidth(Double.MAX_VALUE);
        captionLabel.setMinWidth(0);
        captionLabel.setWrapText(true);
        HBox.setHgrow(captionLabel, Priority.ALWAYS);
        pageLabel.setId("pageLabel");
        pageLabel.getStyleClass().add("page-label");
        pageLabel.setMinWidth(Region.USE_PREF_SIZE);
        Button prev = new Button("◀");
        prev.setId("previousPage");
        prev.setTooltip(new Tooltip("Previous page (Page Up)"));
        pageLabel.setTooltip(new Tooltip("Presentation pages: Page Up / Page Down; arrows: previous / next round; space: pause"));
        prev.setOnAction(e -> {
            grid.previousPage();
            updateCaption();
        });
        Button next = new Button("▶");
        next.setId("nextPage");
        next.setTooltip(new Tooltip("Next page (Page Down)"));
        next.setOnAction(e -> {
            grid.nextPage();
            updateCaption();
        });
        HBox pager = new HBox(4, prev, pageLabel, next);
        pager.setAlignment(Pos.CENTER_LEFT);
        pager.visibleProperty().bind(grid.pagedProperty().greaterThan(0));
        pager.managedProperty().bind(pager.visibleProperty());
        HBox bar = new HBox(10, pager, captionLabel);
        bar.setId("captionBar");
        bar.getStyleClass().add("caption-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 10, 3, 10));
        updateCaption();
        return bar;
    }

    /** Space: pause/resume; left/right: previous/next round; Page Up/Down: presentation pages. */
    private void storyKeys(Scene scene, KeyEvent e) {
        Node focus = scene.getFocusOwner();
        boolean typing = focus instanceof javafx.scene.control.TextInputControl
                || focus instanceof javafx.scene.control.ComboBoxBase<?> || focus instanceof javafx.scene.control.Spinner<?>;
        boolean arrowsTaken = typing || focus instanceof Slider;
        switch (e.getCode()) {
            case SPACE -> {
                if (!typing && (vm.activityProperty().get() == RunViewModel.Activity.RUNNING
                        || vm.activityProperty().get() == RunViewModel.Activity.REPLAYING)) {
                    vm.togglePause();
                    e.consume();
                }
            }
            case LEFT, RIGHT -> {
                if (!arrowsTaken && !e.isShortcutDown()) {
                    showRound(storyRound() + (e.getCode() == KeyCode.LEFT ? -1 : 1));
                    e.consume();
                }
            }
            case PAGE_UP, PAGE_DOWN -> {
                if (grid.panesPerPage() > 0 && !typing) {
                    if (e.getCode() == KeyCode.PAGE_UP) {
                        grid.previousPage();
                    } else {
                        grid.nextPage();
                    }
                    updateCaption();
                    e.consume();
                }
            }
            default -> { }
        }
    }
}
