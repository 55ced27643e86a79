package org.lotterylab.api.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Shared plumbing of the store's simple CSV tables (no quoting; '.' decimals; '\n' line ends). */
final class Csv {

    private Csv() {
    }

    /** Parses one data row given the header's column positions. */
    @FunctionalInterface
    interface RowParser<T> {
        T parse(Row row);
    }

    /** One data row with access by column name. */
    static final class Row {
        private final String[] cells;
        private final Map<String, Integer> columns;

        Row(String[] cells, Map<String, Integer> columns) {
            this.cells = cells;
            this.columns = columns;
        }

        String text(String column) {
            return cells[columns.get(column)].trim();
        }

        boolean has(String column) {
            return columns.containsKey(column);
        }

        int integer(String column) {
            String t = text(column);
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(column + " is not an integer: '" + t + "'");
            }
        }

        double number(String column) {
            return parseDouble(column, text(column));
        }
    }

    /** Reads a file as UTF-8 text, or null when it does not exist. */
    static String readOrNull(Path file) throws IOException {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * Parses a table tolerantly: blank lines are ignored; a last line without its newline is reported as
     * truncated and skipped; lines with the wrong number of cells or unparsable values are skipped with a
     * warning. A header lacking a required column yields no rows and one warning.
     */
    static <T> Parsed<T> parse(String text, String source, List<String> required, RowParser<T> parser) {
        if (text == null || text.isEmpty()) {
            return Parsed.empty();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> warnings = new ArrayList<>();
        List<T> rows = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean complete = text.endsWith("\n");
        int last = complete ? lines.length - 2 : lines.length - 1; // index of the last real line
        String headerLine = stripCr(lines[0]);
        if (last == 0 && !complete) {
            warnings.add(source + " line 1 (header) truncated; no rows");
            return new Parsed<>(rows, warnings);
        }
        String[] header = headerLine.split(",", -1);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            columns.putIfAbsent(header[i].trim(), i);
        }
        List<String> missing = new ArrayList<>();
        for (String r : required) {
            if (!columns.containsKey(r)) {
                missing.add(r);
            }
        }
        if (!missing.isEmpty()) {
            warnings.add(source + " line 1: header lacks column(s) " + String.join(", ", missing)
                    + " (expected " + String.join(",", required) + "); no rows read");
            return new Parsed<>(rows, warnings);
        }
        for (int i = 1; i <= last; i++) {
            String line = stripCr(lines[i]);
            int lineNo = i + 1;
            if (line.isBlank()) {
                continue;
            }
            if (i == last && !complete) {
                warnings.add(source + " line " + lineNo + " truncated; skipped");
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != header.length) {
                warnings.add(source + " line " + lineNo + ": expected " + header.length + " columns, found "
                        + cells.length + "; skipped");
                continue;
            }
            try {
                rows.add(parser.parse(new Row(cells, columns)));
            } catch (RuntimeException e) {
                warnings.add(source + " line " + lineNo + ": " + e.getMessage() + "; skipped");
            }
        }
        return new Parsed<>(rows, warnings);
    }

    /** Parses a double, accepting Java's and Python's spellings of NaN and infinities. */
    static double parseDouble(String column, String t) {
        switch (t.toLowerCase(Locale.ROOT)) {
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
            }
        }
        if (t.isEmpty() || t.endsWith("d") || t.endsWith("D") || t.endsWith("f") || t.endsWith("F")) {
            throw new IllegalArgumentException(column + " is not a number: '" + t + "'");
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " is not a number: '" + t + "'");
        }
    }

    /** A double with full round-trip precision; NaN as {@code NaN}. */
    static String num(double v) {
        return Double.toString(v);
    }

    /** Rejects cell text that would break the table. */
    static String cell(String what, String v) {
        if (v.indexOf(',') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(what + " must not contain ',' or line breaks: '" + v + "'");
        }
        return v;
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
