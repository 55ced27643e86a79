package org.lotterylab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.app.install.UserDirs;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The one command-line parser of {@code lth} (picocli) and its rules: GNU-style {@code --name value} and
 * {@code --name=value}, the last of a repeated option wins, help as {@code --name VALUE}, and the exit codes
 * 0 ok, 1 failure, 2 usage error (the message says what was wrong and what is allowed), 3 a folder cannot be
 * written, 130 cancelled.
 */
public final class Cli {

    /** Exit code of a command line that cannot be used. */
    public static final int EXIT_USAGE = 2;
    /** Exit code of a run cancelled by Ctrl-C. */
    public static final int EXIT_CANCELLED = 130;
    /** The Spark sweep command, run by the launcher from engine/spark, never by this class path. */
    static final String SWEEP = "sweep";

    private Cli() {
    }

    /**
     * Applies the rules to {@code cl} and every subcommand added to it so far: the experiment options of each
     * {@link SpecCommand}, the help layout, the error messages and exit codes, and the output streams.
     */
    public static CommandLine configure(CommandLine cl, CliContext ctx) {
        prepare(cl);
        cl.setOverwrittenOptionsAllowed(true)
                .setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF))
                .setUsageHelpWidth(110)
                .setUsageHelpLongOptionsMaxWidth(28)
                .setHelpFactory(SpacedHelp::new)
                .setOut(new PrintWriter(ctx.out(), true))
                .setErr(new PrintWriter(ctx.err(), true))
                .setParameterExceptionHandler((e, args) -> {
                    usageError(e.getCommandLine(), message(e), ctx);
                    return EXIT_USAGE;
                })
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e, commandLine, ctx));
        return cl;
    }

    /** Parses and runs; returns the exit code. */
    public static int execute(CommandLine cl, String[] args, CliContext ctx) {
        int code = cl.execute(args);
        ctx.out().flush();
        ctx.err().flush();
        return code;
    }

    /**
     * Parses {@code args} into {@code command}'s options without running it (for the window's options).
     *
     * @return whether help was asked for
     * @throws UsageException with the same message the command line would print
     */
    public static boolean parse(Object command, String[] args, CliContext ctx) {
        CommandLine cl = configure(new CommandLine(command), ctx);
        try {
            CommandLine.ParseResult r = cl.parseArgs(args);
            return r.isUsageHelpRequested();
        } catch (ParameterException e) {
            throw new UsageException(message(e));
        }
    }

    /** The message for a command line picocli cannot use, in the words of the old parser. */
    static String message(ParameterException e) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            if (arg.startsWith("-")) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                return "unknown option " + name + "; known options: " + String.join(" ", optionNames(spec));
            }
            if (!spec.subcommands().isEmpty() && SWEEP.equals(arg)) {
                return "'sweep' runs on Apache Spark, which is not part of this app: run ./lth sweep in a source "
                        + "checkout (docs/sweeps.md)";
            }
            if (!spec.subcommands().isEmpty()) {
                return "unknown command '" + arg + "'; commands: " + String.join(", ", spec.subcommands().keySet());
            }
            return "unexpected argument '" + arg + "'";
        }
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            return name(m.getMissing().get(0)) + " needs a value";
        }
        ArgSpec arg = e.getArgSpec();
        if (arg != null && e.getValue() != null) {
            if (arg.arity().max() == 0) {
                return name(arg) + " takes no value";
            }
            if (e.getCause() instanceof CommandLine.TypeConversionException t && t.getMessage().startsWith("expects ")) {
                return name(arg) + " " + t.getMessage() + " (got '" + e.getValue() + "')";
            }
            return name(arg) + " expects " + typeWord(arg.type()) + " (got '" + e.getValue() + "')";
        }
        return e.getMessage();
    }

    private static void usageError(CommandLine cl, String message, CliContext ctx) {
        ctx.err().println("error: " + message);
        ctx.err().println("(see: " + qualified(cl) + " --help)");
    }

    private static int failed(Exception e, CommandLine cl, CliContext ctx) {
        if (e instanceof UsageException || e instanceof SpecException) {
            usageError(cl, e.getMessage(), ctx);
            return EXIT_USAGE;
        }
        if (e instanceof UserDirs.UnusableDirException u) {
            UserDirs.report(u, ctx.err());
            return UserDirs.EXIT_UNWRITABLE;
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return EXIT_CANCELLED;
        }
        if (e instanceof RuntimeException) {
            ctx.err().println("error: " + e.getMessage());
            return 1;
        }
        ctx.err().println("error: " + e);
        return 1;
    }

    /** Adds the experiment options and sets the help layout: a command's own options first, then the spec's. */
    private static void prepare(CommandLine cl) {
        if (cl.getCommand() instanceof SpecCommand s
                && cl.getCommandSpec().findOption("--preset") == null) {
            s.specOptions().addTo(cl);
        }
        CommandLine.Model.UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
        usage.sortOptions(false);
        if (usage.customSynopsis().length == 0) {
            usage.abbreviateSynopsis(true);
        }
        cl.getSubcommands().values().forEach(Cli::prepare);
    }

    private static String qualified(CommandLine cl) {
        String q = cl.getCommandSpec().qualifiedName();
        return q.startsWith("lth") ? q : "lth " + q;
    }

    private static List<String> optionNames(CommandSpec spec) {
        TreeSet<String> names = new TreeSet<>();
        for (OptionSpec o : spec.options()) {
            names.add(o.longestName());
        }
        return List.copyOf(names);
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
    }

    private static String typeWord(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == Path.class) {
            return "a valid path";
        }
        return "a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    /** Help that shows options as {@code --name VALUE} (the parser accepts that and {@code --name=VALUE}). */
    private static final class SpacedHelp extends Help {
        SpacedHelp(CommandSpec spec, Help.ColorScheme scheme) {
            super(spec, scheme);
        }

        @Override
        public IParamLabelRenderer parameterLabelRenderer() {
            return new IParamLabelRenderer() {
                @Override
                public Help.Ansi.Text renderParameterLabel(ArgSpec arg, Help.Ansi ansi, List<Help.Ansi.IStyle> styles) {
                    return ansi.new Text(arg.arity().max() == 0 ? "" : " " + arg.paramLabel(), colorScheme());
                }

                @Override
                public String separator() {
                    return " ";
                }
            };
        }
    }
}
