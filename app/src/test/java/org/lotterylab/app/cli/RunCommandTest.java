package org.lotterylab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.run.RunEvent;

/** What the training commands share ({@link RunCommand}, {@link ReplicateGroupPrinter}), the same in each. */
class RunCommandTest {

    @TempDir
    Path tmp;

    @Test
    void everyTrainingCommandHeadsItsReplicatesAndExits3WhenTheGroupFileCannotBeWritten() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "");
        String out = file.resolve("runs").toString();
        for (String cmd : List.of("imp", "lmc", "edge-popup")) {
            CliRun r = CliRun.of(cmd, "--replicates", "3", "--parallel", "2", "--seed", "5", "--threads", "1",
                    "--out", out);
            assertEquals(3, r.code(), cmd + ": " + r.err());
            String note = cmd.equals("edge-popup") ? "; keep [0.5]" : "";
            assertEquals("replicates: 3 (seeds 5..7), 2 at once, 1 compute thread(s) each" + note,
                    r.out().strip(), cmd);
            assertTrue(r.err().startsWith("error: could not write the group file in " + out + ": "), cmd + ": " + r.err());
        }
    }

    @Test
    void aGroupPrinterTagsNotesWithTheSeedAndReportsFailuresAndCancellation() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> handled = new java.util.ArrayList<>();
        ReplicateGroupPrinter p = new ReplicateGroupPrinter(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)) {
            @Override
            protected void handle(int index, long seed, RunEvent e) {
                handled.add(index + "/" + seed + "/" + e.getClass().getSimpleName());
            }

            @Override
            protected void table() {
                this.out.println("<table>");
            }
        };
        p.onEvent(0, 7, new RunEvent.Note("slow disk"));
        p.onEvent(1, 8, new RunEvent.RunFinished(tmp, 1.0, false));
        assertFalse(p.failed() || p.cancelled());
        assertEquals(List.of("1/8/RunFinished"), handled, "a normal end is the command's to print");
        p.onEvent(0, 7, new RunEvent.RunFinished(tmp, 1.0, true));
        assertTrue(p.cancelled() && !p.failed());
        p.allDone(List.of("seed 9: diverged"), false);
        assertTrue(p.failed());
        assertEquals("note (seed 7): slow disk\nerror: seed 9: diverged\n", err.toString(StandardCharsets.UTF_8));
        assertEquals("\nreplicates merged (mean +- sample standard deviation over the n replicates that finished):\n"
                + "<table>\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("1.50 +- -", ReplicateGroupPrinter.pm(org.lotterylab.api.store.Spread.of(List.of(0.015)), 100, 2));
    }
}
