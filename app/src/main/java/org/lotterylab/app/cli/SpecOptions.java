package org.lotterylab.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.Preset;
import org.lotterylab.api.spec.Presets;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.api.spec.SpecField;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The experiment options every spec-taking command shares ({@code imp}, {@code lmc}, {@code edge-popup},
 * {@code lab}), as one picocli mixin generated from the spec's field descriptors ({@link ExperimentSpec#fields()}):
 * {@code --preset NAME}, {@code --set key=value} for every field, and a few named flags, each bound to one
 * field ({@link Flag}). Descriptions, the field table of {@code --help} and validation all come from the
 * descriptors, so a new spec field shows up here without a change. The values are kept as strings and checked
 * once, by the spec itself, in {@link #overrides()}.
 */
public final class SpecOptions {

    /** Help section key of the field table. */
    static final String FIELDS_SECTION = "specFields";

    /**
     * A named flag that sets one spec field.
     *
     * @param option the option name, e.g. {@code --rewind}
     * @param field  the spec field it sets, e.g. {@code rewindIteration}
     * @param label  the parameter label in the help
     */
    public record Flag(String option, String field, String label) {
    }

    /** The named flags of {@code imp}, {@code lmc} and {@code lab}. */
    public static final List<Flag> STANDARD = List.of(
            new Flag("--rounds", "rounds", "N"),
            new Flag("--iterations", "iterations", "N"),
            new Flag("--seed", "seed", "N"),
            new Flag("--branches", "branches", "LIST"),
            new Flag("--rewind", "rewindIteration", "K"),
            new Flag("--data", "dataset", "DIR|sample|fashion-mnist"),
            new Flag("--test-data", "testData", "DIR"),
            new Flag("--name", "name", "NAME"));

    /**
     * The named flags of {@code edge-popup}: its {@code --iterations} counts score updates (its own option),
     * and it names the model (the frozen weights' init is its own {@code --init} option).
     */
    public static final List<Flag> EDGE_POPUP = java.util.stream.Stream.concat(
            STANDARD.stream().filter(f -> !f.field().equals("iterations")),
            java.util.stream.Stream.of(new Flag("--model", "model", "NAME"))).toList();

    private final CommandSpec mixin = CommandSpec.create();
    private final OptionSpec preset;
    private final OptionSpec set;
    private final Map<Flag, OptionSpec> flags = new LinkedHashMap<>();

    private SpecOptions(List<Flag> named) {
        preset = OptionSpec.builder("--preset").paramLabel("NAME").type(String.class)
                .description(escape("start from a preset: " + presetIds() + " (default " + Presets.QUICK.id() + ")"))
                .build();
        mixin.addOption(preset);
        for (Flag f : named) {
            SpecField field = ExperimentSpec.field(f.field());
            OptionSpec o = OptionSpec.builder(f.option()).paramLabel(f.label()).type(String.class)
                    .description(escape(describe(field) + " (sets " + field.key() + ")")).build();
            flags.put(f, o);
            mixin.addOption(o);
        }
        set = OptionSpec.builder("--set").paramLabel("key=value").type(List.class).auxiliaryTypes(String.class)
                .description("set any spec field (repeatable); the fields are listed below").build();
        mixin.addOption(set);
    }

    /** The options with the {@link #STANDARD} flags. */
    public static SpecOptions standard() {
        return new SpecOptions(STANDARD);
    }

    /** The options with the given named flags. */
    public static SpecOptions withFlags(List<Flag> named) {
        return new SpecOptions(named);
    }

    /** Adds these options, and the table of every spec field after the option list, to {@code cl}'s help. */
    void addTo(CommandLine cl) {
        cl.getCommandSpec().addMixin("spec", mixin);
        Map<String, CommandLine.IHelpSectionRenderer> sections = cl.getHelpSectionMap();
        sections.put(FIELDS_SECTION, help -> fieldTable());
        List<String> keys = new ArrayList<>(cl.getHelpSectionKeys());
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST) + 1, FIELDS_SECTION);
        cl.setHelpSectionKeys(keys);
    }

    /** The value of the named flag that sets {@code field}, if it was given. */
    public Optional<String> flag(String field) {
        for (Map.Entry<Flag, OptionSpec> e : flags.entrySet()) {
            if (e.getKey().field().equals(field) && e.getValue().getValue() != null) {
                return Optional.of(e.getValue().getValue());
            }
        }
        return Optional.empty();
    }

    /** The first of these options that was given ({@code --preset}, a named flag, {@code --set}), if any. */
    public Optional<String> firstGiven() {
        if (preset.getValue() != null) {
            return Optional.of(preset.longestName());
        }
        for (OptionSpec o : flags.values()) {
            if (o.getValue() != null) {
                return Optional.of(o.longestName());
            }
        }
        return sets().isEmpty() ? Optional.empty() : Optional.of(set.longestName());
    }

    /** The preset, {@link Presets#QUICK} unless {@code --preset} names another. */
    public Preset preset() {
        String id = preset.getValue();
        return Presets.get(id == null ? Presets.QUICK.id() : id.trim());
    }

    /**
     * The field values set on top of the preset, in the order applied: the named flags, then every
     * {@code --set key=value}. When the iterations change below the preset's evaluation interval (and the
     * interval is not set), the interval becomes a quarter of the iterations (at least 1), so a short round
     * is still evaluated a few times. The result is checked by building the spec.
     *
     * @throws UsageException for a {@code --set} without {@code key=value}
     * @throws SpecException  for an unknown key, an impossible value or a data folder that does not exist
     */
    public Map<String, String> overrides() {
        Preset base = preset();
        Map<String, String> changes = new LinkedHashMap<>();
        flags.forEach((f, o) -> {
            if (o.getValue() != null) {
                changes.put(f.field(), o.getValue());
            }
        });
        for (String kv : sets()) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--set expects key=value (got '" + kv + "'); keys: see --help");
            }
            String key = kv.substring(0, eq).trim();
            ExperimentSpec.field(key);
            changes.put(key, kv.substring(eq + 1));
        }
        Map<String, String> completed = base.spec().withShortRunRule(changes);
        checkPaths(base.spec().with(completed));
        return java.util.Collections.unmodifiableMap(completed);
    }

    /** The spec: the preset with {@link #overrides()} applied. */
    public ExperimentSpec toSpec() {
        return preset().spec().with(overrides());
    }

    /** The table of every spec field with its help and default, as {@code --help} shows it after the options. */
    public static String fieldTable() {
        StringBuilder sb = new StringBuilder("\nSpec fields (--set key=value; a preset may change the default):\n");
        for (SpecField f : ExperimentSpec.fields()) {
            sb.append(String.format(Locale.ROOT, "  %-16s %s [default: %s]%n", f.key(), describe(f),
                    f.defaultValue().isEmpty() ? "\"\"" : f.defaultValue()));
        }
        return sb.toString();
    }

    private List<String> sets() {
        List<String> v = set.getValue();
        return v == null ? List.of() : v;
    }

    private static String describe(SpecField f) {
        return f.choices().isEmpty() ? f.help() : f.help() + " (" + String.join(", ", f.choices()) + ")";
    }

    private static void checkPaths(ExperimentSpec spec) {
        String d = spec.dataset();
        if (!d.equals("sample") && !d.equals("fashion-mnist") && !Files.isDirectory(Path.of(d))) {
            throw new SpecException("dataset", "'" + d + "' is neither sample, fashion-mnist nor an existing directory");
        }
        if (!spec.testData().isBlank() && !Files.isDirectory(Path.of(spec.testData()))) {
            throw new SpecException("testData", "'" + spec.testData() + "' is not an existing directory");
        }
    }

    private static String presetIds() {
        return String.join(", ", Presets.all().stream().map(Preset::id).toList());
    }

    /** picocli formats descriptions with {@link String#format}: a literal percent sign must be doubled. */
    static String escape(String text) {
        return text.replace("%", "%%");
    }
}
