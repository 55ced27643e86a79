package org.lotterylab.api.store;

import java.util.List;

/**
 * The rows a tolerant reader could use and what it had to skip. Readers of run files never fail on a
 * damaged line: they skip it and say so here, so a run cut off by a crash still opens.
 *
 * @param rows     parsed rows, in file order (or the documented order)
 * @param warnings one human-readable line per skipped or suspicious line, e.g.
 *                 {@code summary.csv line 7 truncated; skipped}
 * @param <T>      row type
 */
public record Parsed<T>(List<T> rows, List<String> warnings) {

    /** Copies both lists. */
    public Parsed {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    /** An empty result without warnings. */
    public static <T> Parsed<T> empty() {
        return new Parsed<>(List.of(), List.of());
    }

    /** Whether nothing was skipped. */
    public boolean clean() {
        return warnings.isEmpty();
    }
}
