package org.lotterylab.app.ui;

import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** One titled pane of the view grid. */
public final class ViewPane extends BorderPane {
    final String id;
    private final String title;
    private final Node content;
    private final Supplier<String> csv;
    final HBox header;
    final Button maximiseButton = new Button("⤢");

    ViewPane(String id, String title, Node body, Node content, Supplier<String> csv) {
        this.id = id;
        this.title = title;
        this.content = content;
        this.csv = csv;
        setId("pane-" + id);
        getStyleClass().add("view-pane");
        Label t = new Label(title);
        t.getStyleClass().add("view-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        maximiseButton.getStyleClass().add("maximise-button");
        maximiseButton.setTooltip(new Tooltip("Show this view alone (double-click the title); again to go back"));
        header = new HBox(6, t, spacer, maximiseButton);
        header.getStyleClass().add("view-header");
        header.setAlignment(Pos.CENTER_LEFT);
        setTop(header);
        StackPane holder = new StackPane(body);
        holder.getStyleClass().add("view-body");
        holder.setMinSize(0, 0);
        if (body instanceof Region r) {
            r.setMinSize(0, 0);
        }
        // views never paint outside their pane, whatever their own minimum sizes
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(holder.widthProperty());
        clip.heightProperty().bind(holder.heightProperty());
        holder.setClip(clip);
        setCenter(holder);
        setMinSize(0, 0);
    }

    /** The pane's id: masks, accuracy, pixels or curves. */
    public String paneId() {
        return id;
    }

    /** The title shown above the view. */
    public String title() {
        return title;
    }

    /** The view node exported as PNG. */
    public Node content() {
        return content;
    }

    /** The data behind the view as CSV. */
    public Supplier<String> csv() {
        return csv;
    }
}
