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

    /**
     * Short tick labels ("0", "2.5k", "20k") for a vertical iteration axis: ChartFX 11.3.1 can under-size a
     * vertical axis with wide labels in a short chart, and short labels keep it readable.
     */
    public static void compactLabels(DefaultNumericAxis axis) {
        axis.setTickLabelFormatter(new javafx.util.StringConverter<Number>() {
            @Override
            public String toString(Number n) {
                return compact(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                String t = s.trim();
                return t.endsWith("k") ? Double.parseDouble(t.substring(0, t.length() - 1)) * 1000 : Double.parseDouble(t);
            }
        });
    }

    /** "0", "950", "2.5k", "20k", "1.25M". */
    public static String compact(double v) {
        double a = Math.abs(v);
        if (a < 1000) {
            return org.lotterylab.visuals.model.Csv.num(Math.round(v * 100) / 100.0);
        }
        if (a < 1e6) {
            return org.lotterylab.visuals.model.Csv.num(Math.round(v / 10) / 100.0) + "k";
        }
        return org.lotterylab.visuals.model.Csv.num(Math.round(v / 1e4) / 100.0) + "M";
    }

    /** An XY chart with one renderer (drawing y error bars when {@code errorBars}), a legend and no animation. */
    public static XYChart chart(String title, DefaultNumericAxis x, DefaultNumericAxis y, boolean errorBars) {
        x.setSide(Side.BOTTOM);
        y.setSide(Side.LEFT);
        XYChart chart = new XYChart(x, y);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setLegend(new StableLegend());
        chart.setLegendVisible(true);
        chart.getStyleClass().add("lab-chart");
        ErrorDataSetRenderer r = new ErrorDataSetRenderer();
        r.setErrorStyle(errorBars ? ErrorStyle.ERRORBARS : ErrorStyle.NONE);
        r.setPolyLineStyle(LineStyle.NORMAL);
        r.setDrawMarker(true);
        r.setAssumeSortedData(true);
        // the data-point tooltip looks up the renderer's own axes: give it the chart's
        r.getAxes().setAll(x, y);
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
