package org.lotterylab.api.spec;

/**
 * A named starting point for an experiment.
 *
 * @param id          stable id used by {@code --preset}
 * @param title       a short title for menus
 * @param description what the preset is for and where its settings come from
 * @param spec        the spec it stands for
 */
public record Preset(String id, String title, String description, ExperimentSpec spec) {
}
