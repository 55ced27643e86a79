package org.lotterylab.app.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.Preset;
import org.lotterylab.api.spec.SpecField;

/**
 * The experiment panel: a preset picker and every experiment field, edited in place and validated as
 * typed. Editors get the id {@code field-<key>}, their problem labels {@code problem-<key>}; an invalid
 * editor carries the style class {@code invalid}. The panel only binds to its {@link ExperimentViewModel}.
 */
public final class ExperimentPanel extends ScrollPane {
    private final VBox content;

    /** Sections of the panel; fields not listed fall into "More". */
    private static final Map<String, List<String>> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("Data and model", List.of("dataset", "testData", "model", "init"));
        SECTIONS.put("Training", List.of("optimizer", "learningRate", "momentum", "batchSize", "iterations", "evalInterval", "seed"));
        SECTIONS.put("Pruning", List.of("rounds", "pruning", "hiddenRate", "outputRate", "convRate", "globalRate",
                "globalIgnore", "maskCriterion", "rewindIteration"));
        SECTIONS.put("Branches", List.of("branches", "edgePopupKeep", "lmcEachRound", "lmcAlphas", "name"));
    }

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("name", "Run name"), Map.entry("dataset", "Data set"), Map.entry("testData", "Test data"),
            Map.entry("model", "Model"), Map.entry("init", "Initialiser"), Map.entry("optimizer", "Optimiser"),
            Map.entry("learningRate", "Learning rate"), Map.entry("momentum", "Momentum"),
            Map.entry("batchSize", "Batch size"), Map.entry("iterations", "Iterations / round"),
            Map.entry("evalInterval", "Evaluate every"), Map.entry("rounds", "Pruning rounds"),
            Map.entry("pruning", "Pruning style"), Map.entry("convRate", "Conv rate"),
            Map.entry("hiddenRate", "Hidden rate"), Map.entry("outputRate", "Output rate"),
            Map.entry("globalRate", "Global rate"), Map.entry("globalIgnore", "Never prune"),
            Map.entry("maskCriterion", "Mask criterion"), Map.entry("rewindIteration", "Rewind to iter."),
            Map.entry("seed", "Seed"), Map.entry("branches", "Branches"), Map.entry("lmcEachRound", "LMC each round"),
            Map.entry("lmcAlphas", "LMC points"), Map.entry("edgePopupKeep", "Edge-popup keep"),
            Map.entry("width", "Width multiplier"));

    private final ExperimentViewModel vm;
    private final ComboBox<Preset> presetChoice = new ComboBox<>();

    /** Builds the panel over {@code vm}. */
    public ExperimentPanel(ExperimentViewModel vm) {
        this.vm = vm;
        getStyleClass().add("experiment-panel");
        setId("experimentPanel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setPrefWidth(350);
        setMinWidth(300);

        Label title = new Label("Experiment");
        title.getStyleClass().add("panel-title");

        presetChoice.setId("presetChoice");
        presetChoice.getItems().setAll(vm.presets());
        presetChoice.setMaxWidth(Double.MAX_VALUE);
        presetChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Preset p) {
                return p == null ? "" : p.title();
            }

            @Override
            public Preset fromString(String s) {
                return vm.presets().stream().filter(p -> p.title().equals(s)).findFirst().orElse(null);
            }
        });
        presetChoice.valueProperty().bindBidirectional(vm.presetProperty());
        Label presetHelp = new Label();
        presetHelp.getStyleClass().add("help-text");
        presetHelp.setWrapText(true);
        presetHelp.textProperty().bind(Bindings.createStringBinding(
                () -> vm.presetProperty().get() == null ? "" : vm.presetProperty().get().description(), vm.presetProperty()));
        Label presetLabel = new Label("Preset");
        presetLabel.getStyleClass().add("field-label");
        VBox presetBox = new VBox(4, presetLabel, presetChoice, presetHelp);
        presetBox.getStyleClass().add("preset-box");

        Label repLabel = new Label("Replicates");
        repLabel.getStyleClass().add("field-label");
        javafx.scene.control.Spinner<Integer> reps = new javafx.scene.control.Spinner<>(1, 100, vm.replicates());
        reps.setId("replicatesSpinner");
        reps.setEditable(true);
        reps.setPrefWidth(90);
        reps.getValueFactory().valueProperty().addListener((obs, o, n) -> vm.replicatesProperty().set(n == null ? 1 : n));
        vm.replicatesProperty().addListener((obs, o, n) -> reps.getValueFactory().setValue(n.intValue()));
        reps.setTooltip(new Tooltip("Run the experiment from N seeds (seed, seed+1, ...): each replicate is stored as "
                + "the run of its seed, a group file lists them; curves show the mean with error bars"));
        HBox repBox = new HBox(8, repLabel, reps);
        repBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        content = new VBox(8, title, presetBox, repBox);
        content.setPadding(new Insets(10));
        List<String> placed = new ArrayList<>();
        for (Map.Entry<String, List<String>> s : SECTIONS.entrySet()) {
            List<FieldViewModel> fs = new ArrayList<>();
            for (String key : s.getValue()) {
                if (vm.fields().stream().anyMatch(f -> f.key().equals(key))) {
                    fs.add(vm.field(key));
                    placed.add(key);
                }
            }
            content.getChildren().add(section(s.getKey(), fs, true));
        }
        List<FieldViewModel> rest = vm.fields().stream().filter(f -> !placed.contains(f.key())).toList();
        if (!rest.isEmpty()) {
            content.getChildren().add(section("More", rest, true));
        }
        setContent(content);
    }

    /** The panel's parts from top to bottom (title, preset, replicates, each section): what a run disables. */
    public List<Node> parts() {
        return List.copyOf(content.getChildren());
    }

    /** The preset picker. */
    public ComboBox<Preset> presetChoice() {
        return presetChoice;
    }

    private TitledPane section(String title, List<FieldViewModel> fields, boolean expanded) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(2);
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setMinWidth(100);
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        c1.setFillWidth(true);
        grid.getColumnConstraints().setAll(c0, c1);
        int row = 0;
        for (FieldViewModel f : fields) {
            Label label = new Label(LABELS.getOrDefault(f.key(), f.key()));
            label.getStyleClass().add("field-label");
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Node editor = editor(f);
            Tooltip tip = new Tooltip(f.field().help() + "\nKey: " + f.key() + "   Default: "
                    + (f.field().defaultValue().isEmpty() ? "(empty)" : f.field().defaultValue()));
            tip.setShowDelay(Duration.millis(300));
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            Tooltip.install(label, tip);
            if (editor instanceof javafx.scene.control.Control c) {
                c.setTooltip(tip);
            }
            Label problem = new Label();
            problem.setId("problem-" + f.key());
            problem.getStyleClass().add("field-problem");
            problem.setWrapText(true);
            problem.textProperty().bind(Bindings.createStringBinding(() -> shortProblem(f), f.problemProperty()));
            problem.visibleProperty().bind(f.problemProperty().isNotEmpty());
            problem.managedProperty().bind(problem.visibleProperty());
            Node marked = editor instanceof HBox box ? box.getChildren().get(0) : editor;
            f.problemProperty().addListener((obs, o, n) -> mark(marked, n));
            mark(marked, f.problem());
            if (editor instanceof HBox) {
                // folder fields get the whole width: the path and its Browse… button
                grid.add(label, 0, row, 2, 1);
                row++;
                grid.add(editor, 0, row, 2, 1);
            } else {
                grid.add(label, 0, row);
                grid.add(editor, 1, row);
            }
            GridPane.setHgrow(editor, Priority.ALWAYS);
            row++;
            grid.add(problem, 0, row, 2, 1);
            row++;
        }
        TitledPane pane = new TitledPane(title, grid);
        pane.setExpanded(expanded);
        pane.setAnimated(false);
        pane.getStyleClass().add("field-section");
        return pane;
    }

    private static void mark(Node editor, String problem) {
        editor.getStyleClass().remove("invalid");
        if (problem != null && !problem.isEmpty()) {
            editor.getStyleClass().add("invalid");
        }
    }

    /** The problem without the leading {@code key: } (the label beside it names the field). */
    private static String shortProblem(FieldViewModel f) {
        String p = f.problem();
        String prefix = f.key() + ": ";
        return p.startsWith(prefix) ? p.substring(prefix.length()) : p;
    }

    private Node editor(FieldViewModel f) {
        SpecField field = f.field();
        if (f.key().equals("dataset")) {
            return datasetEditor(f);
        }
        if (f.key().equals("testData")) {
            TextField tf = textEditor(f);
            return withBrowse(tf, f, "Choose the folder of an official test set");
        }
        return switch (field.type()) {
            case BOOLEAN -> {
                CheckBox cb = new CheckBox();
                cb.setId("field-" + f.key());
                cb.setSelected(Boolean.parseBoolean(f.value().trim()));
                cb.selectedProperty().addListener((obs, o, n) -> f.setValue(Boolean.toString(n)));
                f.valueProperty().addListener((obs, o, n) -> cb.setSelected(Boolean.parseBoolean(n.trim())));
                yield cb;
            }
            case CHOICE -> {
                ComboBox<String> box = new ComboBox<>();
                box.setId("field-" + f.key());
                box.getItems().setAll(field.choices());
                box.setMaxWidth(Double.MAX_VALUE);
                box.setValue(f.value());
                box.valueProperty().addListener((obs, o, n) -> {
                    if (n != null && !n.equals(f.value())) {
                        f.setValue(n);
                    }
                });
                f.valueProperty().addListener((obs, o, n) -> box.setValue(n));
                yield box;
            }
            case CHOICE_LIST -> choiceListEditor(f);
            default -> textEditor(f);
        };
    }

    private TextField textEditor(FieldViewModel f) {
        TextField tf = new TextField(f.value());
        tf.setId("field-" + f.key());
        tf.setPrefColumnCount(8);
        tf.textProperty().bindBidirectional(f.valueProperty());
        return tf;
    }

    private Node choiceListEditor(FieldViewModel f) {
        CheckComboBox<String> box = new CheckComboBox<>();
        box.setId("field-" + f.key());
        box.getItems().setAll(f.field().choices());
        box.setMaxWidth(Double.MAX_VALUE);
        if (f.key().equals("branches")) {
            box.setConverter(new StringConverter<>() {
                @Override
                public String toString(String id) {
                    if (id == null) {
                        return "";
                    }
                    try {
                        return Branch.fromId(id).label();
                    } catch (RuntimeException e) {
                        return id;
                    }
                }

                @Override
                public String fromString(String s) {
                    return s;
                }
            });
        }
        box.setTitle(f.value().replace(",", ", "));
        f.valueProperty().addListener((obs, o, n) -> box.setTitle(n.replace(",", ", ")));
        boolean[] syncing = {false};
        Runnable fromModel = () -> {
            syncing[0] = true;
            try {
                box.getCheckModel().clearChecks();
                for (String part : f.value().split(",")) {
                    String id = part.trim();
                    if (box.getItems().contains(id)) {
                        box.getCheckModel().check(id);
                    }
                }
            } finally {
                syncing[0] = false;
            }
        };
        fromModel.run();
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            if (!syncing[0]) {
                List<String> ids = new ArrayList<>();
                for (String item : box.getItems()) {
                    if (box.getCheckModel().isChecked(item)) {
                        ids.add(item);
                    }
                }
                syncing[0] = true;
                try {
                    f.setValue(String.join(",", ids));
                } finally {
                    syncing[0] = false;
                }
            }
        });
        f.valueProperty().addListener((obs, o, n) -> {
            if (!syncing[0]) {
                fromModel.run();
            }
        });
        return box;
    }

    private Node datasetEditor(FieldViewModel f) {
        ComboBox<String> box = new ComboBox<>();
        box.setId("field-" + f.key());
        box.setEditable(true);
        box.getItems().setAll(vm.datasetChoices());
        box.setMaxWidth(Double.MAX_VALUE);
        box.setValue(f.value());
        box.getEditor().setText(f.value());
        box.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : describeDataset(item));
            }
        });
        boolean[] syncing = {false};
        box.getEditor().textProperty().addListener((obs, o, n) -> {
            if (!syncing[0]) {
                syncing[0] = true;
                try {
                    f.setValue(n);
                } finally {
                    syncing[0] = false;
                }
            }
        });
        box.valueProperty().addListener((obs, o, n) -> {
            if (n != null && !syncing[0] && !n.equals(f.value())) {
                syncing[0] = true;
                try {
                    f.setValue(n);
                    box.getEditor().setText(n);
                } finally {
                    syncing[0] = false;
                }
            }
        });
        f.valueProperty().addListener((obs, o, n) -> {
            if (!syncing[0]) {
                syncing[0] = true;
                try {
                    box.setValue(n);
                    box.getEditor().setText(n);
                } finally {
                    syncing[0] = false;
                }
            }
        });
        return withBrowse(box, f, "Choose a folder of MNIST-style IDX files or CIFAR-10 batches");
    }

    private static String describeDataset(String id) {
        return switch (id) {
            case ExperimentViewModel.SAMPLE -> "sample  (bundled 10k MNIST digits)";
            case ExperimentViewModel.FASHION_MNIST -> "fashion-mnist  (installed)";
            default -> id;
        };
    }

    private HBox withBrowse(javafx.scene.control.Control editor, FieldViewModel f, String title) {
        Button browse = new Button("Browse…");
        browse.setId("browse-" + f.key());
        browse.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            String current = f.value().trim();
            if (!current.isEmpty() && !current.equals(ExperimentViewModel.SAMPLE)
                    && !current.equals(ExperimentViewModel.FASHION_MNIST)) {
                try {
                    Path p = Path.of(current);
                    if (Files.isDirectory(p)) {
                        chooser.setInitialDirectory(p.toFile());
                    }
                } catch (RuntimeException ignored) {
                    // an unusable path: start from the default folder
                }
            }
            File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
            if (dir != null) {
                f.setValue(dir.getAbsolutePath());
            }
        });
        HBox.setHgrow(editor, Priority.ALWAYS);
        editor.setMaxWidth(Double.MAX_VALUE);
        HBox box = new HBox(4, editor, browse);
        return box;
    }
}
