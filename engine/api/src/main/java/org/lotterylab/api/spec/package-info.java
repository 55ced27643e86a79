/**
 * Experiment specifications: an immutable, validated {@link org.lotterylab.api.spec.ExperimentSpec} whose every
 * field has a default and a help line, the choice enums it uses, and the built-in presets.
 */
package org.lotterylab.api.spec;
