package org.lotterylab.api.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader and writer for the store's metadata files (spec.json, run.json, lmc metadata).
 *
 * <p>{@link #parse(String)} returns {@code Map<String, Object>} (insertion-ordered), {@code List<Object>},
 * {@code String}, {@code Double}, {@code Boolean} or {@code null}; {@link #parseExact(String)} returns
 * numbers as {@link BigDecimal} instead, so that 64-bit integers survive. Like Python's {@code json} module
 * the reader also accepts {@code NaN}, {@code Infinity} and {@code -Infinity}, and the writer writes
 * non-finite doubles that way. Duplicate keys, trailing commas and trailing text are errors; errors are
 * {@link JsonException}s with line, column and offset.
 */
public final class Json {

    private static final int MAX_DEPTH = 512;

    private Json() {
    }

    /** Malformed JSON; the message gives line, column and offset of the problem. */
    public static final class JsonException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int offset;
        private final int line;
        private final int column;

        JsonException(String what, String text, int offset) {
            this(what, offset, lineOf(text, offset), columnOf(text, offset));
        }

        private JsonException(String what, int offset, int line, int column) {
            super("bad JSON at line " + line + ", column " + column + " (offset " + offset + "): " + what);
            this.offset = offset;
            this.line = line;
            this.column = column;
        }

        /** Character offset of the problem, from 0. */
        public int offset() {
            return offset;
        }

        /** Line of the problem, from 1. */
        public int line() {
            return line;
        }

        /** Column of the problem, from 1. */
        public int column() {
            return column;
        }

        private static int lineOf(String text, int offset) {
            int l = 1;
            for (int i = 0; i < Math.min(offset, text.length()); i++) {
                if (text.charAt(i) == '\n') {
                    l++;
                }
            }
            return l;
        }

        private static int columnOf(String text, int offset) {
            int nl = text.lastIndexOf('\n', Math.min(offset, text.length()) - 1);
            return offset - nl;
        }
    }

    /** Parses JSON text; numbers become {@link Double}. */
    public static Object parse(String text) {
        return new Parser(text, false).parseDocument();
    }

    /** Parses JSON text; numbers become {@link BigDecimal} (exact; {@code NaN}/{@code Infinity} become Double). */
    public static Object parseExact(String text) {
        return new Parser(text, true).parseDocument();
    }

    /**
     * Parses JSON text whose top level must be an object.
     *
     * @throws JsonException when the text is malformed or not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object o = parse(text);
        if (!(o instanceof Map)) {
            throw new JsonException("expected an object at the top level", text, 0);
        }
        return (Map<String, Object>) o;
    }

    /**
     * Writes a value as pretty JSON (two-space indent, one object member per line, arrays of scalars on one
     * line) ending with a newline. Accepts maps (keys written with {@code String.valueOf}), collections,
     * arrays of objects, strings, numbers, booleans, enums (by name) and null.
     */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        writeValue(sb, value, 0);
        return sb.append('\n').toString();
    }

    /** Writes a value as compact JSON on one line (no trailing newline). */
    public static String writeCompact(Object value) {
        StringBuilder sb = new StringBuilder();
        writeValue(sb, value, -1);
        return sb.toString();
    }

    /** The JSON string literal for {@code s}, quotes included. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** The JSON text of a number: integers as such, doubles via {@link Double#toString}, NaN/Infinity as Python writes them. */
    public static String number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d)) {
                return "NaN";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? "Infinity" : "-Infinity";
            }
            return n instanceof Float ? Float.toString(n.floatValue()) : Double.toString(d);
        }
        if (n instanceof BigDecimal b) {
            return b.toString();
        }
        return n.toString();
    }

    private static void writeValue(StringBuilder sb, Object v, int indent) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            sb.append(quote(s));
        } else if (v instanceof Number n) {
            sb.append(number(n));
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof Character c) {
            sb.append(quote(c.toString()));
        } else if (v instanceof Enum<?> e) {
            sb.append(quote(e.name()));
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ",");
                first = false;
                newline(sb, indent < 0 ? -1 : indent + 1);
                sb.append(quote(String.valueOf(e.getKey()))).append(indent < 0 ? ":" : ": ");
                writeValue(sb, e.getValue(), indent < 0 ? -1 : indent + 1);
            }
            newline(sb, indent);
            sb.append('}');
        } else if (v instanceof Collection<?> || v instanceof Object[]) {
            Collection<?> c = v instanceof Collection<?> col ? col : List.of((Object[]) v);
            boolean nested = false;
            for (Object o : c) {
                nested |= o instanceof Map || o instanceof Collection || o instanceof Object[];
            }
            sb.append('[');
            boolean first = true;
            for (Object o : c) {
                sb.append(first ? "" : nested || indent < 0 ? "," : ", ");
                first = false;
                if (nested) {
                    newline(sb, indent < 0 ? -1 : indent + 1);
                }
                writeValue(sb, o, nested && indent >= 0 ? indent + 1 : indent);
            }
            if (nested && !c.isEmpty()) {
                newline(sb, indent);
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
        }
    }

    private static void newline(StringBuilder sb, int indent) {
        if (indent >= 0) {
            sb.append('\n');
            sb.append("  ".repeat(indent));
        }
    }

    /** Recursive-descent parser. */
    private static final class Parser {
        private final String s;
        private final boolean exact;
        private int pos;
        private int depth;

        Parser(String s, boolean exact) {
            this.s = s;
            this.exact = exact;
        }

        Object parseDocument() {
            if (s.startsWith("\uFEFF")) {
                pos = 1;
            }
            skipWs();
            if (pos >= s.length()) {
                throw error("empty input; expected a value");
            }
            Object v = value();
            skipWs();
            if (pos < s.length()) {
                throw error("unexpected " + describe(pos) + " after the value");
            }
            return v;
        }

        private Object value() {
            skipWs();
            if (pos >= s.length()) {
                throw error("unexpected end of input; expected a value");
            }
            char c = s.charAt(pos);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                case 'N' -> literal("NaN", Double.NaN);
                case 'I' -> literal("Infinity", Double.POSITIVE_INFINITY);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw error("unexpected " + describe(pos) + "; expected a value");
                }
            };
        }

        private Map<String, Object> object() {
            enter();
            pos++;
            Map<String, Object> m = new LinkedHashMap<>();
            skipWs();
            if (peek() == '}') {
                pos++;
                depth--;
                return m;
            }
            while (true) {
                skipWs();
                if (peek() != '"') {
                    throw error("expected a string key but found " + describe(pos));
                }
                int keyPos = pos;
                String key = string();
                skipWs();
                if (peek() != ':') {
                    throw error("expected ':' after key \"" + key + "\" but found " + describe(pos));
                }
                pos++;
                Object v = value();
                if (m.containsKey(key)) {
                    throw new JsonException("duplicate key \"" + key + "\"", s, keyPos);
                }
                m.put(key, v);
                skipWs();
                char c = peek();
                if (c == ',') {
                    pos++;
                } else if (c == '}') {
                    pos++;
                    depth--;
                    return m;
                } else {
                    throw error("expected ',' or '}' but found " + describe(pos));
                }
            }
        }

        private List<Object> array() {
            enter();
            pos++;
            List<Object> list = new ArrayList<>();
            skipWs();
            if (peek() == ']') {
                pos++;
                depth--;
                return list;
            }
            while (true) {
                list.add(value());
                skipWs();
                char c = peek();
                if (c == ',') {
                    pos++;
                } else if (c == ']') {
                    pos++;
                    depth--;
                    return list;
                } else {
                    throw error("expected ',' or ']' but found " + describe(pos));
                }
            }
        }

        private String string() {
            int start = pos;
            pos++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw new JsonException("unterminated string", s, start);
                }
                char c = s.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    if (pos >= s.length()) {
                        throw new JsonException("unterminated string", s, start);
                    }
                    char e = s.charAt(pos++);
                    switch (e) {
                        case '"' -> sb.append('"');
                        case '\\' -> sb.append('\\');
                        case '/' -> sb.append('/');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'u' -> {
                            if (pos + 4 > s.length()) {
                                throw new JsonException("incomplete \\u escape", s, pos - 2);
                            }
                            int cp = 0;
                            for (int i = 0; i < 4; i++) {
                                int d = Character.digit(s.charAt(pos + i), 16);
                                if (d < 0) {
                                    throw new JsonException("bad \\u escape", s, pos - 2);
                                }
                                cp = cp * 16 + d;
                            }
                            pos += 4;
                            sb.append((char) cp);
                        }
                        default -> throw new JsonException("bad escape '\\" + e + "'", s, pos - 2);
                    }
                } else if (c < 0x20) {
                    throw new JsonException("control character in string (escape it)", s, pos - 1);
                } else {
                    sb.append(c);
                }
            }
        }

        private Object number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
                if (s.startsWith("Infinity", pos)) {
                    pos += 8;
                    return Double.NEGATIVE_INFINITY;
                }
            }
            if (peek() == '0') {
                pos++;
            } else if (isDigit(peek())) {
                while (isDigit(peek())) {
                    pos++;
                }
            } else {
                throw error("bad number: expected a digit");
            }
            if (peek() == '.') {
                pos++;
                if (!isDigit(peek())) {
                    throw error("bad number: expected a digit after '.'");
                }
                while (isDigit(peek())) {
                    pos++;
                }
            }
            if (peek() == 'e' || peek() == 'E') {
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                if (!isDigit(peek())) {
                    throw error("bad number: expected a digit in the exponent");
                }
                while (isDigit(peek())) {
                    pos++;
                }
            }
            String t = s.substring(start, pos);
            return exact ? new BigDecimal(t) : (Object) Double.parseDouble(t);
        }

        private Object literal(String word, Object v) {
            if (!s.startsWith(word, pos)) {
                throw error("unexpected " + describe(pos) + "; expected a value");
            }
            pos += word.length();
            return v;
        }

        private void enter() {
            if (++depth > MAX_DEPTH) {
                throw error("nested deeper than " + MAX_DEPTH + " levels");
            }
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        private void skipWs() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    pos++;
                } else {
                    break;
                }
            }
        }

        private String describe(int at) {
            if (at >= s.length()) {
                return "end of input";
            }
            char c = s.charAt(at);
            return c < 0x20 ? String.format("character \\u%04x", (int) c) : "'" + c + "'";
        }

        private JsonException error(String what) {
            return new JsonException(what, s, pos);
        }
    }
}
