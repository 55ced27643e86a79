package org.lotterylab.visuals.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

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
}
