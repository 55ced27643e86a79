package org.lotterylab.app.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.mask.LayerSummary;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.run.BackendInfo;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.LayerKind;
import org.lotterylab.api.spec.Presets;
import org.lotterylab.api.store.RunStoreWriter;

/** Tiny synthetic runs for the window's tests: two small layers, two branches, a few rounds. */
final class TestRuns {
    static final List<LayerInfo> LAYERS = List.of(
            new LayerInfo("fc1", LayerKind.HIDDEN, new int[]{8, 16}),
            new LayerInfo("output", LayerKind.OUTPUT, new int[]{3, 8}));
    static final BackendInfo BACKEND = new BackendInfo("FAKE", 1, "scripted");

    private TestRuns() {
    }

    /** The quick preset shrunk to {@code rounds} pruning rounds of 20 iterations. */
    static ExperimentSpec spec(int rounds) {
        return Presets.QUICK.spec().with(Map.of("rounds", Integer.toString(rounds), "iterations", "20",
                "evalInterval", "10"));
    }

    static List<Tensor> theta0() {
        Random r = new Random(1);
        List<Tensor> out = new ArrayList<>();
        for (LayerInfo l : LAYERS) {
            float[] d = new float[l.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) r.nextGaussian() * 0.1f;
            }
            out.add(new Tensor(l.name(), l.shape(), d));
        }
        return out;
    }

    /** Masks keeping a fraction 0.6^round of each layer (deterministic). */
    static List<Mask> masks(int round, Branch b) {
        List<Mask> out = new ArrayList<>();
        double keep = Math.pow(0.6, round);
        for (LayerInfo l : LAYERS) {
            boolean[] k = new boolean[l.size()];
            int kept = (int) Math.round(l.size() * keep);
            for (int i = 0; i < kept; i++) {
                k[(i * 7 + b.ordinal()) % l.size()] = true;
            }
            out.add(new Mask(l.name(), l.shape(), k));
        }
        return out;
    }

    static List<Tensor> weights(List<Mask> masks) {
        List<Tensor> out = new ArrayList<>();
        List<Tensor> t0 = theta0();
        for (int j = 0; j < masks.size(); j++) {
            Mask m = masks.get(j);
            float[] d = t0.get(j).data().clone();
            for (int i = 0; i < d.length; i++) {
                d[i] = m.keep()[i] ? d[i] * 1.5f : 0f;
            }
            out.add(new Tensor(m.name(), m.shape(), d));
        }
        return out;
    }

    static RoundResult result(Branch b, int round, List<Mask> masks) {
        List<LayerSummary> ls = new ArrayList<>();
        int total = 0;
        int kept = 0;
        for (Mask m : masks) {
            ls.add(new LayerSummary(m.name(), m.size(), m.kept()));
            total += m.size();
            kept += m.kept();
        }
        double acc = 0.9 - 0.01 * round * (b == Branch.TICKET ? 0.2 : 1.0);
        return new RoundResult(b, round, kept / (double) total, acc, 10, acc - 0.005, 0.5, ls);
    }

    static List<MetricPoint> metrics(Branch b, int round) {
        return List.of(new MetricPoint(10, 1.2 - 0.1 * round, 1.1, 0.8, 0.79),
                new MetricPoint(20, 0.6, 0.7, 0.9 - 0.01 * round, 0.89 - 0.01 * round));
    }

    /**
     * RunStarted, then for round 0 (ticket) and each later round and branch RoundStarted, progress, Evaluation x2,
     * RoundFinished; RunFinished.
     */
    static List<RunEvent> script(Path runDir, int roundsInclDense, List<Branch> branches) {
        ExperimentSpec spec = spec(roundsInclDense - 1);
        List<RunEvent> ev = new ArrayList<>();
        ev.add(new RunEvent.RunStarted(runDir, spec, BACKEND, LAYERS, theta0(), List.of()));
        for (int r = 0; r < roundsInclDense; r++) {
            for (Branch b : branches) {
                if (r == 0 && b != Branch.TICKET) {
                    continue; // the dense round 0 is trained once, under the ticket branch
                }
                List<Mask> masks = masks(r, b);
                RoundResult res = result(b, r, masks);
                ev.add(new RunEvent.RoundStarted(b, r, res.weightsRemaining()));
                for (int it = 5; it <= 20; it += 5) {
                    ev.add(new RunEvent.IterationProgress(b, r, it, 20, 1.0 / it, 1000));
                    if (it % 10 == 0) {
                        ev.add(new RunEvent.Evaluation(b, r, metrics(b, r).get(it / 10 - 1)));
                    }
                }
                ev.add(new RunEvent.RoundFinished(res, masks, weights(masks)));
            }
        }
        for (Branch b : branches) {
            ev.add(new RunEvent.BranchFinished(b));
        }
        ev.add(new RunEvent.RunFinished(runDir, 1.5, false));
        return ev;
    }

    /** Writes a stored run of {@code roundsInclDense} rounds of ticket and random-reinit into {@code out}. */
    static Path writeStoredRun(Path out, int roundsInclDense, int roundsWritten) throws IOException {
        ExperimentSpec spec = spec(roundsInclDense - 1);
        Path dir = out.resolve(spec.runDirName());
        RunStoreWriter w = RunStoreWriter.open(dir);
        w.writeSpec(spec);
        w.writeLayers(LAYERS);
        w.writeTheta0(theta0());
        w.writeThetaK(theta0());
        w.writeRunInfo(Map.of("backend", "FAKE", "threads", "1"));
        int written = 0;
        for (int r = 0; r < roundsInclDense && written < roundsWritten; r++) {
            for (Branch b : spec.branches()) {
                if (written == roundsWritten) {
                    break;
                }
                if (r == 0 && b != Branch.TICKET) {
                    continue;
                }
                List<Mask> masks = masks(r, b);
                w.writeRound(result(b, r, masks), masks, weights(masks), metrics(b, r));
                written++;
            }
        }
        return dir;
    }
}
