package org.lotterylab.api.spec;

import java.util.Locale;

/**
 * Parses the string form of spec-like fields (command line, spec.json, the window's text fields), failing
 * with a {@link SpecException} that names the field and what was expected.
 */
public final class SpecValues {

    private SpecValues() {
    }

    /** An integer. */
    public static int parseInt(String key, String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new SpecException(key, "expected an integer (got '" + s + "')");
        }
    }

    /** A 64-bit integer. */
    public static long parseLong(String key, String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new SpecException(key, "expected an integer (got '" + s + "')");
        }
    }

    /** A finite number. */
    public static double parseDouble(String key, String s) {
        try {
            double d = Double.parseDouble(s.trim());
            if (!Double.isFinite(d)) {
                throw new SpecException(key, "expected a finite number (got '" + s + "')");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new SpecException(key, "expected a number (got '" + s + "')");
        }
    }

    /** {@code true} or {@code false}. */
    public static boolean parseBoolean(String key, String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
            return Boolean.parseBoolean(t);
        }
        throw new SpecException(key, "expected true or false (got '" + s + "')");
    }
}
