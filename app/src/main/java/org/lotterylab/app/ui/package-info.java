/**
 * The lab window ({@code lth lab}): a JavaFX desktop window in which iterative magnitude pruning happens
 * live. MVVM: {@link org.lotterylab.app.ui.ExperimentViewModel}, {@link org.lotterylab.app.ui.RunViewModel},
 * {@link org.lotterylab.app.ui.GroupViewModel} and the tabs' {@link org.lotterylab.app.ui.lmc.LmcViewModel} and
 * {@link org.lotterylab.app.ui.strong.StrongTicketViewModel} hold state, validation, file reading and engine calls
 * and are testable without the JavaFX toolkit; {@link org.lotterylab.app.ui.LabWindow} (with its parts),
 * {@link org.lotterylab.app.ui.ExperimentPanel} and the panes only bind to them. Threading (decision 0018):
 * background work runs only through {@link org.lotterylab.app.ui.BackgroundTasks}; engine events cross from the
 * engine's thread only through a {@link org.lotterylab.app.ui.LiveUpdatePump}; the views' entry points assert the
 * JavaFX thread ({@link org.lotterylab.app.ui.FxThread}). Stored runs are opened and replayed through the same
 * events ({@link org.lotterylab.app.ui.StoredRunEvents}, {@link org.lotterylab.app.ui.ReplayRunner}).
 */
package org.lotterylab.app.ui;
