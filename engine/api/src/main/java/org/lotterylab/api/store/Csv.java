package org.lotterylab.api.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The run store's one CSV reader and its writing rules (no quoting; '.' decimals; '\n' line ends). Parsing
 * goes through Apache Commons CSV (decision 0013); problems are {@link CsvFormatException}s naming the file
 * and line.
 */
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

        /** Every column by header name (the first of repeated names), trimmed. */
        Map<String, String> asMap() {
            return CsvTable.map(cells, columns);
        }

        boolean has(String column) {
            return columns.containsKey(column);
        }

        int integer(String column) {
            return (int) whole(column, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }

        long longInteger(String column) {
            return whole(column, Long.MIN_VALUE, Long.MAX_VALUE);
        }

        /** The column as a whole number in [min, max]. */
        private long whole(String column, long min, long max) {
            String t = text(column);
            try {
                long v = Long.parseLong(t);
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below, like a value out of range
            }
            throw new IllegalArgumentException(column + " is not an integer: '" + t + "'");
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

    /** The store's dialect: ',' between cells, no quoting (cells never hold ',' or line breaks), empty lines kept. */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setQuote(null).setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(false).setRecordSeparator('\n').get();

    /**
     * Parses a table tolerantly: blank lines are ignored; a last line without its newline is reported as
     * truncated and skipped; lines with the wrong number of cells or unparsable values are skipped with a
     * warning. A header lacking a required column yields no rows and one warning. Every warning is a
     * {@link CsvFormatException}'s message.
     */
    static <T> Parsed<T> parse(String text, String source, List<String> required, RowParser<T> parser) {
        List<String> warnings = new ArrayList<>();
        List<T> rows = new ArrayList<>();
        read(text, source, required, new Sink() {
            @Override
            public void row(Row row, int line) throws CsvFormatException {
                try {
                    rows.add(parser.parse(row));
                } catch (RuntimeException e) {
                    throw CsvFormatException.at(source, line, e.getMessage());
                }
            }

            @Override
            public void problem(CsvFormatException e) {
                warnings.add(e.asWarning());
            }
        });
        return rows.isEmpty() && warnings.isEmpty() ? Parsed.empty() : new Parsed<>(rows, warnings);
    }

    /** Reads one data row on its 1-based line; an {@link IllegalArgumentException} means a bad value. */
    @FunctionalInterface
    interface RowReader {
        void row(Row row, int line) throws CsvFormatException;
    }

    /**
     * Reads {@code file} (named {@code name} in problems; missing = no rows) through {@link #read}, giving each
     * data row to {@code rows}; a bad value ({@link IllegalArgumentException}) becomes a problem of its line,
     * and every problem goes to {@code problems}.
     */
    static void readFile(Path file, String name, List<String> required, RowReader rows,
                         Consumer<CsvFormatException> problems) throws IOException {
        read(readOrNull(file), name, required, new Sink() {
            @Override
            public void row(Row row, int line) throws CsvFormatException {
                try {
                    rows.row(row, line);
                } catch (IllegalArgumentException e) {
                    throw CsvFormatException.at(name, line, e.getMessage());
                }
            }

            @Override
            public void problem(CsvFormatException e) {
                problems.accept(e);
            }
        });
    }

    /** Receives the rows of {@link #read} and its problems. */
    interface Sink {
        /** One data row, on its 1-based line; a {@link CsvFormatException} thrown here goes to {@link #problem}. */
        void row(Row row, int line) throws CsvFormatException;

        /** A problem: a truncated or malformed line, or (line 1) a header that lacks a required column. */
        void problem(CsvFormatException e);
    }

    /**
     * The one CSV reader of the store (Commons CSV, {@link #FORMAT}). A header lacking a required column ends
     * the file with one problem on line 1; a header cut off before its line end ends it with a truncated
     * problem; a last line without its line end is truncated; a line with a cell count unlike the header's is
     * a problem; blank lines are ignored. {@code null} or empty text has no rows.
     */
    static void read(String text, String source, List<String> required, Sink sink) {
        if (text == null || text.isEmpty()) {
            return;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        boolean complete = text.endsWith("\n");
        int[] lineStarts = lineStarts(text);
        int lastLine = complete ? lineStarts.length - 1 : lineStarts.length;
        String[] header = null;
        Map<String, Integer> columns = new HashMap<>();
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            for (CSVRecord rec : p) {
                int line = lineOf(lineStarts, rec.getCharacterPosition());
                if (header == null) {
                    if (line == lastLine && !complete) {
                        sink.problem(CsvFormatException.truncated(source, line));
                        return;
                    }
                    header = rec.values();
                    for (int i = 0; i < header.length; i++) {
                        columns.putIfAbsent(stripCr(header[i]).trim(), i);
                    }
                    List<String> missing = new ArrayList<>();
                    for (String r : required) {
                        if (!columns.containsKey(r)) {
                            missing.add(r);
                        }
                    }
                    if (!missing.isEmpty()) {
                        sink.problem(CsvFormatException.at(source, 1, "header lacks column(s) "
                                + String.join(", ", missing) + " (expected " + String.join(",", required)
                                + "); no rows read"));
                        return;
                    }
                    continue;
                }
                String[] cells = rec.values();
                cells[cells.length - 1] = stripCr(cells[cells.length - 1]);
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue;
                }
                if (line == lastLine && !complete) {
                    sink.problem(CsvFormatException.truncated(source, line));
                    continue;
                }
                if (cells.length != header.length) {
                    sink.problem(CsvFormatException.at(source, line, "expected " + header.length
                            + " columns, found " + cells.length));
                    continue;
                }
                try {
                    sink.row(new Row(cells, columns), line);
                } catch (CsvFormatException e) {
                    sink.problem(e);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("reading " + source + " from memory failed", e);
        }
    }

    /** The offset of each line's first character. */
    private static int[] lineStarts(String text) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        int[] starts = new int[n];
        int l = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[l++] = i + 1;
            }
        }
        return starts;
    }

    /** The 1-based line holding character {@code pos}. */
    private static int lineOf(int[] lineStarts, long pos) {
        int i = Arrays.binarySearch(lineStarts, (int) pos);
        return (i >= 0 ? i : -i - 2) + 1;
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
