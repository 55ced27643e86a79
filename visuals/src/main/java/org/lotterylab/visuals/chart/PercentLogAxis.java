package org.lotterylab.visuals.chart;

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
