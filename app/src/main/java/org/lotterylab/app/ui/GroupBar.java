package org.lotterylab.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * The bar above the views while a group is shown: what it is and, for a sweep, a check box per grid
 * field to group by (one curve per group; the other fields and the seeds give the error bars).
 */
final class GroupBar {
    private final HBox bar = new HBox(10);
    private final LabViews views;
    private final Runnable regrouped;
    private GroupViewModel shown;

    /** A bar over {@code views}' group; {@code regrouped} runs after the grouping changed. */
    GroupBar(LabViews views, Runnable regrouped) {
        this.views = views;
        this.regrouped = regrouped;
        bar.setId("groupBar");
        bar.getStyleClass().add("lab-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 10, 3, 10));
        bar.setVisible(false);
        bar.setManaged(false);
    }

    HBox node() {
        return bar;
    }

    /** Shows the group the views show now, or hides the bar. */
    void sync() {
        FxThread.check();
        GroupViewModel g = views.group();
        if (g == shown) {
            return;
        }
        shown = g;
        bar.getChildren().clear();
        bar.setVisible(g != null);
        bar.setManaged(g != null);
        if (g == null) {
            return;
        }
        Label title = new Label(g.group().title());
        title.setId("groupTitle");
        title.getStyleClass().add("lab-stats");
        bar.getChildren().add(title);
        if (!g.axes().isEmpty()) {
            bar.getChildren().add(new Label("group by:"));
            for (String axis : g.axes()) {
                CheckBox box = new CheckBox(axis);
                box.setId("groupBy-" + axis);
                box.setSelected(g.groupBy().contains(axis));
                box.selectedProperty().addListener((obs, o, n) -> {
                    List<String> chosen = new ArrayList<>();
                    for (Node c : bar.getChildren()) {
                        if (c instanceof CheckBox cb && cb.isSelected()) {
                            chosen.add(cb.getText());
                        }
                    }
                    g.setGroupBy(chosen);
                    views.regroup();
                    regrouped.run();
                });
                bar.getChildren().add(box);
            }
        }
        Label note = new Label(g.byK() ? "LMC: instability vs rewinding iteration k, spread over the other runs"
                : "curves: mean over the runs of each group, error bars as chosen on the accuracy plot");
        note.getStyleClass().add("toolbar-note");
        bar.getChildren().add(note);
    }
}
