package org.lotterylab.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.Presets;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.api.spec.SpecField;

/** Turns the shared experiment options of the commands into a validated {@link ExperimentSpec}. */
public final class SpecOptions {

    /** Options that take a value and shape the spec. */
    public static final Set<String> VALUE_OPTIONS = Set.of("preset", "rounds", "iterations", "seed", "branches",
            "rewind", "data", "test-data", "set", "name");

    private SpecOptions() {
    }

    /** Builds the spec: preset first, then the dedicated options, then every {@code --set key=value}. */
    public static ExperimentSpec toSpec(Args a, String defaultPreset) {
        ExperimentSpec base = Presets.get(a.get("preset", defaultPreset)).spec();
        Map<String, String> changes = new LinkedHashMap<>();
        put(a, changes, "rounds", "rounds");
        put(a, changes, "iterations", "iterations");
        put(a, changes, "seed", "seed");
        put(a, changes, "branches", "branches");
        put(a, changes, "rewind", "rewindIteration");
        put(a, changes, "data", "dataset");
        put(a, changes, "test-data", "testData");
        put(a, changes, "name", "name");
        for (String kv : a.all("set")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--set expects key=value (got '" + kv + "'); keys: see --help");
            }
            String key = kv.substring(0, eq).trim();
            ExperimentSpec.field(key);
            changes.put(key, kv.substring(eq + 1));
        }
        if (changes.containsKey("iterations") && !changes.containsKey("evalInterval")) {
            int it = parsePositive(changes.get("iterations"), "iterations");
            if (base.evalInterval() > it) {
                changes.put("evalInterval", Integer.toString(Math.max(1, it / 4)));
            }
        }
        ExperimentSpec spec = base.with(changes);
        checkPaths(spec);
        return spec;
    }

    private static int parsePositive(String v, String key) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new SpecException(key, "expected an integer (got '" + v + "')");
        }
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

    private static void put(Args a, Map<String, String> changes, String option, String key) {
        if (a.has(option)) {
            changes.put(key, a.get(option, null));
        }
    }

    /** Help text for the spec options and every spec field with default and help line. */
    public static String help() {
        StringBuilder sb = new StringBuilder();
        sb.append("Experiment options:\n");
        sb.append("  --preset NAME        ").append(String.join(", ",
                Presets.all().stream().map(p -> p.id()).toList())).append(" (default quick)\n");
        sb.append("  --rounds N           pruning rounds after the dense round 0\n");
        sb.append("  --iterations N       training iterations per round\n");
        sb.append("  --seed N             seed for init, data order and controls\n");
        sb.append("  --branches LIST      ticket,random-reinit,random-pruning,same-sign-reinit,one-shot\n");
        sb.append("  --rewind K           rewind survivors to theta_K (0 = theta_0)\n");
        sb.append("  --data DIR|sample|fashion-mnist\n");
        sb.append("  --test-data DIR      evaluate on another test set (e.g. official MNIST t10k IDX files)\n");
        sb.append("  --name NAME          run name (directory <out>/<name>-<hash>)\n");
        sb.append("  --set key=value      any spec field (repeatable):\n");
        for (SpecField f : ExperimentSpec.fields()) {
            sb.append(String.format("      %-16s %s [default: %s]%n", f.key(), f.help(),
                    f.defaultValue().isEmpty() ? "\"\"" : f.defaultValue()));
        }
        return sb.toString();
    }
}
