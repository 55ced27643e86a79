package org.lotterylab.engine.imp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.SpecJson;

/**
 * A child process for {@link KilledRunTest}: runs the IMP spec in {@code args[0]} (spec.json) into {@code args[1]}
 * with one thread and prints one line per event, so the parent can kill it at a chosen moment.
 */
public final class ImpChild {
    private ImpChild() {
    }

    public static void main(String[] args) throws Exception {
        ExperimentSpec spec = SpecJson.parse(Files.readString(Path.of(args[0])));
        RunControl c = new ImpRunner(1, null).start(spec, Path.of(args[1]), e -> {
            System.out.println(line(e));
            System.out.flush();
        });
        c.await(Duration.ofMinutes(10));
        System.exit(0);
    }

    static String line(RunEvent e) {
        if (e instanceof RunEvent.IterationProgress p) {
            return "progress " + p.branch().id() + " " + p.round() + " " + p.iteration();
        }
        if (e instanceof RunEvent.RoundFinished f) {
            return "finished " + f.result().branch().id() + " " + f.result().round();
        }
        if (e instanceof LmcEvent) {
            return "lmc " + e.getClass().getSimpleName();
        }
        return e.getClass().getSimpleName();
    }
}
