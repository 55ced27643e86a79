package org.lotterylab.api.spec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An immutable, validated lottery-ticket experiment. Every field has a default and a help line
 * ({@link #fields()}); construction fails with a {@link SpecException} naming the field when a value
 * is impossible. The run identity ({@link #hash()}) is a hash of the canonical non-default fields, so
 * adding a field with a default later does not change the identity of existing runs.
 *
 * <p>Rates are <em>fractions removed per round</em>; "weights remaining" is always spelled out where used.
 */
public record ExperimentSpec(
        String name,
        String dataset,
        String testData,
        ModelKind model,
        int width,
        InitKind init,
        OptimizerKind optimizer,
        double learningRate,
        double momentum,
        int batchSize,
        int iterations,
        int evalInterval,
        int rounds,
        PruningStyle pruning,
        double convRate,
        double hiddenRate,
        double outputRate,
        double globalRate,
        List<String> globalIgnore,
        MaskCriterion maskCriterion,
        int rewindIteration,
        long seed,
        List<Branch> branches,
        boolean lmcEachRound,
        int lmcAlphas,
        List<Branch> lmcBranches,
        double edgePopupKeep,
        SignSource sameSignSource,
        InputNormalization normalize,
        EngineKind engine,
        int earlyBirdWindow,
        double earlyBirdThreshold) {

    /** The largest hidden-layer width multiplier ({@code width}). */
    public static final int MAX_WIDTH = 64;

    /**
     * The one description of every field, in the record's component order (checked when the class loads): key,
     * type, default, help, and how its string form is parsed and written. {@link #fromMap} and {@link #toMap}
     * are derived from it; the compact constructor validates.
     */
    private static final List<Slot> SLOTS = List.of(
            f("name", SpecField.Type.STRING, "run", "Run name; the run directory is <out>/<name>-<hash of the spec>"),
            f("dataset", SpecField.Type.STRING, "sample",
                    "Data set: sample (bundled 10k MNIST), fashion-mnist (Debian package), or a directory of IDX/CIFAR-10 files"),
            f("testData", SpecField.Type.STRING, "",
                    "Optional directory holding an official test set (e.g. MNIST t10k IDX) to evaluate on instead"),
            c("model", ModelKind.class, "lenet-300-100", "Network architecture"),
            f("width", SpecField.Type.INT, "1", "Hidden-layer width multiplier: every hidden layer (fully-connected "
                    + "units, conv filters) is this many times as wide as the model's; 1 = the model as published, "
                    + "at most " + MAX_WIDTH),
            c("init", InitKind.class, "glorot-normal", "Weight initialiser"),
            c("optimizer", OptimizerKind.class, "adam",
                    "Optimiser: adam, sgd (heavy-ball momentum, as PyTorch) or sgd-nesterov"),
            f("learningRate", SpecField.Type.DOUBLE, "0.0012", "Learning rate, > 0"),
            f("momentum", SpecField.Type.DOUBLE, "0.0",
                    "SGD momentum in [0, 1): heavy-ball for sgd (v = m*v + g; w -= lr*v), Nesterov for sgd-nesterov"),
            f("batchSize", SpecField.Type.INT, "60", "Mini-batch size"),
            f("iterations", SpecField.Type.INT, "50000", "Training iterations (mini-batches) per round"),
            f("evalInterval", SpecField.Type.INT, "100", "Evaluate validation loss and test accuracy every N iterations"),
            f("rounds", SpecField.Type.INT, "15", "Pruning rounds after the dense round 0"),
            c("pruning", PruningStyle.class, "layerwise",
                    "layerwise (rates per layer kind) or global (one threshold); resnet-20 and vgg-16 default to global"),
            f("convRate", SpecField.Type.DOUBLE, "0.1", "Layerwise: fraction of remaining conv weights removed per round"),
            f("hiddenRate", SpecField.Type.DOUBLE, "0.2",
                    "Layerwise: fraction of remaining hidden fully-connected weights removed per round"),
            f("outputRate", SpecField.Type.DOUBLE, "0.1", "Layerwise: fraction of remaining output-layer weights removed per round"),
            f("globalRate", SpecField.Type.DOUBLE, "0.2", "Global: fraction of remaining prunable weights removed per round"),
            f("globalIgnore", SpecField.Type.STRING_LIST, "output",
                    "Global: layers never pruned (the model's layer names, e.g. fc1, or 'output'); empty = prune all "
                            + "(resnet-20's default, as open_lth)"),
            c("maskCriterion", MaskCriterion.class, "large-final", "Which weights survive a pruning step"),
            f("rewindIteration", SpecField.Type.INT, "0", "Rewind survivors to theta_k after k iterations (0 = theta_0)"),
            f("seed", SpecField.Type.LONG, "1", "Seed for init, data order and random controls"),
            cl("branches", Branch.class, "ticket,random-reinit", "Branches to run, comma-separated"),
            f("lmcEachRound", SpecField.Type.BOOLEAN, "false",
                    "Also measure each round's linear-mode-connectivity instability (branches: lmcBranches)"),
            f("lmcAlphas", SpecField.Type.INT, "30", "Points on the interpolation path (endpoints included), >= 2"),
            cl("lmcBranches", Branch.class, "ticket",
                    "With lmcEachRound: the branches whose rounds get an LMC curve (those that run), comma-separated"),
            f("edgePopupKeep", SpecField.Type.DOUBLE, "0.5", "Edge-popup: fraction of edges KEPT per layer, in (0, 1]"),
            c("sameSignSource", SignSource.class, "theta-0",
                    "Same-sign re-init: signs from theta-0 (Zhou et al. 2019) or theta-k; magnitudes are fresh"),
            new Slot(new SpecField("normalize", SpecField.Type.STRING, "none",
                    "Input normalisation (x - mean) / std: none, train (per-channel statistics of the training "
                            + "split) or MEAN,STD, e.g. 0.1307,0.3081 (open_lth's MNIST)", List.of()),
                    InputNormalization::parse, v -> ((InputNormalization) v).id()),
            c("engine", EngineKind.class, "auto",
                    "Training engine: auto (lean for fully-connected models on the CPU, else dl4j), lean or dl4j"),
            f("earlyBirdWindow", SpecField.Type.INT, "5",
                    "Early-bird branch: masks compared at consecutive evaluations of the dense round (You et al.: 5)"),
            f("earlyBirdThreshold", SpecField.Type.DOUBLE, "0.1",
                    "Early-bird branch: drawn when every mask distance in the window is below this, in (0, 1]"));

    private static final List<SpecField> FIELDS = SLOTS.stream().map(Slot::field).toList();
    private static final java.lang.reflect.RecordComponent[] COMPONENTS = ExperimentSpec.class.getRecordComponents();
    private static final java.lang.reflect.Constructor<ExperimentSpec> CANONICAL = canonical();

    /** Validates every field. */
    public ExperimentSpec {
        requireText("name", name);
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new SpecException("name", "use letters, digits, '.', '_' and '-' only (got '" + name + "')");
        }
        requireText("dataset", dataset);
        testData = testData == null ? "" : testData;
        singleLine("dataset", dataset);
        singleLine("testData", testData);
        requireNonNull("model", model);
        if (width < 1 || width > MAX_WIDTH) {
            throw new SpecException("width", "the hidden-layer width multiplier must be an integer in [1, " + MAX_WIDTH
                    + "] (got " + width + ")");
        }
        requireNonNull("init", init);
        requireNonNull("optimizer", optimizer);
        requireNonNull("pruning", pruning);
        requireNonNull("maskCriterion", maskCriterion);
        requireNonNull("sameSignSource", sameSignSource);
        requireNonNull("normalize", normalize);
        requireNonNull("engine", engine);
        if (!(learningRate > 0) || !Double.isFinite(learningRate) || learningRate > 10) {
            throw new SpecException("learningRate", "must be > 0 and at most 10 (got " + learningRate + ")");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new SpecException("momentum", "must be in [0, 1) (got " + momentum + ")");
        }
        positive("batchSize", batchSize);
        positive("iterations", iterations);
        positive("evalInterval", evalInterval);
        if (evalInterval > iterations) {
            throw new SpecException("evalInterval", "must not exceed iterations (" + evalInterval + " > " + iterations + ")");
        }
        if (rounds < 0 || rounds > 200) {
            throw new SpecException("rounds", "must be in [0, 200] (got " + rounds + ")");
        }
        rate("convRate", convRate);
        rate("hiddenRate", hiddenRate);
        rate("outputRate", outputRate);
        rate("globalRate", globalRate);
        globalIgnore = List.copyOf(globalIgnore == null ? List.of() : globalIgnore);
        for (String g : globalIgnore) {
            singleLine("globalIgnore", g);
            if (!g.equals("output") && !model.layerNames().contains(g)) {
                throw new SpecException("globalIgnore", "'" + g + "' is not a layer of " + model.id()
                        + "; its layers are " + String.join(", ", model.layerNames()) + " (or 'output')");
            }
        }
        // -0.0 and 0.0 mean the same: keep one canonical form so the run identity does not split
        learningRate += 0.0;
        momentum += 0.0;
        convRate += 0.0;
        hiddenRate += 0.0;
        outputRate += 0.0;
        globalRate += 0.0;
        edgePopupKeep += 0.0;
        if (rewindIteration < 0 || rewindIteration >= iterations) {
            throw new SpecException("rewindIteration", "must be in [0, iterations=" + iterations
                    + "): a rewound round trains iterations k+1 .. iterations (got " + rewindIteration + ")");
        }
        if (branches == null || branches.isEmpty()) {
            throw new SpecException("branches", "choose at least one of: " + Choice.ids(Branch.class));
        }
        if (branches.size() != branches.stream().distinct().count()) {
            throw new SpecException("branches", "lists a branch twice: " + branches);
        }
        List<Branch> sorted = new ArrayList<>(branches);
        Collections.sort(sorted);
        branches = List.copyOf(sorted);
        if (earlyBirdWindow < 2 || earlyBirdWindow > 1000) {
            throw new SpecException("earlyBirdWindow", "must be in [2, 1000] masks (got " + earlyBirdWindow + ")");
        }
        if (!(earlyBirdThreshold > 0 && earlyBirdThreshold <= 1)) {
            throw new SpecException("earlyBirdThreshold", "must be in (0, 1] (got " + earlyBirdThreshold + ")");
        }
        if (lmcAlphas < 2 || lmcAlphas > 1000) {
            throw new SpecException("lmcAlphas", "must be in [2, 1000] (got " + lmcAlphas + ")");
        }
        if (lmcBranches == null || lmcBranches.isEmpty()) {
            throw new SpecException("lmcBranches", "choose at least one of: " + Choice.ids(Branch.class));
        }
        if (lmcBranches.size() != lmcBranches.stream().distinct().count()) {
            throw new SpecException("lmcBranches", "lists a branch twice: " + lmcBranches);
        }
        if (lmcBranches.contains(Branch.EDGE_POPUP)) {
            throw new SpecException("lmcBranches", "edge-popup has no IMP rounds to measure; choose IMP branches");
        }
        List<Branch> lmcSorted = new ArrayList<>(lmcBranches);
        Collections.sort(lmcSorted);
        lmcBranches = List.copyOf(lmcSorted);
        if (!(edgePopupKeep > 0 && edgePopupKeep <= 1)) {
            throw new SpecException("edgePopupKeep", "the fraction kept must be in (0, 1] (got " + edgePopupKeep + ")");
        }
    }

    /** The spec with every field at its default. */
    public static ExperimentSpec defaults() {
        return fromMap(Map.of());
    }

    /** All fields with type, default and help, in canonical order. */
    public static List<SpecField> fields() {
        return FIELDS;
    }

    /** The field with {@code key}, or a {@link SpecException} listing the known keys. */
    public static SpecField field(String key) {
        for (SpecField f : FIELDS) {
            if (f.key().equals(key)) {
                return f;
            }
        }
        List<String> keys = new ArrayList<>();
        FIELDS.forEach(f -> keys.add(f.key()));
        throw new SpecException(key, "unknown field; known fields: " + String.join(", ", keys));
    }

    /**
     * Builds a spec from string values; missing keys take their defaults: the model's own where it has one
     * ({@link ModelKind#fieldDefaults}), else the field's.
     */
    public static ExperimentSpec fromMap(Map<String, String> values) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            field(e.getKey());
            if (e.getValue() == null) {
                throw new SpecException(e.getKey(), "has no value");
            }
        }
        Map<String, String> modelDefaults = modelDefaults(values.getOrDefault("model", field("model").defaultValue()));
        Map<String, String> v = new LinkedHashMap<>();
        for (SpecField f : FIELDS) {
            v.put(f.key(), values.getOrDefault(f.key(), modelDefaults.getOrDefault(f.key(), f.defaultValue())));
        }
        Object[] args = new Object[SLOTS.size()];
        for (int k = 0; k < args.length; k++) {
            Slot slot = SLOTS.get(k);
            args[k] = slot.parse().apply(v.get(slot.field().key()));
        }
        try {
            return CANONICAL.newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the spec's canonical constructor cannot be called", e);
        }
    }

    /** Every field as its canonical string, in canonical order. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int k = 0; k < SLOTS.size(); k++) {
            Slot slot = SLOTS.get(k);
            try {
                m.put(slot.field().key(), slot.format().apply(COMPONENTS[k].getAccessor().invoke(this)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + slot.field().key(), e);
            }
        }
        return m;
    }

    /** The canonical string value of one field. */
    public String get(String key) {
        field(key);
        return toMap().get(key);
    }

    /** A copy with one field replaced (parsed and validated like {@code --set key=value}). */
    public ExperimentSpec with(String key, String value) {
        field(key);
        return with(Map.of(key, value));
    }

    /**
     * A copy with several fields replaced. When the model changes, a field whose default depends on the model
     * ({@link ModelKind#fieldDefaults}) that {@code changes} does not set and that is still at the old model's
     * default takes the new model's default (so {@code --set model=resnet-20} prunes globally, as open_lth).
     */
    public ExperimentSpec with(Map<String, String> changes) {
        Map<String, String> m = toMap();
        String newModel = changes.get("model");
        if (newModel != null && !newModel.trim().equalsIgnoreCase(model.id())) {
            Map<String, String> before = modelDefaults(model.id());
            Map<String, String> after = modelDefaults(newModel);
            for (String key : modelDependentKeys()) {
                String oldDefault = before.getOrDefault(key, field(key).defaultValue());
                if (!changes.containsKey(key) && m.get(key).equals(oldDefault)) {
                    m.put(key, after.getOrDefault(key, field(key).defaultValue()));
                }
            }
        }
        m.putAll(changes);
        return fromMap(m);
    }

    /** The model-dependent defaults of the model named {@code id}, or none when it is not a model id. */
    private static Map<String, String> modelDefaults(String id) {
        if (id == null) {
            return Map.of();
        }
        for (ModelKind k : ModelKind.values()) {
            if (k.id().equalsIgnoreCase(id.trim())) {
                return k.fieldDefaults();
            }
        }
        return Map.of();
    }

    private static List<String> modelDependentKeys() {
        List<String> keys = new ArrayList<>();
        for (ModelKind k : ModelKind.values()) {
            k.fieldDefaults().keySet().stream().filter(x -> !keys.contains(x)).sorted().forEach(keys::add);
        }
        return keys;
    }

    /**
     * {@code changes} completed by the one rule for shortened runs, shared by every command and the window:
     * when the iterations change below this spec's evaluation interval and the interval is not given, the
     * interval becomes a quarter of the iterations (at least 1), so a short round is still evaluated a few
     * times. Returns a new map (in {@code changes}' order, the interval last when added).
     *
     * @throws SpecException when the iterations are not an integer
     */
    public Map<String, String> withShortRunRule(Map<String, String> changes) {
        Map<String, String> out = new LinkedHashMap<>(changes);
        if (out.containsKey("iterations") && !out.containsKey("evalInterval")) {
            int it = SpecValues.parseInt("iterations", out.get("iterations"));
            if (evalInterval > it) {
                out.put("evalInterval", Integer.toString(Math.max(1, it / 4)));
            }
        }
        return out;
    }

    /**
     * Checks one candidate value without building a spec: empty when valid, else the reason. Used by
     * the window to validate as the user types.
     */
    public String problemWith(String key, String value) {
        try {
            with(key, value);
            return "";
        } catch (SpecException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            return key + ": " + e.getMessage();
        }
    }

    /**
     * The fields that differ from their defaults, canonical strings, sorted by key; {@code name} is
     * excluded (it is part of the directory name instead).
     */
    public Map<String, String> nonDefaults() {
        Map<String, String> canonicalDefaults = defaults().toMap();
        Map<String, String> out = new TreeMap<>();
        toMap().forEach((k, val) -> {
            if (!k.equals("name") && !val.equals(canonicalDefaults.get(k))) {
                out.put(k, val);
            }
        });
        return out;
    }

    /** First 10 hex digits of SHA-256 over the canonical non-default fields ({@code key=value\n}). */
    public String hash() {
        StringBuilder sb = new StringBuilder();
        nonDefaults().forEach((k, val) -> sb.append(k).append('=').append(val).append('\n'));
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                hex.append(String.format("%02x", d[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** The run directory name: {@code <name>-<hash>}. */
    public String runDirName() {
        return name + "-" + hash();
    }

    /** Pruning rate (fraction removed per round) of a layer of the given kind under the layerwise style. */
    public double layerwiseRate(LayerKind kind) {
        return switch (kind) {
            case CONV -> convRate;
            case HIDDEN -> hiddenRate;
            case OUTPUT -> outputRate;
        };
    }

    /** Whether {@code branch} is among this spec's branches. */
    public boolean runs(Branch branch) {
        return branches.contains(branch);
    }

    /** One field: its description and how its string form is read and written. */
    private record Slot(SpecField field, Function<String, Object> parse, Function<Object, String> format) {
    }

    private static Slot f(String key, SpecField.Type type, String def, String help) {
        SpecField field = new SpecField(key, type, def, help, List.of());
        return switch (type) {
            case INT -> new Slot(field, s -> SpecValues.parseInt(key, s), v -> Integer.toString((Integer) v));
            case LONG -> new Slot(field, s -> SpecValues.parseLong(key, s), v -> Long.toString((Long) v));
            case DOUBLE -> new Slot(field, s -> SpecValues.parseDouble(key, s), v -> Double.toString((Double) v));
            case BOOLEAN -> new Slot(field, s -> SpecValues.parseBoolean(key, s), v -> Boolean.toString((Boolean) v));
            case STRING -> new Slot(field, String::trim, v -> (String) v);
            case STRING_LIST -> new Slot(field, ExperimentSpec::splitList, v -> String.join(",", strings(v)));
            case CHOICE, CHOICE_LIST -> throw new IllegalArgumentException(key + ": use c() or cl()");
        };
    }

    private static <E extends Enum<E> & Choice> Slot c(String key, Class<E> type, String def, String help) {
        return new Slot(new SpecField(key, SpecField.Type.CHOICE, def, help, idList(type)),
                s -> Choice.parse(type, key, s), v -> ((Choice) v).id());
    }

    private static <E extends Enum<E> & Choice> Slot cl(String key, Class<E> type, String def, String help) {
        return new Slot(new SpecField(key, SpecField.Type.CHOICE_LIST, def, help, idList(type)), s -> {
            List<E> out = new ArrayList<>();
            for (String id : splitList(s)) {
                out.add(Choice.parse(type, key, id));
            }
            return out;
        }, v -> {
            List<String> ids = new ArrayList<>();
            for (Object o : (List<?>) v) {
                ids.add(((Choice) o).id());
            }
            return String.join(",", ids);
        });
    }

    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) list) {
            out.add((String) o);
        }
        return out;
    }

    /** The canonical constructor, after checking that the slots describe the components one to one, in order. */
    private static java.lang.reflect.Constructor<ExperimentSpec> canonical() {
        java.lang.reflect.RecordComponent[] rc = ExperimentSpec.class.getRecordComponents();
        Class<?>[] types = new Class<?>[rc.length];
        for (int k = 0; k < rc.length; k++) {
            if (k >= SLOTS.size() || !SLOTS.get(k).field().key().equals(rc[k].getName())) {
                throw new IllegalStateException("ExperimentSpec: component " + k + " (" + rc[k].getName()
                        + ") has no field description in SLOTS at the same place");
            }
            types[k] = rc[k].getType();
        }
        if (SLOTS.size() != rc.length) {
            throw new IllegalStateException("ExperimentSpec: " + SLOTS.size() + " field descriptions for "
                    + rc.length + " components");
        }
        try {
            return ExperimentSpec.class.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <E extends Enum<E> & Choice> List<String> idList(Class<E> type) {
        List<String> ids = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            ids.add(e.id());
        }
        return ids;
    }

    private static void requireText(String key, String v) {
        if (v == null || v.isBlank()) {
            throw new SpecException(key, "must not be empty");
        }
    }

    private static void singleLine(String key, String v) {
        for (int i = 0; i < v.length(); i++) {
            if (Character.isISOControl(v.charAt(i))) {
                throw new SpecException(key, "must not contain control characters such as line breaks");
            }
        }
    }

    private static void requireNonNull(String key, Object v) {
        if (v == null) {
            throw new SpecException(key, "must be set");
        }
    }

    private static void positive(String key, int v) {
        if (v <= 0) {
            throw new SpecException(key, "must be a positive integer (got " + v + ")");
        }
    }

    private static void rate(String key, double v) {
        if (!(v >= 0 && v < 1)) {
            throw new SpecException(key, "is the fraction removed per round and must be in [0, 1) (got " + v + ")");
        }
    }

    private static List<String> splitList(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "ExperimentSpec" + nonDefaults() + " name=" + name;
    }
}
