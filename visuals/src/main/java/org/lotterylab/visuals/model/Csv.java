package org.lotterylab.visuals.model;

import java.util.Locale;

/** Minimal CSV writing (RFC 4180 quoting, '.' decimals, '\n' line ends). */
public final class Csv {
    private Csv() {
    }

    /** One line from cells: numbers with {@link #num}, strings quoted when needed. */
    public static String row(Object... cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object c = cells[i];
            if (c instanceof Double d) {
                sb.append(num(d));
            } else if (c instanceof Float f) {
                sb.append(num(f));
            } else {
                sb.append(cell(String.valueOf(c)));
            }
        }
        return sb.append('\n').toString();
    }

    /** A number in plain '.'-decimal form (empty for NaN). */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                .replaceAll("\\.$", "");
    }

    /** A string cell, quoted when it holds a comma, quote or line break. */
    public static String cell(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
