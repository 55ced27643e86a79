package org.lotterylab.visuals.chart;

import java.util.List;
import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.dataset.spi.fastutil.DoubleArrayList;
import javafx.util.StringConverter;
import org.lotterylab.visuals.model.LogTicks;

/**
 * A "weights remaining (%)" axis: logarithmic, decreasing left to right (100% on the left), major ticks on
 * the measured sparsities (see {@link LogTicks}) labelled as percentages, minor ticks on the other data
 * points. The range is set by {@link #setData}.
 */
public class PercentLogAxis extends DefaultNumericAxis {
    private double[] data = new double[0];

    /** The name of a weights-remaining axis, longest first: the first that fits the axis's width is shown. */
    static final List<String> WEIGHTS_REMAINING = List.of("weights remaining (%)", "weights left (%)", "remaining (%)",
            "kept (%)");

    private List<String> names = List.of();

    /** A "weights remaining (%)" axis whose name shortens when the axis is too narrow for it. */
    public static PercentLogAxis weightsRemaining() {
        PercentLogAxis a = new PercentLogAxis(WEIGHTS_REMAINING.get(0));
        a.fitName(WEIGHTS_REMAINING);
        return a;
    }

    /**
     * Shows the first of {@code longestFirst} that fits the axis's width in its label font (the last one when none
     * does), again whenever the width or the font changes: ChartFX centres an axis name wider than its chart and
     * the chart's edges cut both ends (seen at 1600x1000: "eights remaining (%").
     */
    public void fitName(List<String> longestFirst) {
        names = List.copyOf(longestFirst);
        widthProperty().addListener((o, a, b) -> chooseName());
        getAxisLabel().fontProperty().addListener((o, a, b) -> chooseName());
        chooseName();
    }

    private void chooseName() {
        if (names.isEmpty()) {
            return;
        }
        String chosen = names.get(names.size() - 1);
        double room = getWidth() - 8;
        for (String n : names) {
            if (getWidth() <= 0 || textWidth(n) <= room) {
                chosen = n;
                break;
            }
        }
        if (!chosen.equals(getName())) {
            setName(chosen);
        }
    }

    private double textWidth(String s) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(getAxisLabel().getFont());
        return t.getLayoutBounds().getWidth();
    }

    /** An axis named {@code name}. */
    public PercentLogAxis(String name) {
        super(name);
        setLogAxis(true);
        setLogarithmBase(10);
        invertAxis(true);
        // ChartFX's own stylesheet sets -fx-invert-axis: false and wins over the setter: say it inline
        setStyle("-fx-invert-axis: true;");
        setUnit(null);
        setAutoRanging(false);
        setAutoRangeRounding(false);
        setMinorTickCount(0);
        setTickLabelFormatter(new StringConverter<Number>() {
            @Override
            public String toString(Number n) {
                return LogTicks.label(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s.replace("%", "").trim());
            }
        });
        double[] r = LogTicks.range(data);
        set(r[0], r[1]);
    }

    /**
     * Sets the data x values (percent): ticks follow them and the range covers them. The same values again change
     * nothing: a redrawn axis repaints its whole chart in software rendering (15 to 25 ms a chart at run start).
     */
    public void setData(double[] xs) {
        if (java.util.Arrays.equals(data, xs)) {
            return;
        }
        data = xs.clone();
        double[] r = LogTicks.range(data);
        set(r[0], r[1]);
        forceRedraw();
    }

    /** The data x values. */
    public double[] getData() {
        return data.clone();
    }

    @Override
    protected void calculateMajorTickValues(AxisRange range, DoubleArrayList tickValues) {
        double lo = Math.min(range.getLowerBound(), range.getUpperBound());
        double hi = Math.max(range.getLowerBound(), range.getUpperBound());
        double len = range.getAxisLength() > 0 ? range.getAxisLength() : getLength();
        double ratio = LogTicks.minRatioFor(lo, hi, len, 48);
        for (double v : LogTicks.major(lo, hi, data, ratio)) {
            tickValues.add(v);
        }
    }

    @Override
    protected void calculateMinorTickValues(DoubleArrayList tickValues) {
        double lo = Math.min(getMin(), getMax());
        double hi = Math.max(getMin(), getMax());
        for (double v : data) {
            if (v >= lo && v <= hi) {
                tickValues.add(v);
            }
        }
    }
}
