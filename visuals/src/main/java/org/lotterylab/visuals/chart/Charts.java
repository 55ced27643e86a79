package org.lotterylab.visuals.chart;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.DataSet;
import java.util.Locale;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.visuals.BranchColors;

/** Shared ChartFX set-up for the lab's charts. */
public final class Charts {
    /** Style class of every series the lab adds (widths come from the lab stylesheets). */
    public static final String SERIES_CLASS = "lab-series";

    private Charts() {
    }

    /** A linear axis that does not force zero into its range. */
    public static DefaultNumericAxis linearAxis(String name, boolean forceZero) {
        DefaultNumericAxis a = new DefaultNumericAxis(name);
        a.setAutoRanging(true);
        a.setAutoRangeRounding(false);
        a.setAutoRangePadding(0.06);
        a.setForceZeroInRange(forceZero);
        a.setAnimated(false);
        a.setUnit(null);
        return a;
    }

    /** Tick labels as plain numbers with thousands separators ("12,500"), for iteration axes. */
    public static void integerLabels(DefaultNumericAxis axis) {
        axis.setTickLabelFormatter(new javafx.util.StringConverter<Number>() {
            @Override
            public String toString(Number n) {
                return String.format(Locale.ROOT, "%,.0f", n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s.replace(",", ""));
            }
        });
    }

    /** An XY chart with one renderer (drawing y error bars when {@code errorBars}), a legend and no animation. */
    public static XYChart chart(String title, DefaultNumericAxis x, DefaultNumericAxis y, boolean errorBars) {
        x.setSide(Side.BOTTOM);
        y.setSide(Side.LEFT);
        // ChartFX can under-size a vertical axis in a short chart; lab.css gives it a fixed width
        y.getStyleClass().add("lab-y-axis");
        XYChart chart = new XYChart(x, y);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.getStyleClass().add("lab-chart");
        ErrorDataSetRenderer r = new ErrorDataSetRenderer();
        r.setErrorStyle(errorBars ? ErrorStyle.ERRORBARS : ErrorStyle.NONE);
        r.setPolyLineStyle(LineStyle.NORMAL);
        r.setDrawMarker(true);
        r.setAssumeSortedData(true);
        chart.getRenderers().setAll(r);
        return chart;
    }

    /** The chart's (single) renderer. */
    public static ErrorDataSetRenderer renderer(XYChart chart) {
        return (ErrorDataSetRenderer) chart.getRenderers().get(0);
    }

    /** Styles a series in its branch colour. */
    public static void style(DataSet ds, Branch branch, double opacity, boolean markers, boolean showInLegend) {
        String c = opacity >= 1 ? BranchColors.hex(branch) : BranchColors.rgba(branch, opacity);
        style(ds, c, markers ? BranchColors.marker(branch) : null, showInLegend, null);
    }

    /**
     * Styles a series: colour, marker type (null = no markers), legend visibility and an optional dash
     * array (e.g. "8 4").
     */
    public static void style(DataSet ds, String color, String marker, boolean showInLegend, String dashes) {
        StringBuilder sb = new StringBuilder();
        sb.append("-fx-line-color: ").append(color).append("; -fx-marker-color: ").append(color).append(';');
        if (marker == null) {
            sb.append(" -fx-marker-size: 0;");
        } else {
            sb.append(" -fx-marker-type: ").append(marker.toLowerCase(Locale.ROOT)).append(';');
        }
        if (!showInLegend) {
            sb.append(" -fx-show-in-legend: false;");
        }
        if (dashes != null) {
            sb.append(" -fx-line-dash-array: ").append(dashes).append(';');
        }
        ds.setStyle(sb.toString());
        if (!ds.getStyleClasses().contains(SERIES_CLASS)) {
            ds.addStyleClasses(SERIES_CLASS);
        }
    }

    /** A tooltip plugin that shows the data point's label only (the label carries the exact numbers). */
    public static final class LabelTooltip extends DataPointTooltip {
        /** With a picking distance of 12 px. */
        public LabelTooltip() {
            super(12);
        }

        @Override
        protected String formatLabel(DataPoint dataPoint) {
            return dataPoint.label;
        }
    }
}
