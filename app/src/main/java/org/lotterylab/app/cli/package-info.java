/**
 * The command line of {@code lth} on picocli: the root {@link org.lotterylab.app.cli.LthCommand}, one command class
 * per command, the experiment options generated from the spec's field descriptors
 * ({@link org.lotterylab.app.cli.SpecOptions}), the shared rules and exit codes ({@link org.lotterylab.app.cli.Cli}),
 * and one small printer per command for its terminal output.
 */
package org.lotterylab.app.cli;
