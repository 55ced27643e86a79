package org.lotterylab.spark;

import java.util.ArrayList;
import java.util.List;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.SpecException;

/**
 * One {@code --grid key=v1,v2,...} option: a spec field and the values it takes. Values are separated by
 * commas, or by semicolons when the text holds one (for list fields: {@code branches=ticket;ticket,one-shot}).
 *
 * @param key    a spec field ({@link ExperimentSpec#field(String)})
 * @param values its values, in the order given, at least one, no duplicates
 */
public record GridAxis(String key, List<String> values) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Checks the key and copies the values. */
    public GridAxis {
        ExperimentSpec.field(key);
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new SpecException(key, "--grid needs at least one value");
        }
        if (values.size() != values.stream().distinct().count()) {
            throw new SpecException(key, "--grid lists a value twice: " + values);
        }
    }

    /** Parses {@code key=v1,v2,...}. */
    public static GridAxis parse(String option) {
        int eq = option.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--grid expects key=v1,v2,... (got '" + option + "')");
        }
        String key = option.substring(0, eq).trim();
        String text = option.substring(eq + 1);
        String sep = text.contains(";") ? ";" : ",";
        List<String> values = new ArrayList<>();
        for (String v : text.split(sep, -1)) {
            if (v.isBlank()) {
                throw new SpecException(key, "--grid has an empty value in '" + option + "'");
            }
            values.add(v.trim());
        }
        return new GridAxis(key, values);
    }
}
