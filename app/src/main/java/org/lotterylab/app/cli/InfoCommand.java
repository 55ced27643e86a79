package org.lotterylab.app.cli;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.lotterylab.api.spec.Preset;
import org.lotterylab.api.spec.Presets;
import org.lotterylab.engine.Backend;
import org.lotterylab.engine.data.DatasetLocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lth info}: backend, threads, data sets found, models, presets and the runtime class-path size. */
@Command(name = "info", header = "backend, threads, data sets found, models, presets",
        description = "Prints the compute backend, data sets found, the models and the presets.")
public final class InfoCommand extends Subcommand {

    @Mixin
    ThreadsOption threads;

    /** The command writing to {@code ctx}. */
    public InfoCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        int n = threads.resolve(2);
        PrintStream out = ctx.out();
        out.println("Lottery Ticket Lab " + version());
        out.println("java: " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        out.println("backend: " + Backend.init(n).describe());
        out.println("engine: " + org.lotterylab.engine.lean.Engines.describeAuto());
        out.println("data sets:");
        for (DatasetLocator.Entry e : DatasetLocator.available()) {
            out.printf(Locale.ROOT, "  %-14s %-9s %s%n", e.id(), e.found() ? "found" : "not found",
                    e.found() ? e.location() : e.description());
        }
        out.println("models:");
        for (org.lotterylab.api.spec.ModelKind m : org.lotterylab.api.spec.ModelKind.values()) {
            out.printf(Locale.ROOT, "  %-14s %s%n", m.id(), ModelLine.describe(m));
        }
        out.println("presets:");
        for (Preset p : Presets.all()) {
            out.printf(Locale.ROOT, "  %-20s %s%n", p.id(), p.title());
        }
        out.printf(Locale.ROOT, "runtime class path: %.1f MB in %d entries%n", classPathBytes() / 1e6, classPathEntries());
        return 0;
    }

    /** The application version from the jar manifest, or "dev". */
    public static String version() {
        String v = InfoCommand.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }

    private static long classPathBytes() {
        long n = 0;
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            try {
                Path p = Path.of(e);
                if (Files.isRegularFile(p)) {
                    n += Files.size(p);
                }
            } catch (Exception ignored) {
                // unreadable entry: not counted
            }
        }
        return n;
    }

    private static int classPathEntries() {
        return System.getProperty("java.class.path").split(File.pathSeparator).length;
    }
}
