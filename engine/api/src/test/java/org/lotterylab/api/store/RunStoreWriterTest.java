package org.lotterylab.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.mask.LayerSummary;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;

class RunStoreWriterTest {

    @TempDir
    Path tmp;

    private Path runDir() {
        return RunLayout.runDir(tmp, GoldenRunGenerator.SPEC);
    }

    @Test
    void writesAndReadsBackARun() throws IOException {
        GoldenRunGenerator.write(runDir());
        RunStoreWriter w = RunStoreWriter.open(runDir());
        assertEquals(GoldenRunGenerator.results().stream().sorted(SummaryCsv.ORDER).toList(), w.finishedRounds());
        assertEquals(Optional.of(GoldenRunGenerator.theta0()), w.readTheta0());
        assertEquals(Optional.of(GoldenRunGenerator.theta0()), w.readThetaK());
        assertEquals(Optional.of(GoldenRunGenerator.masks(1)), w.readMasks(Branch.TICKET, 1));
        assertEquals(Optional.of(GoldenRunGenerator.finalWeights(Branch.RANDOM_REINIT, 1)),
                w.readFinalWeights(Branch.RANDOM_REINIT, 1));
        assertEquals(Optional.empty(), w.readMasks(Branch.TICKET, 2));
        assertEquals(Optional.empty(), RunStoreWriter.open(tmp.resolve("fresh")).readTheta0());
        assertTrue(w.warnings().isEmpty());
    }

    @Test
    void sameSpecTwiceIsFineDifferentSpecFailsClearly() throws IOException {
        RunStoreWriter w = RunStoreWriter.open(runDir());
        w.writeSpec(GoldenRunGenerator.SPEC);
        w.writeSpec(GoldenRunGenerator.SPEC);
        ExperimentSpec other = GoldenRunGenerator.SPEC.with("learningRate", "0.01");
        IOException e = assertThrows(IOException.class, () -> RunStoreWriter.open(runDir()).writeSpec(other));
        assertTrue(e.getMessage().startsWith("run directory holds a different spec"), e.getMessage());
        assertTrue(e.getMessage().contains("learningRate ('0.0012' on disk, '0.01' now)"), e.getMessage());
        assertEquals(GoldenRunGenerator.SPEC, SpecJson.read(RunLayout.runDir(tmp, GoldenRunGenerator.SPEC).resolve("spec.json")));

        Files.writeString(new RunLayout(runDir()).specJson(), "{ broken");
        e = assertThrows(IOException.class, () -> RunStoreWriter.open(runDir()).writeSpec(GoldenRunGenerator.SPEC));
        assertTrue(e.getMessage().contains("unreadable spec"), e.getMessage());
    }

    @Test
    void rewritingARoundReplacesItsRow() throws IOException {
        RunStoreWriter w = RunStoreWriter.open(runDir());
        w.writeRound(GoldenRunGenerator.result(Branch.TICKET, 0), GoldenRunGenerator.masks(0),
                GoldenRunGenerator.finalWeights(Branch.TICKET, 0), GoldenRunGenerator.metrics(Branch.TICKET, 0));
        RoundResult again = new RoundResult(Branch.TICKET, 0, 1.0, 0.5, 3, 0.25, 9, List.of());
        w.writeRound(again, GoldenRunGenerator.masks(0), GoldenRunGenerator.finalWeights(Branch.TICKET, 0), List.of());
        Parsed<RoundResult> rows = SummaryCsv.read(w.layout().summaryCsv());
        assertEquals(1, rows.rows().size());
        assertEquals(0.5, rows.rows().get(0).testAccuracy());
        // layers computed from the masks when the result has none
        assertEquals(List.of(new LayerSummary("fc1", 12, 12), new LayerSummary("output", 6, 6)),
                RunStoreWriter.open(runDir()).finishedRounds().get(0).layers());
    }

    @Test
    void roundWithBrokenArraysIsNotFinished() throws IOException {
        GoldenRunGenerator.write(runDir());
        RunLayout l = new RunLayout(runDir());
        byte[] bytes = Files.readAllBytes(l.weightsFinal(Branch.TICKET, 1));
        Files.write(l.weightsFinal(Branch.TICKET, 1), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Files.delete(l.masks(Branch.RANDOM_REINIT, 1));
        List<RoundResult> done = RunStoreWriter.open(runDir()).finishedRounds();
        assertEquals(List.of("ticket/0", "random-reinit/0"),
                done.stream().map(r -> r.branch().id() + "/" + r.round()).toList());
    }

    @Test
    void openDeletesTempFilesLeftByACrash() throws IOException {
        GoldenRunGenerator.write(runDir());
        RunLayout l = new RunLayout(runDir());
        Path stale = l.roundDir(Branch.TICKET, 1).resolve(".masks.npz.tmp-1f2e3d");
        Path keep = l.roundDir(Branch.TICKET, 1).resolve("notes.txt");
        Files.writeString(stale, "partial");
        Files.writeString(keep, "mine");
        RunStoreWriter.open(runDir());
        assertTrue(Files.notExists(stale));
        assertTrue(Files.exists(keep));
    }

    @Test
    void inconsistentArraysAreRejectedBeforeWriting() throws IOException {
        RunStoreWriter w = RunStoreWriter.open(runDir());
        w.writeLayers(GoldenRunGenerator.LAYERS);
        List<Mask> masks = GoldenRunGenerator.masks(0);
        List<Tensor> wrongOrder = List.of(GoldenRunGenerator.theta0().get(1), GoldenRunGenerator.theta0().get(0));
        assertThrows(IllegalArgumentException.class, () -> w.writeRound(GoldenRunGenerator.result(Branch.TICKET, 0), masks,
                wrongOrder, List.of()));
        List<Tensor> wrongLayer = List.of(new Tensor("fc9", new int[] {1}, new float[1]));
        assertThrows(IllegalArgumentException.class, () -> w.writeTheta0(wrongLayer));
        assertTrue(Files.notExists(w.layout().summaryCsv()));
        assertTrue(Files.notExists(w.layout().roundDir(Branch.TICKET, 0)));
    }
}
