package org.lotterylab.app.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lotterylab.api.spec.SpecField;

/**
 * One experiment field as edited in the panel: its text value (as typed) and the reason it cannot be
 * used, empty when it can. The {@link ExperimentViewModel} fills in the problem after every edit.
 */
public final class FieldViewModel {
    private final SpecField field;
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final BooleanBinding valid = Bindings.createBooleanBinding(() -> problem.get().isEmpty(), problem);

    FieldViewModel(SpecField field) {
        this.field = field;
        value.set(field.defaultValue());
    }

    /** The field's description (key, type, default, help, choices). */
    public SpecField field() {
        return field;
    }

    /** The field key, as in {@code --set key=value}. */
    public String key() {
        return field.key();
    }

    /** The value as typed. */
    public StringProperty valueProperty() {
        return value;
    }

    /** The value as typed. */
    public String value() {
        return value.get();
    }

    /** Sets the value (as if typed). */
    public void setValue(String v) {
        value.set(v == null ? "" : v);
    }

    /** Why the value cannot be used; empty when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Why the value cannot be used; empty when it can. */
    public String problem() {
        return problem.get();
    }

    /** Whether the value can be used. */
    public BooleanBinding validProperty() {
        return valid;
    }

    void setProblem(String p) {
        problem.set(p == null ? "" : p);
    }
}
