package org.lotterylab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.SpecField;
import org.lotterylab.app.Main;
import picocli.CommandLine;

/** Every command's help: it works, lists the options, and names only commands that exist. */
class HelpTest {

    /** {@code lth xyz} mentions in a help text (also {@code lth --self-test}). */
    private static final Pattern COMMAND_MENTION = Pattern.compile("\\blth (--self-test|[a-z][a-z-]*)");

    private static Set<String> commands() {
        CommandLine cl = Main.commandLine(new CliContext(System.out, System.err, CliRun.devDirs()));
        return new TreeSet<>(cl.getSubcommands().keySet());
    }

    private static void assertMentionsOnlyExistingCommands(String help, Set<String> commands) {
        Matcher m = COMMAND_MENTION.matcher(help);
        while (m.find()) {
            assertTrue(commands.contains(m.group(1)) || m.group(1).equals(Cli.SWEEP), "help names 'lth " + m.group(1)
                    + "', which is no command of "
                    + commands + ":\n" + help);
        }
    }

    @Test
    void theRootHelpListsEveryCommandAndNothingElse() {
        Set<String> commands = commands();
        assertEquals(Set.of("lab", "imp", "lmc", "edge-popup", "info", "bench", "theory", "--self-test", "help"), commands);
        CliRun r = CliRun.of("--help");
        assertEquals(0, r.code(), r.err());
        for (String c : commands) {
            assertTrue(r.out().contains("\n  " + c + " "), c + " in\n" + r.out());
        }
        assertMentionsOnlyExistingCommands(r.out(), commands);
        assertTrue(r.out().contains("\n  sweep ") && r.out().contains("docs/sweeps.md"), r.out());
        assertEquals(0, CliRun.of("help").code());
        assertEquals(0, CliRun.of("-h").code());
        CliRun bare = CliRun.of();
        assertEquals(2, bare.code());
        assertTrue(bare.out().contains("Commands:"), bare.out());
    }

    @Test
    void sweepOutsideTheLauncherSaysWhereItRuns() {
        CliRun r = CliRun.of("sweep", "--grid", "seed=1,2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Apache Spark") && r.err().contains("./lth sweep"), r.err());
    }

    @Test
    void everyCommandsHelpWorksAndNamesOnlyExistingCommands() {
        Set<String> commands = commands();
        for (String c : commands) {
            if (c.equals("help")) {
                continue;
            }
            CliRun r = CliRun.of(c, "--help");
            assertEquals(0, r.code(), c + ": " + r.err());
            assertTrue(r.out().contains("Usage:") && r.out().contains("--help"), c + ":\n" + r.out());
            assertEquals("", r.err(), c);
            assertMentionsOnlyExistingCommands(r.out(), commands);
            if (!c.startsWith("-")) { // picocli's help command reads "--self-test" as an option of its own
                assertEquals(r.out(), CliRun.of("help", c).out(), "lth help " + c + " prints the same");
            }
        }
    }

    @Test
    void theExperimentCommandsListEverySpecFieldFromItsDescriptor() {
        for (String c : List.of("imp", "lmc", "edge-popup", "lab")) {
            String help = CliRun.of(c, "--help").out();
            for (String option : List.of("--preset NAME", "--set key=value", "--rounds N", "--seed N", "--data DIR")) {
                assertTrue(help.contains(option), c + " lacks " + option + ":\n" + help);
            }
            for (SpecField f : ExperimentSpec.fields()) {
                assertTrue(help.contains("\n  " + f.key() + " ") && help.contains(f.help()), c + " lacks " + f.key());
            }
        }
        assertTrue(CliRun.of("imp", "--help").out().contains("hiddenRate") && CliRun.of("imp", "--help").out()
                .contains("[default: 0.2]"));
    }

    @Test
    void everySpecFieldCanBeSetOnEveryExperimentCommand() {
        for (SpecField f : ExperimentSpec.fields()) {
            String value = ExperimentSpec.defaults().get(f.key());
            CliRun r = CliRun.of("imp", "--set", f.key() + "=" + value, "--dry-run");
            assertEquals(0, r.code(), f.key() + ": " + r.err());
            assertTrue(r.line("spec: ").contains(f.key() + "=" + value), f.key() + ": " + r.out());
        }
    }
}
