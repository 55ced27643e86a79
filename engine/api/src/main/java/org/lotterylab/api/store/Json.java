package org.lotterylab.api.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * JSON for the store's metadata files (spec.json, run.json, lmc metadata): read through jackson-jr, written by
 * the store's own writer (decision 0016: its layout is the golden files', which Jackson's pretty printer cannot
 * produce).
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

    /** Jackson's parser, held to the JSON the store reads: strict duplicate keys, non-finite numbers, nesting capped. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    /** jackson-jr over that parser, building insertion-ordered {@code LinkedHashMap}s and {@code ArrayList}s. */
    private static final JSON READER = JSON.builder(FACTORY)
            .enable(JSON.Feature.PRESERVE_FIELD_ORDERING)
            .disable(JSON.Feature.USE_DEFERRED_MAPS, JSON.Feature.READ_ONLY, JSON.Feature.READ_JSON_ARRAYS_AS_JAVA_ARRAYS)
            .build();

    /** The non-finite numbers Python's {@code json} writes; Jackson would also take {@code +INF} and the like. */
    private static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "-Infinity");

    /** Jackson's location inside its messages ({@code [Source: ...; line: 1, column: 2]}), shortened. */
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;\\]]*; (line: \\d+, column: \\d+)]");

    /** Jackson's character codes after a quoted character ({@code 'x' (code 120)}), dropped. */
    private static final Pattern CODE = Pattern.compile(" ?\\(code \\d+( / 0x\\p{XDigit}+)?\\)");

    /** Jackson's list of the values it expects. */
    private static final String JACKSON_VALUES =
            "(JSON String, Number (or 'NaN'/'+INF'/'-INF'), Array, Object or token 'null', 'true' or 'false')";

    /** What Jackson expected, in the store's words (its list of values names {@code +INF}, which this reader refuses). */
    private static final Map<String, String> EXPECTED = Map.of(
            "was expecting a colon to separate field name and value", "expected ':' after the key",
            "was expecting comma to separate Array entries", "expected ',' or ']'",
            "was expecting comma to separate Object entries", "expected ',' or '}'",
            "was expecting double-quote to start field name", "expected a string key",
            "expected a valid value " + JACKSON_VALUES, "expected a value",
            "was expecting " + JACKSON_VALUES, "expected a value");

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
        return read(text, false);
    }

    /** Parses JSON text; numbers become {@link BigDecimal} (exact; {@code NaN}/{@code Infinity} become Double). */
    public static Object parseExact(String text) {
        return read(text, true);
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

    private static Object read(String text, boolean exact) {
        int bom = text.startsWith("\uFEFF") ? 1 : 0; // a leading byte-order mark is skipped, as Python's utf-8-sig does
        try (JsonParser p = new StoreNumbers(FACTORY.createParser(text.substring(bom)), exact)) {
            try {
                if (p.nextToken() == null) {
                    throw new JsonException("empty input; expected a value", text, text.length());
                }
                Object value = READER.anyFrom(p);
                if (p.nextToken() != null) {
                    int at = bom + offset(p.currentTokenLocation());
                    throw new JsonException("unexpected '" + text.charAt(at) + "' after the value", text, at);
                }
                return numbers(value, exact);
            } catch (JsonProcessingException e) {
                JsonLocation where = e.getLocation() != null && e.getLocation().getCharOffset() >= 0
                        ? e.getLocation() : p.currentLocation();
                throw new JsonException(words(e.getOriginalMessage()), text, Math.min(text.length(), bom + offset(where)));
            } catch (NumberFormatException e) { // BigDecimal's exponent is an int
                throw new JsonException("number out of range: " + p.getText(), text, bom + offset(p.currentTokenLocation()));
            }
        } catch (IOException e) { // a String source does no I/O: Jackson's errors are handled above
            throw new UncheckedIOException(e);
        }
    }

    private static int offset(JsonLocation where) {
        return (int) Math.max(0, where.getCharOffset());
    }

    /** Jackson's message without its source location and character codes, with its expectations shortened. */
    static String words(String jackson) {
        String w = CODE.matcher(SOURCE.matcher(jackson).replaceAll("$1")).replaceAll("");
        for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
            w = w.replace(e.getKey(), e.getValue());
        }
        return w;
    }

    /** jackson-jr's integers (Integer, Long, BigInteger) as this reader's numbers, in place. */
    @SuppressWarnings("unchecked")
    private static Object numbers(Object v, boolean exact) {
        if (v instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).replaceAll((k, x) -> numbers(x, exact));
        } else if (v instanceof List<?> l) {
            ((List<Object>) l).replaceAll(x -> numbers(x, exact));
        } else if (v instanceof Integer || v instanceof Long) {
            long n = ((Number) v).longValue();
            return exact ? BigDecimal.valueOf(n) : (Object) (double) n;
        } else if (v instanceof BigInteger b) {
            return exact ? new BigDecimal(b) : (Object) b.doubleValue();
        }
        return v;
    }

    /**
     * Jackson's parser as jackson-jr sees it: each fraction or exponent number is reported as a {@code double}, or in
     * exact mode as a {@code BigDecimal} (so jackson-jr reads its exact value), except the non-finite ones, which must
     * be spelled as Python writes them.
     */
    private static final class StoreNumbers extends JsonParserDelegate {
        private final boolean exact;

        StoreNumbers(JsonParser p, boolean exact) {
            super(p);
            this.exact = exact;
        }

        @Override
        public NumberType getNumberType() throws IOException {
            if (currentToken() != JsonToken.VALUE_NUMBER_FLOAT) {
                return super.getNumberType();
            }
            String t = getText();
            if (Character.isDigit(t.charAt(t.length() - 1))) {
                return exact ? NumberType.BIG_DECIMAL : NumberType.DOUBLE;
            }
            if (!NON_FINITE.contains(t)) {
                throw new JsonParseException(this, "'" + t + "' is not a number (NaN, Infinity and -Infinity are)",
                        currentTokenLocation());
            }
            return NumberType.DOUBLE;
        }
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
}
