package org.lotterylab.visuals.chart;

import io.fair_acc.chartfx.legend.spi.DefaultLegend;
import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.chartfx.ui.css.DataSetNode;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Tooltip;

/**
 * ChartFX's default legend, made cheap to repaint: a rebuild that would show the same series in the same order
 * changes nothing, and new items are styled at once rather than in the next frame.
 *
 * <p>Why: ChartFX 11.3.1 rebuilds the legend after every change of a renderer's data sets. New items get their
 * skins during the CSS pass, and the skins' parts are styled only in the following frame; that frame then has a
 * CSS change but nothing visible to paint, and JavaFX answers a frame with no dirty region by repainting the whole
 * window (under Xvfb's software renderer 40 to 70 ms, about once per IMP round). Styling the new items right away
 * leaves no such frame (docs/decisions/0020).
 *
 * <p>It also fits a narrow chart: it asks for no more width than its widest entry's minimum and cuts an entry
 * longer than the chart (the full text on hover). ChartFX's legend, a {@code FlowPane}, asks for its longest
 * entry's whole width, and ChartFX centres a legend wider than its chart, which cut off the y axis's tick labels
 * on the left and the last x tick on the right (two charts side by side at 1600x1000).
 */
public final class StableLegend extends DefaultLegend {
    /** A legend whose entries never run past its width ({@link WrappingRow#capItems}). */
    public StableLegend() {
        WrappingRow.capItems(this);
    }

    @Override
    protected double computeMinWidth(double height) {
        return WrappingRow.minWidth(this);
    }

    @Override
    public LegendItem getNewLegendItem(DataSetNode series) {
        LegendItem item = super.getNewLegendItem(series);
        Tooltip full = new Tooltip();
        full.textProperty().bind(item.textProperty());
        item.setTooltip(full);
        return item;
    }

    @Override
    public void updateLegend(List<Renderer> renderers, boolean forceUpdate) {
        if (!forceUpdate && showsExactly(series(renderers))) {
            return;
        }
        super.updateLegend(renderers, forceUpdate);
        applyCss();
    }

    /** The series in the order ChartFX's rebuild would list them (every renderer's nodes, in turn). */
    private static List<DataSetNode> series(List<Renderer> renderers) {
        List<DataSetNode> series = new ArrayList<>();
        for (Renderer r : renderers) {
            series.addAll(r.getDatasetNodes());
        }
        return series;
    }

    private boolean showsExactly(List<DataSetNode> series) {
        List<LegendItem> items = getItems();
        if (series.size() != items.size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).getSeries() != series.get(i)) {
                return false;
            }
        }
        return true;
    }
}
