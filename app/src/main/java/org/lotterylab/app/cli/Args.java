package org.lotterylab.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small GNU-style option parser: {@code --name value}, {@code --name=value}, repeatable {@code --set k=v}
 * and boolean flags. Unknown options fail with the list of known ones.
 */
public final class Args {

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Args() {
    }

    /**
     * Parses {@code argv}.
     *
     * @param withValue options that take a value
     * @param flags     options without a value
     */
    public static Args parse(String[] argv, Set<String> withValue, Set<String> flags) {
        Args a = new Args();
        for (int i = 0; i < argv.length; i++) {
            String s = argv[i];
            if (s.startsWith("--")) {
                String name = s.substring(2);
                String val = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    val = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name)) {
                    if (val != null) {
                        throw new UsageException("--" + name + " takes no value");
                    }
                    a.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
                } else if (withValue.contains(name)) {
                    if (val == null) {
                        if (i + 1 >= argv.length || argv[i + 1].startsWith("--")) {
                            throw new UsageException("--" + name + " needs a value");
                        }
                        val = argv[++i];
                    }
                    a.values.computeIfAbsent(name, k -> new ArrayList<>()).add(val);
                } else {
                    List<String> known = new ArrayList<>();
                    withValue.forEach(k -> known.add("--" + k));
                    flags.forEach(k -> known.add("--" + k));
                    java.util.Collections.sort(known);
                    throw new UsageException("unknown option --" + name + "; known options: " + String.join(" ", known));
                }
            } else {
                a.positional.add(s);
            }
        }
        return a;
    }

    /**
     * Parses a command's options: prints {@code usage} and returns null for {@code --help}; rejects positional
     * arguments. The command returns 0 when this returns null.
     */
    public static Args forCommand(String[] argv, Set<String> withValue, Set<String> flags, java.io.PrintStream out,
                                  java.util.function.Supplier<String> usage) {
        Args a = parse(argv, withValue, flags);
        if (a.has("help")) {
            out.print(usage.get());
            return null;
        }
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + a.positional().get(0) + "'");
        }
        return a;
    }

    /** Whether the option or flag was given. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The last value of an option, or {@code def}. */
    public String get(String name, String def) {
        List<String> v = values.get(name);
        return v == null ? def : v.get(v.size() - 1);
    }

    /** All values of a repeatable option. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** An integer option within bounds, or {@code def}. */
    public int getInt(String name, int def, int min, int max) {
        String v = get(name, null);
        if (v == null) {
            return def;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + " (got " + v + ")");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " expects an integer (got '" + v + "')");
        }
    }

    /** Arguments that are not options. */
    public List<String> positional() {
        return positional;
    }
}
