package org.lotterylab.app.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.RowConstraints;

/**
 * The view panes. Normally a grid: masks over input pixels, accuracy over training curves, and linear
 * mode connectivity beside the accuracy. A click selects a pane (the one exported); a double-click on its
 * title or its maximise button shows it alone. Paged (presentation mode), a few panes at a time fill the
 * grid, in story order (accuracy, LMC, masks, pixels, curves), and {@link #nextPage}/{@link #previousPage}
 * turn the pages.
 */
public final class ViewGrid extends GridPane {
    /** Panes in story order for paging (the early-bird pane last, when mounted). */
    private List<String> pageOrder() {
        return earlyBirdShown.get() ? EARLY_BIRD_PAGES : BASE_PAGES;
    }

    private static final List<String> BASE_PAGES = List.of("accuracy", "lmc", "masks", "pixels", "curves");
    private static final List<String> EARLY_BIRD_PAGES = List.of("accuracy", "lmc", "masks", "pixels", "curves",
            "earlybird");
    private final javafx.beans.value.ObservableBooleanValue earlyBirdShown;
    private final List<ViewPane> panes;
    private ViewPane selected;
    private ViewPane maximised;
    private final javafx.beans.property.IntegerProperty perPage =
            new javafx.beans.property.SimpleIntegerProperty(this, "panesPerPage", 0);
    private boolean presentation;
    private final javafx.beans.property.IntegerProperty page = new javafx.beans.property.SimpleIntegerProperty(this, "page", 0);

    ViewGrid(LabViews views, RunViewModel vm) {
        getStyleClass().add("view-grid");
        setId("viewGrid");
        setHgap(6);
        setVgap(6);
        setPadding(new Insets(6));
        javafx.scene.control.SplitPane masks = new javafx.scene.control.SplitPane(views.heatmap(), views.layerSparsity());
        masks.setOrientation(javafx.geometry.Orientation.VERTICAL);
        masks.setDividerPositions(0.70);
        views.heatmap().setMinSize(0, 0);
        views.layerSparsity().setMinSize(0, 0);
        javafx.scene.control.SplitPane.setResizableWithParent(views.layerSparsity(), false);
        ViewPane maskPane = new ViewPane("masks", "Mask heatmap and weights remaining per layer", masks,
                masks, views::layerSparsityCsv);
        ViewPane accuracy = new ViewPane("accuracy", "Test accuracy and early stopping vs weights remaining",
                views.accuracy(), views.accuracy(), () -> views.accuracy().toCsv());
        ViewPane pixels = new ViewPane("pixels", "Input pixels: connections kept by the first layer",
                views.inputPixels(), views.inputPixels(), views::inputPixelCsv);
        ViewPane curves = new ViewPane("curves", "Training curves of the current round",
                views.curves(), views.curves(), () -> views.curves().toCsv());
        ViewPane lmc = new ViewPane("lmc", "Linear mode connectivity of each round",
                views.lmc(), views.lmc(), () -> views.lmc().toCsv());
        ViewPane earlyBird = new ViewPane("earlybird", "Early-bird ticket: pairwise mask distance in the dense round",
                views.earlyBird(), views.earlyBird(), () -> views.earlyBird().model().toCsv());
        panes = List.of(maskPane, accuracy, pixels, curves, lmc, earlyBird);
        // the early-bird pane is mounted only while the run shown has early-bird data
        earlyBirdShown = views.earlyBirdShownProperty();
        // after the current pulse: a chart's post-layout pass must not see the grid change under it
        earlyBirdShown.addListener((obs, was, now) -> javafx.application.Platform.runLater(() -> {
            if (maximised != null) {
                toggleMaximised(maximised);
            } else {
                relayout();
            }
        }));
        for (ViewPane p : panes) {
            p.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> select(p));
            p.maximiseButton.setOnAction(e -> toggleMaximised(p));
            p.header.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                    toggleMaximised(p);
                }
            });
        }
        relayout();
        select(accuracy);
        widthProperty().addListener((o, a, b) -> fit());
        heightProperty().addListener((o, a, b) -> fit());
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && maximised != null) {
                toggleMaximised(maximised);
            }
        });
    }

    /** The panes in grid order. */
    public List<ViewPane> panes() {
        return panes;
    }

    /** The pane with {@code id}. */
    public ViewPane pane(String id) {
        return panes.stream().filter(p -> p.id.equals(id)).findFirst().orElseThrow();
    }

    /** Whether the pane {@code id} is mounted: in the grid, or on one of the pages when paged. */
    public boolean mounted(String id) {
        return pageOrder().contains(id);
    }

    /** The selected pane (what Export acts on). */
    public ViewPane selected() {
        return selected;
    }

    /** Selects the pane with {@code id} ({@code masks}, {@code accuracy}, {@code pixels}, {@code curves}, {@code lmc}). */
    public void select(String id) {
        panes.stream().filter(p -> p.id.equals(id)).findFirst().ifPresent(this::select);
    }

    private void select(ViewPane p) {
        if (selected != null) {
            selected.getStyleClass().remove("selected");
        }
        selected = p;
        p.getStyleClass().add("selected");
    }

    /**
     * Presentation mode (large type): always paged, two panes per page from 1,750 px wide, else one.
     * Otherwise the whole grid when it has room (1,150 x 600 px), else pages of two panes (one below 900 px).
     */
    public void setPresentation(boolean on) {
        presentation = on;
        fit();
    }

    /** Panes per page for a grid of {@code w} x {@code h} px; 0 = the whole grid. */
    static int panesPerPage(boolean presentation, double w, double h) {
        if (presentation) {
            return w >= 1750 ? 2 : 1;
        }
        if (w >= 1150 && h >= 600) {
            return 0;
        }
        return w >= 900 ? 2 : 1;
    }

    private void fit() {
        if (getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        int want = panesPerPage(presentation, getWidth(), getHeight());
        if (want != perPage.get()) {
            setPaged(want);
        }
    }

    /** Pages of {@code panesPerPage} panes side by side, or the whole grid again for 0. */
    public void setPaged(int panesPerPage) {
        if (maximised != null) {
            toggleMaximised(maximised);
        }
        String shown = selected == null ? null : selected.id;
        perPage.set(Math.max(0, panesPerPage));
        page.set(0);
        if (shown != null && perPage.get() > 0) {
            page.set(Math.max(0, pageOrder().indexOf(shown)) / perPage.get());
        }
        relayout();
    }

    /** Panes per page, 0 when not paged. */
    public int panesPerPage() {
        return perPage.get();
    }

    /** Panes per page (0: not paged). */
    public javafx.beans.property.ReadOnlyIntegerProperty pagedProperty() {
        return perPage;
    }

    /** Number of pages (1 when not paged). */
    public int pageCount() {
        return perPage.get() == 0 ? 1 : (pageOrder().size() + perPage.get() - 1) / perPage.get();
    }

    /** The page shown (0-based). */
    public javafx.beans.property.ReadOnlyIntegerProperty pageProperty() {
        return page;
    }

    /** Shows the next page (wrapping). */
    public void nextPage() {
        showPage((page.get() + 1) % pageCount());
    }

    /** Shows the previous page (wrapping). */
    public void previousPage() {
        showPage((page.get() + pageCount() - 1) % pageCount());
    }

    /** Shows the page that holds the pane {@code id}. */
    public void showPageOf(String id) {
        int i = pageOrder().indexOf(id);
        if (perPage.get() > 0 && i >= 0) {
            showPage(i / perPage.get());
        }
    }

    /** Shows page {@code p} (0-based). */
    public void showPage(int p) {
        page.set(Math.floorMod(p, pageCount()));
        relayout();
    }

    /** Titles of the panes on the page shown. */
    public List<String> pageTitles() {
        return panes.stream().filter(Node::isVisible).map(ViewPane::title).toList();
    }

    private void relayout() {
        getColumnConstraints().clear();
        getRowConstraints().clear();
        int per = perPage.get();
        if (per > 0) {
            List<String> order = pageOrder();
            page.set(Math.min(page.get(), (order.size() - 1) / per));
            List<String> ids = order.subList(page.get() * per, Math.min(order.size(), (page.get() + 1) * per));
            for (ViewPane p : panes) {
                boolean on = ids.contains(p.id);
                p.setVisible(on);
                p.setManaged(on);
                if (on) {
                    GridPane.setConstraints(p, ids.indexOf(p.id), 0, 1, 1);
                }
            }
            for (int i = 0; i < ids.size(); i++) {
                ColumnConstraints c = new ColumnConstraints();
                c.setPercentWidth(100.0 / ids.size());
                getColumnConstraints().add(c);
            }
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(100);
            getRowConstraints().add(r);
            if (!ids.isEmpty() && (selected == null || !ids.contains(selected.id))) {
                select(ids.get(0));
            }
            return;
        }
        double[] widths = {40, 32, 28};
        for (double w : widths) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(w);
            getColumnConstraints().add(c);
        }
        RowConstraints r0 = new RowConstraints();
        r0.setPercentHeight(55);
        RowConstraints r1 = new RowConstraints();
        r1.setPercentHeight(45);
        getRowConstraints().setAll(r0, r1);
        boolean eb = earlyBirdShown.get();
        for (ViewPane p : panes) {
            boolean on = eb || !p.id.equals("earlybird");
            p.setVisible(on);
            p.setManaged(on);
        }
        if (!eb && selected != null && selected.id.equals("earlybird")) {
            select("accuracy");
        }
        GridPane.setConstraints(pane("masks"), 0, 0, 1, 1);
        GridPane.setConstraints(pane("pixels"), 0, 1, 1, 1);
        GridPane.setConstraints(pane("accuracy"), 1, 0, 1, 1);
        GridPane.setConstraints(pane("curves"), 1, 1, 1, 1);
        GridPane.setConstraints(pane("lmc"), 2, 0, 1, eb ? 1 : 2);
        GridPane.setConstraints(pane("earlybird"), 2, 1, 1, 1);
        if (getChildren().isEmpty()) {
            getChildren().addAll(panes);
        }
    }

    /** Shows {@code p} alone, or the whole grid (or page) again. */
    public void toggleMaximised(ViewPane p) {
        if (maximised == p) {
            p.maximiseButton.setText("⤢");
            maximised = null;
            relayout();
        } else {
            if (maximised != null) {
                toggleMaximised(maximised);
            }
            for (ViewPane q : panes) {
                q.setVisible(q == p);
                q.setManaged(q == p);
            }
            GridPane.setConstraints(p, 0, 0, getColumnConstraints().size(), getRowConstraints().size());
            p.maximiseButton.setText("⤡");
            maximised = p;
        }
        select(p);
    }
}
