package org.lotterylab.api.spec;

import java.util.List;

/**
 * Description of one experiment-spec field: its key (as in {@code --set key=value} and spec.json),
 * its type, its default and a one-line help text.
 *
 * @param key          the stable key
 * @param type         how the value is parsed and written
 * @param defaultValue the default, in its string form
 * @param help         a one-line help text
 * @param choices      allowed values for {@link Type#CHOICE} and {@link Type#CHOICE_LIST}, else empty
 */
public record SpecField(String key, Type type, String defaultValue, String help, List<String> choices) {

    /** Value types. */
    public enum Type {
        /** A 32-bit integer. */
        INT,
        /** A 64-bit integer. */
        LONG,
        /** A double. */
        DOUBLE,
        /** true or false. */
        BOOLEAN,
        /** Free text. */
        STRING,
        /** One of {@link SpecField#choices()}. */
        CHOICE,
        /** A comma-separated list of {@link SpecField#choices()}. */
        CHOICE_LIST,
        /** A comma-separated list of free-text items. */
        STRING_LIST
    }

    /** Compact constructor: copies the choices. */
    public SpecField {
        choices = List.copyOf(choices);
    }
}
