package org.lotterylab.engine.imp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.ReplicateGroup;
import org.lotterylab.api.store.SpecJson;
import org.lotterylab.engine.replicate.ReplicateRunner;

/**
 * A child process for {@link KilledRunTest}: runs the IMP spec in {@code args[0]} (spec.json) into {@code args[1]}
 * with one thread per training and prints one line per event, so the parent can kill it at a chosen moment.
 * Optional {@code args[2]}: trainings at once (default 1); {@code args[3]}: replicates (default 1; more run the
 * group through a {@link ReplicateRunner}, each line prefixed with {@code seed S }).
 */
public final class ImpChild {
    private ImpChild() {
    }

    public static void main(String[] args) throws Exception {
        ExperimentSpec spec = SpecJson.parse(Files.readString(Path.of(args[0])));
        int parallel = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int replicates = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        RunControl c;
        if (replicates > 1) {
            c = new ReplicateRunner(new ImpRunner(1, 1)::start, parallel).start(ReplicateGroup.of(spec, replicates),
                    Path.of(args[1]), (index, seed, e) -> print("seed " + seed + " " + line(e)));
        } else {
            c = new ImpRunner(1, parallel).start(spec, Path.of(args[1]), e -> print(line(e)));
        }
        c.await(Duration.ofMinutes(10));
        System.exit(0);
    }

    private static synchronized void print(String line) {
        System.out.println(line);
        System.out.flush();
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
