package org.lotterylab.engine.replicate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.GroupSummary;
import org.lotterylab.api.store.ReplicateGroup;
import org.lotterylab.engine.imp.ImpRunner;
import org.lotterylab.engine.testdata.TinyData;

class ReplicateRunnerTest {

    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void data() throws Exception {
        data = TinyData.write(tmp.resolve("tiny"), 300, 4);
    }

    static ExperimentSpec spec() {
        return ExperimentSpec.defaults().with(Map.of("name", "rep", "dataset", data.toString(), "model", "mlp-small",
                "iterations", "16", "evalInterval", "8", "batchSize", "20", "rounds", "1", "seed", "5",
                "branches", "ticket,random-reinit", "learningRate", "0.01"));
    }

    static List<String> failures(RunControl c, List<String> out) throws InterruptedException {
        assertTrue(c.await(Duration.ofMinutes(3)), "replicates did not finish");
        return out;
    }

    @Test
    void eachReplicateEqualsTheSingleRunOfItsSeedWhateverTheParallelism() throws Exception {
        Path a = tmp.resolve("a");
        ReplicateGroup group = ReplicateGroup.of(spec(), 3);
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger maxConcurrent = new AtomicInteger();
        Set<Long> active = ConcurrentHashMap.newKeySet();
        List<GroupSummary.Row> last = Collections.synchronizedList(new ArrayList<>());
        RunControl c = new ReplicateRunner(new ImpRunner(1)::start, 2).start(group, a, new ReplicateListener() {
            @Override
            public void onEvent(int index, long seed, RunEvent e) {
                if (e instanceof RunEvent.RunStarted) {
                    active.add(seed);
                    maxConcurrent.accumulateAndGet(active.size(), Math::max);
                } else if (e instanceof RunEvent.RunFinished || e instanceof RunEvent.RunFailed) {
                    active.remove(seed);
                }
            }

            @Override
            public void merged(List<GroupSummary.Row> rows) {
                synchronized (last) {
                    last.clear();
                    last.addAll(rows);
                }
            }

            @Override
            public void allDone(List<String> failures, boolean cancelled) {
                failed.addAll(failures);
            }
        });
        assertEquals(List.of(), failures(c, failed));
        assertTrue(maxConcurrent.get() <= 2, "ran " + maxConcurrent.get() + " at once");
        assertTrue(Files.exists(a.resolve(group.fileName())));
        assertTrue(Files.exists(GroupSummary.file(a, group)));
        assertEquals(3, last.size()); // ticket 0, ticket 1, random-reinit 1
        assertEquals(3, last.get(0).n());

        // the seed-6 replicate is bit for bit the single run with seed 6, run alone
        Path b = tmp.resolve("b");
        ExperimentSpec six = spec().with("seed", "6");
        RunControl single = new ImpRunner(1).start(six, b, e -> { });
        assertTrue(single.await(Duration.ofMinutes(3)));
        Path ra = a.resolve(six.runDirName());
        Path rb = b.resolve(six.runDirName());
        for (String f : List.of("ticket/round-01/masks.npz", "ticket/round-01/weights-final.npz",
                "random-reinit/round-01/weights-final.npz", "ticket/round-01/metrics.csv")) {
            assertArrayEquals(Files.readAllBytes(rb.resolve(f)), Files.readAllBytes(ra.resolve(f)), f);
        }
        assertEquals(withoutSeconds(rb.resolve("summary.csv")), withoutSeconds(ra.resolve("summary.csv")));
        // and replicates differ from each other (different seeds)
        Path r5 = a.resolve(spec().runDirName());
        assertTrue(!java.util.Arrays.equals(Files.readAllBytes(r5.resolve("ticket/round-01/masks.npz")),
                Files.readAllBytes(ra.resolve("ticket/round-01/masks.npz"))));
    }

    static List<String> withoutSeconds(Path summary) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(summary)) {
            out.add(line.substring(0, line.lastIndexOf(',')));
        }
        return out;
    }

    @Test
    void aReplicateThatCannotStartIsReportedAndTheOthersFinish() throws Exception {
        Path out = tmp.resolve("fail");
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        ReplicateRunner.Starter flaky = (spec, dir, listener) -> {
            if (spec.seed() == 6) {
                throw new IllegalStateException("no data for this one");
            }
            return new ImpRunner(1).start(spec, dir, listener);
        };
        RunControl c = new ReplicateRunner(flaky, 2).start(ReplicateGroup.of(spec(), 3), out, new ReplicateListener() {
            @Override
            public void onEvent(int index, long seed, RunEvent e) {
            }

            @Override
            public void allDone(List<String> failures, boolean cancelled) {
                failed.addAll(failures);
            }
        });
        assertEquals(1, failures(c, failed).size());
        assertTrue(failed.get(0).contains("seed 6") && failed.get(0).contains("no data"), failed.get(0));
        assertTrue(Files.exists(out.resolve(spec().runDirName()).resolve("summary.csv")));
        assertTrue(Files.exists(out.resolve(spec().with("seed", "7").runDirName()).resolve("summary.csv")));
    }

    @Test
    void theMergedLmcTableIsWrittenBesideTheGroupFileWithEveryReplicatesCurves() throws Exception {
        Path b = tmp.resolve("lmc-group");
        ExperimentSpec s = spec().with(Map.of("lmcEachRound", "true", "lmcAlphas", "3", "branches", "ticket"));
        ReplicateGroup group = ReplicateGroup.of(s, 2);
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        RunControl c = new ReplicateRunner(new ImpRunner(1)::start, 2).start(group, b, new ReplicateListener() {
            @Override
            public void onEvent(int index, long seed, RunEvent e) {
            }

            @Override
            public void allDone(List<String> failures, boolean cancelled) {
                failed.addAll(failures);
            }
        });
        assertEquals(List.of(), failures(c, failed));
        Path file = org.lotterylab.api.store.LmcGroupSummary.file(b, group);
        assertTrue(Files.isRegularFile(file), "no " + file);
        List<org.lotterylab.api.store.LmcGroupSummary.Row> rows = org.lotterylab.api.store.LmcGroupSummary.merge(
                org.lotterylab.api.store.LmcGroupSummary.readMembers(b, group));
        assertEquals(org.lotterylab.api.store.LmcGroupSummary.format(rows), Files.readString(file));
        assertEquals(2, rows.size(), "round 0 and round 1 of the ticket");
        for (org.lotterylab.api.store.LmcGroupSummary.Row r : rows) {
            assertEquals(2, r.n(), "one curve per replicate: " + r);
        }
    }
}
