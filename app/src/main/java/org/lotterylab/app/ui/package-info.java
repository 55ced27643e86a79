/**
 * The lab window ({@code lth lab}): a JavaFX desktop window in which iterative magnitude pruning happens
 * live. MVVM: {@link org.lotterylab.app.ui.ExperimentViewModel} and {@link org.lotterylab.app.ui.RunViewModel}
 * hold state and validation and are testable without the JavaFX toolkit; {@link org.lotterylab.app.ui.LabWindow}
 * and {@link org.lotterylab.app.ui.ExperimentPanel} only bind to them. Engine events cross from the engine's
 * thread through {@link org.lotterylab.app.ui.LiveUpdatePump} (at most one batch per frame); stored runs are
 * opened and replayed through the same events ({@link org.lotterylab.app.ui.StoredRunEvents},
 * {@link org.lotterylab.app.ui.ReplayRunner}).
 */
package org.lotterylab.app.ui;
