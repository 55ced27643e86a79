package org.lotterylab.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Text-valued options built from a table of {@link Row descriptors}, as {@link SpecOptions} builds the spec's:
 * a command places them with {@code @Mixin CommandSpec x = table.spec();} (picocli keeps a mixin's position in
 * the option list and the help) and reads each value by its key. The command parses and checks the values.
 */
final class TextOptions {

    /**
     * One option.
     *
     * @param key   what the value sets (the command's name for it)
     * @param name  the option, e.g. {@code --lr}
     * @param label its parameter label, e.g. {@code X}
     * @param help  its help text (picocli's format: {@code %%} for a percent sign, {@code ${DEFAULT-VALUE}})
     */
    record Row(String key, String name, String label, String help) {
    }

    private final CommandSpec spec = CommandSpec.create();
    private final Map<String, OptionSpec> byKey = new LinkedHashMap<>();

    /** The options of {@code rows}, in that order, without default values. */
    TextOptions(List<Row> rows) {
        this(rows, Map.of());
    }

    /** The options of {@code rows}, in that order; an option's value when not given is its key's in {@code defaults}. */
    TextOptions(List<Row> rows, Map<String, String> defaults) {
        for (Row r : rows) {
            OptionSpec o = OptionSpec.builder(r.name()).paramLabel(r.label()).type(String.class)
                    .description(r.help()).defaultValue(defaults.get(r.key())).build();
            if (byKey.put(r.key(), o) != null) {
                throw new IllegalArgumentException("two options set " + r.key());
            }
            spec.addOption(o);
        }
    }

    /** The options as a mixin for a command's {@code @Mixin CommandSpec} field. */
    CommandSpec spec() {
        return spec;
    }

    /** The value that sets {@code key}: the option's, or its default; empty when neither. */
    Optional<String> value(String key) {
        return Optional.ofNullable(option(key).getValue());
    }

    /** The option that sets {@code key}, if one does. */
    Optional<String> name(String key) {
        OptionSpec o = byKey.get(key);
        return o == null ? Optional.empty() : Optional.of(o.longestName());
    }

    /** The keys, in the table's order. */
    List<String> keys() {
        return List.copyOf(byKey.keySet());
    }

    private OptionSpec option(String key) {
        OptionSpec o = byKey.get(key);
        if (o == null) {
            throw new IllegalArgumentException("no option sets " + key);
        }
        return o;
    }
}
