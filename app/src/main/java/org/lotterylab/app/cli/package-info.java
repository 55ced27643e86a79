/**
 * The command line of {@code lth} on picocli: the root {@link org.lotterylab.app.cli.LthCommand}, one command class
 * per command, each a {@link org.lotterylab.app.cli.Subcommand} (its context and {@code --help}); those that take
 * the experiment options are {@link org.lotterylab.app.cli.SpecCommand}s, whose options are generated from the
 * spec's field descriptors ({@link org.lotterylab.app.cli.SpecOptions}); the training commands share one way to
 * wait for a run and to run replicates ({@code RunCommand}). The shared rules and exit codes live in
 * {@link org.lotterylab.app.cli.Cli}; terminal output is one small printer per command, on a common base for
 * single runs ({@code RunPrinter}) and for replicate groups ({@code ReplicateGroupPrinter}).
 */
package org.lotterylab.app.cli;
