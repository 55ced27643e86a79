package org.lotterylab.visuals.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotterylab.visuals.Fx;
import org.lotterylab.visuals.Theme;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class StableLegendTest {
    private XYChart chart;

    @Start
    void start(Stage stage) {
        chart = Charts.chart("t", new DefaultNumericAxis("x"), new DefaultNumericAxis("y"), false);
        Scene scene = new Scene(chart, 600, 400);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
    }

    private static DoubleDataSet series(String name) {
        DoubleDataSet ds = new DoubleDataSet(name, 4);
        ds.add(new double[] {0, 1}, new double[] {1, 2});
        return ds;
    }

    @Test
    void newItemsAreStyledWhenTheLegendIsRebuiltNotOneFrameLater() {
        Fx.run(() -> {
            StableLegend legend = (StableLegend) chart.getLegend();
            Charts.renderer(chart).getDatasets().addAll(series("a"), series("b"));
            legend.updateLegend(chart.getRenderers(), false);
            assertEquals(2, legend.getItems().size());
            for (var item : legend.getItems()) {
                // a control gets its skin when CSS is applied to it: without the immediate styling it has none yet
                assertNotNull(item.getSkin(), "item " + item.getText() + " styled at once");
            }
        });
    }

    @Test
    void aRebuildShowingTheSameSeriesChangesNothing() {
        Fx.run(() -> {
            StableLegend legend = (StableLegend) chart.getLegend();
            Charts.renderer(chart).getDatasets().setAll(series("a"), series("b"));
            legend.updateLegend(chart.getRenderers(), false);
            List<StableLegend.LegendItem> before = List.copyOf(legend.getItems());
            AtomicInteger changes = new AtomicInteger();
            legend.getChildren().addListener((ListChangeListener<javafx.scene.Node>) c -> changes.incrementAndGet());
            legend.updateLegend(chart.getRenderers(), false);
            assertEquals(0, changes.get(), "the same items stay in the scene");
            assertSame(before.get(0), legend.getItems().get(0));

            Charts.renderer(chart).getDatasets().add(series("c"));
            legend.updateLegend(chart.getRenderers(), false);
            assertEquals(3, legend.getItems().size(), "a new series still reaches the legend");
        });
    }

    @Test
    void aChartNarrowerThanItsLongestLegendEntryKeepsEverythingInsideItself() {
        Fx.run(() -> {
            Charts.renderer(chart).getDatasets().setAll(series("Winning ticket (IMP, rewind to theta_0, per layer)"),
                    series("b"));
            chart.getScene().getWindow().setWidth(190);
            chart.getScene().getRoot().applyCss();
            chart.getScene().getRoot().layout();
            chart.getScene().getRoot().layout();
        });
        double chartWidth = Fx.call(chart::getWidth);
        StableLegend legend = (StableLegend) chart.getLegend();
        javafx.geometry.Bounds inChart = Fx.call(() -> chart.sceneToLocal(legend.localToScene(legend.getLayoutBounds())));
        assertTrue(inChart.getMinX() >= -0.5 && inChart.getMaxX() <= chartWidth + 0.5,
                "the legend inside the chart's " + chartWidth + " px: " + inChart);
        var item = legend.getItems().get(0);
        assertTrue(Fx.call(item::getWidth) <= Fx.call(legend::getWidth), "the long entry cut to the legend's width");
        assertEquals(item.getText(), Fx.call(() -> item.getTooltip().getText()), "its full text on hover");
        javafx.geometry.Bounds canvas = Fx.call(() -> chart.sceneToLocal(
                chart.getCanvas().localToScene(chart.getCanvas().getLayoutBounds())));
        assertTrue(canvas.getMinX() >= -0.5 && canvas.getMaxX() <= chartWidth + 0.5,
                "the plot (and so its axes) inside the chart: " + canvas);
    }
}
