package org.lotterylab.app.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.lotterylab.api.run.RunListener;
import org.lotterylab.api.store.WidthSweepRow;
import org.lotterylab.engine.widths.WidthSweep;

/**
 * The terminal output of {@code lth edge-popup --widths}: a heading and the ordinary edge-popup (or IMP)
 * output for every stage, then the width table, one row per width (and keep), with the trained target.
 */
final class WidthSweepPrinter implements WidthSweep.Listeners {
    private final PrintStream out;
    private final PrintStream err;
    private final int keeps;

    WidthSweepPrinter(PrintStream out, PrintStream err, int keeps) {
        this.out = out;
        this.err = err;
        this.keeps = keeps;
    }

    @Override
    public RunListener of(WidthSweep.Stage s) {
        out.println();
        if (s.kind() == WidthSweepRow.Kind.STRONG_TICKET) {
            out.printf(Locale.ROOT, "== stage %d/%d: strong tickets at width %dx (edge-popup, frozen random weights)%n",
                    s.index(), s.count(), s.width());
            return new EdgePopupPrinter(out, err, keeps);
        }
        out.printf(Locale.ROOT, "== stage %d/%d: the trained target, width 1x (%s, %d iterations, normal training)%n",
                s.index(), s.count(), s.spec().optimizer().id(), s.spec().iterations());
        return new ProgressPrinter(out, err, 0, 1);
    }

    /** The sweep's table. */
    void table(WidthSweep.Result r) {
        out.println();
        out.println("width sweep: strong-ticket test accuracy vs hidden-layer width, against the trained 1x target");
        out.println(String.format(Locale.ROOT, "%-6s %-12s %6s %10s %10s %9s %12s %9s", "width", "hidden", "keep",
                "weights", "kept", "test_acc%", "es_test_acc%", "vs_target"));
        List<WidthSweepRow> rows = r.rows();
        WidthSweepRow target = rows.stream().filter(x -> x.kind() == WidthSweepRow.Kind.TRAINED_TARGET).findFirst()
                .orElse(null);
        for (WidthSweepRow x : rows) {
            if (x.kind() == WidthSweepRow.Kind.STRONG_TICKET) {
                out.println(line(x, x.width() + "x", target == null ? "-"
                        : String.format(Locale.ROOT, "%+.2f", 100 * (x.testAccuracy() - target.testAccuracy()))));
            }
        }
        if (target != null) {
            out.println(line(target, "target", "trained"));
        } else {
            out.println("(no trained target yet)");
        }
        if (!rows.isEmpty()) {
            out.println("table: " + r.table());
        }
        out.println("vs_target: strong ticket's test accuracy minus the trained 1x network's, in points");
    }

    private static String line(WidthSweepRow x, String width, String vs) {
        return String.format(Locale.ROOT, "%-6s %-12s %6s %10d %10d %9.2f %12.2f %9s", width, x.hidden(),
                Double.toString(x.keep()), x.weights(), x.weightsKept(), 100 * x.testAccuracy(),
                100 * x.earlyStopTestAccuracy(), vs);
    }
}
