package org.lotterylab.app.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotterylab.api.store.Json;
import org.lotterylab.api.store.ReplicateGroup;

/**
 * Several stored runs the window shows as one result: the replicates of a group file
 * ({@code <name>-<hash>-xN.group.json}) or the points of a sweep ({@code sweep.json}, docs/sweeps.md). Only
 * the index is read here; the runs themselves are read by {@link GroupViewModel#load}.
 *
 * @param kind   replicates or sweep
 * @param index  the group file or {@code sweep.json}
 * @param title  a short name for the status bar
 * @param axes   the sweep's grid fields in grid order (empty for replicates)
 * @param members the runs, in index order
 */
public record RunGroup(Kind kind, Path index, String title, List<String> axes, List<Member> members) {

    /** Where a group comes from. */
    public enum Kind {
        /** {@code --replicates N}: one spec from N seeds. */
        REPLICATES,
        /** {@code lth sweep}: a grid of specs, each with replicates. */
        SWEEP
    }

    /** The sweep index's file name. */
    public static final String SWEEP_JSON = "sweep.json";

    /**
     * One run of the group.
     *
     * @param dir    its run directory
     * @param seed   its seed
     * @param values its grid values (sweeps), in grid order
     */
    public record Member(Path dir, long seed, Map<String, String> values) {
        /** Copies the values. */
        public Member {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /** Copies the lists. */
    public RunGroup {
        axes = List.copyOf(axes);
        members = List.copyOf(members);
    }

    /** The group of a replicate group written under {@code outDir}. */
    public static RunGroup of(ReplicateGroup g, Path outDir) {
        List<Member> ms = new ArrayList<>();
        for (ReplicateGroup.Member m : g.members()) {
            ms.add(new Member(outDir.resolve(m.runDir()), m.seed(), Map.of()));
        }
        return new RunGroup(Kind.REPLICATES, outDir.resolve(g.fileName()),
                g.base().runDirName() + " × " + g.members().size() + " replicates", List.of(), ms);
    }

    /**
     * The group {@code path} names: a {@code *.group.json} file, a {@code sweep.json} file, a folder holding
     * {@code sweep.json}, or a folder (not itself a run) holding exactly one group file. Empty for anything
     * else (an ordinary run directory). A damaged index or a folder with several group files is an
     * {@link IOException} naming the files.
     */
    public static Optional<RunGroup> find(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            String name = path.getFileName().toString();
            if (name.endsWith(ReplicateGroup.SUFFIX)) {
                return Optional.of(replicates(path));
            }
            if (name.equals(SWEEP_JSON)) {
                return Optional.of(sweep(path));
            }
            return Optional.empty();
        }
        if (!Files.isDirectory(path)) {
            return Optional.empty();
        }
        if (Files.isRegularFile(path.resolve(SWEEP_JSON))) {
            return Optional.of(sweep(path.resolve(SWEEP_JSON)));
        }
        if (Files.isRegularFile(path.resolve("spec.json"))) {
            return Optional.empty();
        }
        List<Path> groups = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(path, "*" + ReplicateGroup.SUFFIX)) {
            ds.forEach(groups::add);
        }
        if (groups.size() > 1) {
            groups.sort(null);
            throw new IOException(path + " holds " + groups.size() + " group files ("
                    + String.join(", ", groups.stream().map(p -> p.getFileName().toString()).toList())
                    + "): open one of them");
        }
        return groups.isEmpty() ? Optional.empty() : Optional.of(replicates(groups.get(0)));
    }

    private static RunGroup replicates(Path file) throws IOException {
        ReplicateGroup g = ReplicateGroup.read(file);
        RunGroup r = of(g, file.toAbsolutePath().getParent());
        return new RunGroup(Kind.REPLICATES, file, r.title(), List.of(), r.members());
    }

    private static RunGroup sweep(Path file) throws IOException {
        Map<String, Object> json;
        try {
            json = Json.parseObject(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": not a sweep index (" + e.getMessage() + ")");
        }
        if (!"sweep".equals(json.get("kind")) || !(json.get("points") instanceof List<?> points)) {
            throw new IOException(file + ": not a sweep index (no kind \"sweep\" with points)");
        }
        List<String> axes = new ArrayList<>();
        if (json.get("grid") instanceof List<?> grid) {
            for (Object a : grid) {
                if (a instanceof Map<?, ?> m && m.get("key") != null) {
                    axes.add(String.valueOf(m.get("key")));
                }
            }
        }
        Path dir = file.toAbsolutePath().getParent();
        List<Member> members = new ArrayList<>();
        for (Object o : points) {
            if (!(o instanceof Map<?, ?> p) || !(p.get("run") instanceof String run) || run.contains("/")
                    || run.contains("\\") || run.startsWith(".")) {
                throw new IOException(file + ": a point without a valid run directory: " + o);
            }
            Map<String, String> values = new LinkedHashMap<>();
            if (p.get("values") instanceof Map<?, ?> v) {
                for (String a : axes) {
                    values.put(a, String.valueOf(v.get(a)));
                }
            }
            long seed;
            try {
                seed = Long.parseLong(String.valueOf(p.get("seed")));
            } catch (NumberFormatException e) {
                throw new IOException(file + ": point " + p.get("point") + " has no seed");
            }
            members.add(new Member(dir.resolve(run), seed, values));
        }
        String name = json.get("name") == null ? dir.getFileName().toString() : String.valueOf(json.get("name"));
        return new RunGroup(Kind.SWEEP, file, "sweep " + name + " (" + members.size() + " runs)", axes, members);
    }
}
