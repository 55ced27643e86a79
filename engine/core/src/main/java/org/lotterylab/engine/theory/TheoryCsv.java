package org.lotterylab.engine.theory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.lotterylab.api.store.AtomicFiles;
import org.lotterylab.api.theory.ConstructionPoint;
import org.lotterylab.api.theory.ErrorSummary;
import org.lotterylab.api.theory.SubsetSumPoint;
import org.lotterylab.api.theory.TheoryReport;

/**
 * Writes a {@link TheoryReport} as two all-numeric CSV tables with a header line, readable with
 * {@code numpy.genfromtxt(f, delimiter=",", names=True)}: {@value #SUBSET_SUM} and {@value #CONSTRUCTION}.
 */
public final class TheoryCsv {
    /** The subset-sum table's file name. */
    public static final String SUBSET_SUM = "subset-sum.csv";
    /** The construction table's file name. */
    public static final String CONSTRUCTION = "construction.csv";
    /** The subset-sum table's columns. */
    public static final String SUBSET_SUM_HEADER = "candidates,samples,uniform_mean,uniform_median,uniform_max,"
            + "uniform_theory,product_mean,product_median,product_max,product_theory";
    /** The construction table's columns. */
    public static final String CONSTRUCTION_HEADER = "width,trials,random_params,kept_params,"
            + "mean_weight_error,max_weight_error,mean_output_error,median_output_error,max_output_error";

    private TheoryCsv() {
    }

    /** Writes both tables into {@code dir} (created if needed); returns the two files. */
    public static Path[] write(Path dir, TheoryReport report) throws IOException {
        Files.createDirectories(dir);
        Path s = dir.resolve(SUBSET_SUM);
        Path c = dir.resolve(CONSTRUCTION);
        AtomicFiles.writeString(s, subsetSum(report));
        AtomicFiles.writeString(c, construction(report));
        return new Path[] {s, c};
    }

    /** The subset-sum table. */
    public static String subsetSum(TheoryReport report) {
        StringBuilder sb = new StringBuilder(SUBSET_SUM_HEADER).append('\n');
        for (SubsetSumPoint p : report.subsetSum()) {
            sb.append(p.candidates()).append(',').append(p.samples());
            summary(sb, p.uniform());
            summary(sb, p.product());
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The construction table. */
    public static String construction(TheoryReport report) {
        StringBuilder sb = new StringBuilder(CONSTRUCTION_HEADER).append('\n');
        for (ConstructionPoint p : report.construction()) {
            sb.append(p.width()).append(',').append(p.trials()).append(',').append(p.randomParams());
            for (double v : new double[] {p.keptParams(), p.meanWeightError(), p.maxWeightError(),
                    p.meanOutputError(), p.medianOutputError(), p.maxOutputError()}) {
                sb.append(',').append(num(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void summary(StringBuilder sb, ErrorSummary e) {
        for (double v : new double[] {e.mean(), e.median(), e.max(), e.theory()}) {
            sb.append(',').append(num(v));
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6e", v);
    }
}
