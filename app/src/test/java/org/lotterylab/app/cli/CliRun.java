package org.lotterylab.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.lotterylab.app.Main;
import org.lotterylab.app.install.UserDirs;

/** Runs {@code lth} in-process against given folders and captures what it prints. */
public record CliRun(int code, String out, String err) {

    /** A development checkout: no installation, no overrides. */
    public static UserDirs devDirs() {
        return new UserDirs(Map.of(), Map.of("os.name", "Linux", "user.home", "/nonexistent-home"));
    }

    /** {@code lth args} in a development checkout. */
    public static CliRun of(String... args) {
        return with(devDirs(), args);
    }

    /** {@code lth args} with {@code dirs} as the user's folders. */
    public static CliRun with(UserDirs dirs, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dirs));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The value printed after {@code prefix} on a line of stdout, e.g. {@code "run directory: "}. */
    public String line(String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + prefix + "' in\n" + out + err));
    }
}
