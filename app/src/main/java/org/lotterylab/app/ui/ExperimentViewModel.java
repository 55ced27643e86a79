package org.lotterylab.app.ui;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.Preset;
import org.lotterylab.api.spec.Presets;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.api.spec.SpecField;

/**
 * State and validation of the experiment panel: the chosen preset and every {@link ExperimentSpec} field as
 * typed. Each edit is checked at once with {@link ExperimentSpec#problemWith(String, String)} against the
 * last valid spec, and the whole spec is rebuilt to catch constraints between fields; {@link #specProperty()}
 * holds the spec to run, or {@code null} while {@link #problemProperty()} says why there is none.
 *
 * <p>Plain JavaFX beans: usable and testable without the JavaFX toolkit.
 */
public final class ExperimentViewModel {
    /** Id of the bundled data set. */
    public static final String SAMPLE = "sample";
    /** Id of the system Fashion-MNIST data set. */
    public static final String FASHION_MNIST = "fashion-mnist";
    /** Where Debian's {@code dataset-fashion-mnist} package puts its files. */
    public static final Path FASHION_MNIST_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    private final List<FieldViewModel> fields = new ArrayList<>();
    private final Map<String, FieldViewModel> byKey = new LinkedHashMap<>();
    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>(this, "preset");
    private final javafx.beans.property.IntegerProperty replicates =
            new javafx.beans.property.SimpleIntegerProperty(this, "replicates", 1);
    private final ReadOnlyObjectWrapper<ExperimentSpec> spec = new ReadOnlyObjectWrapper<>(this, "spec");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final Predicate<Path> isDirectory;
    private ExperimentSpec lastValid;
    private boolean bulkUpdate;

    /** A panel starting from the quick preset. */
    public ExperimentViewModel() {
        this(Presets.QUICK, Map.of(), Files::isDirectory);
    }

    /**
     * A panel starting from {@code start} with {@code overrides} applied.
     *
     * @param isDirectory how folders are checked (tests may fake the file system)
     */
    public ExperimentViewModel(Preset start, Map<String, String> overrides, Predicate<Path> isDirectory) {
        this.isDirectory = isDirectory;
        for (SpecField f : ExperimentSpec.fields()) {
            FieldViewModel vm = new FieldViewModel(f);
            fields.add(vm);
            byKey.put(f.key(), vm);
            vm.valueProperty().addListener((obs, o, n) -> {
                if (!bulkUpdate) {
                    revalidate();
                }
            });
        }
        lastValid = start.spec();
        preset.set(start);
        load(start.spec().toMap(), false);
        if (!overrides.isEmpty()) {
            setValues(overrides);
        }
        preset.addListener((obs, o, n) -> {
            if (n != null) {
                load(n.spec().toMap(), true);
            }
        });
    }

    /**
     * How many replicates Run starts (seeds seed, seed + 1, ...; 1 = a single run): not a spec field, each
     * replicate is the ordinary run of its seed (as {@code lth imp --replicates N}).
     */
    public javafx.beans.property.IntegerProperty replicatesProperty() {
        return replicates;
    }

    /** The replicates Run starts, at least 1. */
    public int replicates() {
        return Math.max(1, replicates.get());
    }

    /** The presets to choose from, quick first. */
    public List<Preset> presets() {
        return Presets.all();
    }

    /** The chosen preset; choosing one loads its values (the data set choice is kept). */
    public ObjectProperty<Preset> presetProperty() {
        return preset;
    }

    /** Every field in canonical order. */
    public List<FieldViewModel> fields() {
        return Collections.unmodifiableList(fields);
    }

    /** The field with {@code key}. */
    public FieldViewModel field(String key) {
        FieldViewModel f = byKey.get(key);
        if (f == null) {
            throw new IllegalArgumentException("unknown field " + key);
        }
        return f;
    }

    /** Sets several fields at once and validates once. */
    public void setValues(Map<String, String> values) {
        bulkUpdate = true;
        try {
            values.forEach((k, v) -> field(k).setValue(v));
        } finally {
            bulkUpdate = false;
        }
        revalidate();
    }

    /** The current values as typed, in canonical order. */
    public Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        fields.forEach(f -> m.put(f.key(), f.value()));
        return m;
    }

    /** The spec to run, or {@code null} while a field is invalid. */
    public ReadOnlyObjectProperty<ExperimentSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    /** The spec to run, or {@code null} while a field is invalid. */
    public ExperimentSpec spec() {
        return spec.get();
    }

    /** Why there is no spec to run (the first problem, prefixed with the field key); empty when there is one. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Why there is no spec to run; empty when there is one. */
    public String problem() {
        return problem.get();
    }

    /** The data set choices: the bundled sample, and Fashion-MNIST when it is installed. */
    public List<String> datasetChoices() {
        List<String> out = new ArrayList<>();
        out.add(SAMPLE);
        if (isDirectory.test(FASHION_MNIST_DIR)) {
            out.add(FASHION_MNIST);
        }
        return out;
    }

    private void load(Map<String, String> values, boolean keepData) {
        Map<String, String> v = new LinkedHashMap<>(values);
        if (keepData) {
            v.remove("dataset");
            v.remove("testData");
        }
        setValues(v);
    }

    /** Checks every field against the last valid spec and the whole spec; updates problems and the spec. */
    private void revalidate() {
        Map<String, String> values = values();
        ExperimentSpec full = null;
        String cross = "";
        String crossKey = "";
        try {
            full = ExperimentSpec.fromMap(values);
        } catch (SpecException e) {
            cross = e.getMessage();
            crossKey = e.field();
        } catch (RuntimeException e) {
            cross = String.valueOf(e.getMessage());
        }
        if (full != null) {
            lastValid = full;
        }
        String first = "";
        for (FieldViewModel f : fields) {
            String p = full != null ? "" : lastValid.problemWith(f.key(), f.value());
            if (p.isEmpty()) {
                p = extraCheck(f.key(), f.value());
            }
            if (p.isEmpty() && f.key().equals(crossKey)) {
                p = cross;
            }
            f.setProblem(p);
            if (first.isEmpty() && !p.isEmpty()) {
                first = p;
            }
        }
        if (first.isEmpty() && full == null) {
            first = cross.isEmpty() ? "the experiment cannot be built" : cross;
        }
        problem.set(first);
        spec.set(first.isEmpty() ? full : null);
    }

    /** Checks the window adds to the spec's own: data folders must exist. */
    private String extraCheck(String key, String value) {
        String v = value == null ? "" : value.trim();
        if (key.equals("dataset")) {
            if (v.equals(SAMPLE) || v.isEmpty()) {
                return "";
            }
            if (v.equals(FASHION_MNIST)) {
                return isDirectory.test(FASHION_MNIST_DIR) ? ""
                        : "dataset: Fashion-MNIST is not installed (" + FASHION_MNIST_DIR + " is missing)";
            }
            return folderProblem(key, v);
        }
        if (key.equals("testData") && !v.isEmpty()) {
            return folderProblem(key, v);
        }
        return "";
    }

    private String folderProblem(String key, String v) {
        try {
            return isDirectory.test(Path.of(v)) ? "" : key + ": no such folder: " + v;
        } catch (InvalidPathException e) {
            return key + ": not a valid path: " + v;
        }
    }
}
