package org.lotterylab.app.cli;

import java.nio.file.Path;
import org.lotterylab.app.install.SelfTest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code --self-test}: the command line of {@link SelfTest}. */
@Command(name = "--self-test", header = "open the window, run a tiny experiment, write a report, exit 0 or non-zero",
        description = {
    "Opens the window, runs a tiny experiment, writes a report; exit 0 passed, 1 failed, 2 bad command line,",
    "3 the folder cannot be written."})
public final class SelfTestCommand extends Subcommand {

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = Seconds.class,
            description = "give up after this long (default " + SelfTest.DEFAULT_TIMEOUT_S + ")")
    int timeout = SelfTest.DEFAULT_TIMEOUT_S;
    @Option(names = "--out", paramLabel = "DIR",
            description = "where the report, screenshot and run go (default <data folder>/self-test/<time>)")
    Path out;

    /** The command writing to {@code ctx}. */
    public SelfTestCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        UsageException.checkBetween("--timeout", timeout, 1, Integer.MAX_VALUE);
        return SelfTest.run(timeout, out, ctx.dirs(), ctx.out(), ctx.err());
    }

    /** Whole seconds. */
    static final class Seconds implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("expects a whole number of seconds");
            }
        }
    }
}
