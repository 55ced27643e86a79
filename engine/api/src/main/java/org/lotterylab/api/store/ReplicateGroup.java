package org.lotterylab.api.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.SpecException;

/**
 * The replicates of one experiment: the same spec from seeds {@code seed, seed + 1, ...}. Each replicate is
 * an ordinary run, stored exactly where a run of that spec with that seed is stored; the group file
 * ({@code <out>/<name>-<hash>-x<N>.group.json}, the base run's directory name plus the count) only lists
 * them.
 *
 * @param base    the spec of the first replicate (its seed is the first seed)
 * @param members the replicates, in seed order
 */
public record ReplicateGroup(ExperimentSpec base, List<Member> members) {

    /** Version of the group file. */
    public static final int FORMAT = 1;
    /** Suffix of group files. */
    public static final String SUFFIX = ".group.json";

    /**
     * One replicate.
     *
     * @param seed   its seed
     * @param runDir its run directory name under the output folder
     */
    public record Member(long seed, String runDir) {
    }

    /** Copies the list. */
    public ReplicateGroup {
        members = List.copyOf(members);
    }

    /** {@code n} replicates of {@code base}: seeds base.seed() .. base.seed() + n - 1. */
    public static ReplicateGroup of(ExperimentSpec base, int n) {
        if (n < 1) {
            throw new SpecException("replicates", "must be at least 1 (got " + n + ")");
        }
        List<Member> m = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ExperimentSpec s = replicate(base, i);
            m.add(new Member(s.seed(), s.runDirName()));
        }
        return new ReplicateGroup(base, m);
    }

    /** The spec of replicate {@code i} (0-based): the base spec with seed base.seed() + i. */
    public static ExperimentSpec replicate(ExperimentSpec base, int i) {
        return base.with("seed", Long.toString(base.seed() + i));
    }

    /** The spec of each replicate, in seed order. */
    public List<ExperimentSpec> specs() {
        List<ExperimentSpec> out = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            out.add(replicate(base, i));
        }
        return out;
    }

    /** The group file's name. */
    public String fileName() {
        return base.runDirName() + "-x" + members.size() + SUFFIX;
    }

    /** Writes the group file under {@code outDir} (atomically) and returns its path. */
    public Path write(Path outDir) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("kind", "replicates");
        json.put("name", base.name());
        json.put("replicates", members.size());
        List<Object> list = new ArrayList<>();
        for (Member m : members) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("seed", m.seed());
            e.put("run", m.runDir());
            list.add(e);
        }
        json.put("members", list);
        json.put("spec", new LinkedHashMap<String, Object>(base.toMap()));
        Path file = outDir.resolve(fileName());
        Files.createDirectories(outDir);
        AtomicFiles.writeString(file, Json.write(json) + "\n");
        return file;
    }

    /** Reads a group file; a clear {@link IOException} names the file and the problem. */
    public static ReplicateGroup read(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        Map<String, Object> json;
        try {
            json = Json.parseObject(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": not a replicate group file (" + e.getMessage() + ")");
        }
        Object format = json.get("format");
        if (!(format instanceof Number f) || f.intValue() != FORMAT) {
            throw new IOException(file + ": unsupported group file format " + format + " (this lab reads " + FORMAT + ")");
        }
        if (!(json.get("spec") instanceof Map<?, ?> specMap)) {
            throw new IOException(file + ": no spec");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        specMap.forEach((k, v) -> fields.put(String.valueOf(k), String.valueOf(v)));
        ExperimentSpec base;
        try {
            base = ExperimentSpec.defaults().with(fields);
        } catch (SpecException e) {
            throw new IOException(file + ": bad spec: " + e.getMessage());
        }
        if (!(json.get("replicates") instanceof Number n) || n.intValue() < 1 || n.intValue() > 10_000) {
            throw new IOException(file + ": bad replicate count " + json.get("replicates"));
        }
        return of(base, n.intValue());
    }
}
