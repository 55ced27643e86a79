package org.lotterylab.api.store;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.api.spec.SpecField;

/**
 * {@code spec.json}: an {@link ExperimentSpec} as canonical pretty JSON: one field per line, keys in
 * {@link ExperimentSpec#fields()} order, every field present. INT, LONG and DOUBLE fields are JSON numbers
 * spelled exactly as in {@link ExperimentSpec#toMap()}, BOOLEAN fields {@code true}/{@code false},
 * STRING and CHOICE fields strings, CHOICE_LIST and STRING_LIST fields arrays of strings. Nothing else (no
 * hash) is stored. The same spec always gives the same bytes.
 *
 * <p>Reading is lenient about types (a string {@code "60"} or a comma-separated string for a list also
 * work), takes defaults for missing keys and {@code null}s, and rejects unknown keys and bad values with a
 * {@link SpecException} from {@link ExperimentSpec#fromMap(Map)}.
 */
public final class SpecJson {

    private SpecJson() {
    }

    /** The canonical JSON text (ends with a newline). */
    public static String toJson(ExperimentSpec spec) {
        Map<String, String> values = spec.toMap();
        StringBuilder sb = new StringBuilder("{\n");
        List<SpecField> fields = ExperimentSpec.fields();
        for (int i = 0; i < fields.size(); i++) {
            SpecField f = fields.get(i);
            String v = values.get(f.key());
            sb.append("  ").append(Json.quote(f.key())).append(": ");
            switch (f.type()) {
                case INT, LONG, DOUBLE, BOOLEAN -> sb.append(v);
                case STRING, CHOICE -> sb.append(Json.quote(v));
                case CHOICE_LIST, STRING_LIST -> {
                    sb.append('[');
                    boolean first = true;
                    for (String item : v.split(",")) {
                        if (!item.isEmpty()) {
                            sb.append(first ? "" : ", ").append(Json.quote(item));
                            first = false;
                        }
                    }
                    sb.append(']');
                }
            }
            sb.append(i + 1 < fields.size() ? ",\n" : "\n");
        }
        return sb.append("}\n").toString();
    }

    /** Atomically writes the canonical JSON of {@code spec} to {@code file}. */
    public static void write(Path file, ExperimentSpec spec) throws IOException {
        AtomicFiles.writeString(file, toJson(spec));
    }

    /**
     * Parses spec JSON.
     *
     * @throws Json.JsonException on malformed JSON (with line and column)
     * @throws SpecException      on unknown keys or invalid values
     */
    public static ExperimentSpec parse(String json) {
        Object root = Json.parseExact(json);
        if (!(root instanceof Map<?, ?> map)) {
            throw new Json.JsonException("a spec must be a JSON object", json, 0);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = (String) e.getKey();
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            SpecField.Type type = ExperimentSpec.field(key).type();
            values.put(key, text(key, type, v));
        }
        return ExperimentSpec.fromMap(values);
    }

    /**
     * Reads {@code spec.json}.
     *
     * @throws IOException   when the file cannot be read or is not valid JSON (the message names the file)
     * @throws SpecException on unknown keys or invalid values
     */
    public static ExperimentSpec read(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        try {
            return parse(text);
        } catch (Json.JsonException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static String text(String key, SpecField.Type type, Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        if (v instanceof BigDecimal d) {
            if (type == SpecField.Type.INT || type == SpecField.Type.LONG) {
                try {
                    BigInteger i = d.toBigIntegerExact();
                    return i.toString();
                } catch (ArithmeticException e) {
                    throw new SpecException(key, "expected an integer (got " + d + ")");
                }
            }
            return d.toString();
        }
        if (v instanceof Double d) {
            return Double.toString(d);
        }
        if (v instanceof List<?> list) {
            if (type != SpecField.Type.CHOICE_LIST && type != SpecField.Type.STRING_LIST) {
                throw new SpecException(key, "expected a single value, got a list");
            }
            List<String> items = new ArrayList<>();
            for (Object o : list) {
                if (o instanceof List || o instanceof Map || o == null) {
                    throw new SpecException(key, "list items must be strings");
                }
                String s = o instanceof BigDecimal d ? d.toString() : o.toString();
                if (s.contains(",")) {
                    throw new SpecException(key, "list items must not contain ',' (got '" + s + "')");
                }
                items.add(s);
            }
            return String.join(",", items);
        }
        throw new SpecException(key, "expected a value, got a JSON object");
    }
}
