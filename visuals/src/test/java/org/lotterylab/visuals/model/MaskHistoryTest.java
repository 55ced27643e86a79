package org.lotterylab.visuals.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.LayerKind;

class MaskHistoryTest {
    private static final LayerInfo L = new LayerInfo("fc", LayerKind.HIDDEN, new int[] {2, 3});

    private static Mask mask(int... keepBits) {
        boolean[] k = new boolean[keepBits.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = keepBits[i] != 0;
        }
        return new Mask("fc", new int[] {2, 3}, k);
    }

    private static Tensor tensor(float... v) {
        return new Tensor("fc", new int[] {2, 3}, v);
    }

    private static MaskHistory nested() {
        MaskHistory h = new MaskHistory(List.of(L), List.of(tensor(1, 2, 3, 4, 5, 6)));
        h.addRound(Branch.TICKET, 0, List.of(mask(1, 1, 1, 1, 1, 1)), List.of(tensor(1, 2, 3, 4, 5, 6)));
        h.addRound(Branch.TICKET, 1, List.of(mask(0, 1, 1, 1, 1, 1)), List.of(tensor(0, 2, 3, 4, 5, 6)));
        h.addRound(Branch.TICKET, 2, List.of(mask(0, 1, 0, 1, 1, 0)), List.of(tensor(0, 2, 0, 4, 5, 0)));
        h.addRound(Branch.TICKET, 3, List.of(mask(0, 0, 0, 1, 1, 0)), List.of(tensor(0, 0, 0, 4, 5, 0)));
        return h;
    }

    @Test
    void aRoundPackedAheadOnAnotherThreadIsStoredAsAddRoundStoresIt() throws Exception {
        MaskHistory direct = new MaskHistory(List.of(L), List.of());
        direct.addRound(Branch.TICKET, 1, List.of(mask(0, 1, 0, 1, 1, 0)), List.of(tensor(0, 2, 0, 4, 5, 0)));
        MaskHistory.PackedRound[] ahead = new MaskHistory.PackedRound[1];
        Thread t = new Thread(() -> ahead[0] = MaskHistory.pack(List.of(L), List.of(mask(0, 1, 0, 1, 1, 0)),
                List.of(tensor(0, 2, 0, 4, 5, 0))));
        t.start();
        t.join();
        MaskHistory viaPack = new MaskHistory(List.of(L), List.of());
        viaPack.addRound(Branch.TICKET, 1, ahead[0]);
        assertArrayEquals(direct.bits(Branch.TICKET, 1, 0), viaPack.bits(Branch.TICKET, 1, 0));
        assertEquals(3, viaPack.keptCount(Branch.TICKET, 1, 0));
        assertArrayEquals(new float[] {0, 2, 0, 4, 5, 0}, viaPack.weights(Branch.TICKET, 1, 0));
        assertArrayEquals(direct.weights(Branch.TICKET, 1, 0), viaPack.weights(Branch.TICKET, 1, 0));
    }

    @Test
    void aRoundPackedForOtherLayersIsPackedAgainForThisHistory() {
        LayerInfo other = new LayerInfo("other", LayerKind.HIDDEN, new int[] {1, 2});
        // packed for a one-layer list that does not hold "fc": the mask matched nothing there
        MaskHistory.PackedRound stale = MaskHistory.pack(List.of(other), List.of(mask(0, 1, 1, 1, 1, 0)), List.of());
        MaskHistory h = new MaskHistory(List.of(L), List.of());
        h.addRound(Branch.TICKET, 2, stale);
        assertEquals(4, h.keptCount(Branch.TICKET, 2, 0), "matched to fc by name, not taken from the other layer list");
    }

    @Test
    void prunedInRoundIsTheFirstRoundWithAFalseMask() {
        MaskHistory h = nested();
        assertEquals(new PrunedInfo(false, 1, true), h.prunedIn(Branch.TICKET, 3, 0, 0));
        assertEquals(new PrunedInfo(false, 3, true), h.prunedIn(Branch.TICKET, 3, 0, 1));
        assertEquals(new PrunedInfo(false, 2, true), h.prunedIn(Branch.TICKET, 3, 0, 2));
        assertEquals(new PrunedInfo(true, 3, true), h.prunedIn(Branch.TICKET, 3, 0, 3));
        assertEquals(new PrunedInfo(false, 2, true), h.prunedIn(Branch.TICKET, 3, 0, 5));
        // as of round 2, weight 1 is still kept
        assertTrue(h.prunedIn(Branch.TICKET, 2, 0, 1).kept());
    }

    @Test
    void prunedInMapMatchesPerWeightAnswer() {
        MaskHistory h = nested();
        for (int r = 0; r <= 3; r++) {
            short[] map = h.prunedInMap(Branch.TICKET, r, 0);
            for (int i = 0; i < 6; i++) {
                PrunedInfo p = h.prunedIn(Branch.TICKET, r, 0, i);
                assertEquals(p.kept() ? -1 : p.round(), map[i], "round " + r + " weight " + i);
            }
        }
        assertArrayEquals(new short[] {1, 3, 2, -1, -1, 2}, h.prunedInMap(Branch.TICKET, 3, 0));
    }

    @Test
    void nonNestedMasksUseTheLatestRunOfPrunedRounds() {
        MaskHistory h = new MaskHistory(List.of(L), List.of());
        h.addRound(Branch.EDGE_POPUP, 0, List.of(mask(0, 1, 1, 1, 1, 1)), List.of());
        h.addRound(Branch.EDGE_POPUP, 1, List.of(mask(1, 1, 1, 1, 1, 1)), List.of());
        h.addRound(Branch.EDGE_POPUP, 2, List.of(mask(0, 1, 1, 1, 1, 1)), List.of());
        h.addRound(Branch.EDGE_POPUP, 3, List.of(mask(0, 1, 1, 1, 1, 1)), List.of());
        assertEquals(new PrunedInfo(false, 2, true), h.prunedIn(Branch.EDGE_POPUP, 3, 0, 0));
        // pruned in the first stored round (round 0): exact
        assertEquals(new PrunedInfo(false, 0, true), h.prunedIn(Branch.EDGE_POPUP, 0, 0, 0));
        assertEquals(2, h.prunedInMap(Branch.EDGE_POPUP, 3, 0)[0]);
    }

    @Test
    void prunedBeforeTheFirstStoredRoundIsNotExact() {
        MaskHistory h = new MaskHistory(List.of(L), List.of());
        h.addRound(Branch.TICKET, 4, List.of(mask(0, 1, 1, 1, 1, 1)), List.of());
        PrunedInfo p = h.prunedIn(Branch.TICKET, 4, 0, 0);
        assertFalse(p.kept());
        assertFalse(p.exact());
        assertNull(h.previousBits(Branch.TICKET, 4, 0), "no known previous mask: no highlighting");
        assertNotNull(h.previousBits(Branch.TICKET, 1, 0), "round 1 compares with the dense round 0");
    }

    @Test
    void resolvesMissingRoundsToTheLatestStoredOneBefore() {
        MaskHistory h = new MaskHistory(List.of(L), List.of());
        h.addRound(Branch.TICKET, 0, List.of(mask(1, 1, 1, 1, 1, 1)), List.of());
        h.addRound(Branch.TICKET, 3, List.of(mask(0, 1, 1, 1, 1, 1)), List.of());
        assertEquals(0, h.resolve(Branch.TICKET, 2));
        assertEquals(3, h.resolve(Branch.TICKET, 9));
        assertEquals(-1, h.resolve(Branch.RANDOM_REINIT, 1));
        assertEquals(0, h.previousRound(Branch.TICKET, 3));
        assertEquals(3, h.lastRound(Branch.TICKET));
        assertEquals(5, h.keptCount(Branch.TICKET, 3, 0));
    }

    @Test
    void maskRoundTripsThroughBits() {
        MaskHistory h = nested();
        Mask m = h.mask(Branch.TICKET, 2, 0);
        assertEquals(mask(0, 1, 0, 1, 1, 0), m);
        assertEquals(3, m.kept());
    }

    @Test
    void weightBudgetDropsOldRoundsButKeepsEachBranchsLatest() {
        MaskHistory h = new MaskHistory(List.of(L), List.of(), 13);
        for (int r = 0; r < 5; r++) {
            h.addRound(Branch.TICKET, r, List.of(mask(1, 1, 1, 1, 1, 1)), List.of(tensor(r, r, r, r, r, r)));
        }
        assertTrue(h.storedFloats() <= 13);
        assertNotNull(h.weights(Branch.TICKET, 4, 0));
        assertNotNull(h.weights(Branch.TICKET, 3, 0));
        assertNull(h.weights(Branch.TICKET, 0, 0));
        // a budget smaller than one round still keeps the latest round
        MaskHistory tiny = new MaskHistory(List.of(L), List.of(), 1);
        tiny.addRound(Branch.TICKET, 0, List.of(mask(1, 1, 1, 1, 1, 1)), List.of(tensor(1, 1, 1, 1, 1, 1)));
        tiny.addRound(Branch.TICKET, 1, List.of(mask(1, 1, 1, 1, 1, 1)), List.of(tensor(2, 2, 2, 2, 2, 2)));
        assertNull(tiny.weights(Branch.TICKET, 0, 0));
        assertEquals(2f, tiny.weights(Branch.TICKET, 1, 0)[0]);
    }

    @Test
    void finalWeightsAreStoredSparseAndComeBackDense() {
        MaskHistory h = nested();
        // 6 + 5 + 3 + 2 kept weights over the four rounds: only kept values are held
        assertEquals(16, h.storedFloats());
        assertArrayEquals(new float[] {0, 2, 0, 4, 5, 0}, h.weights(Branch.TICKET, 2, 0));
        assertArrayEquals(new float[] {0, 0, 0, 4, 5, 0}, h.weights(Branch.TICKET, 3, 0));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, h.weights(Branch.TICKET, 0, 0));
        float[] a = h.weights(Branch.TICKET, 3, 0);
        a[3] = 99;
        assertEquals(4f, h.weights(Branch.TICKET, 3, 0)[3], "callers get a copy");
    }

    @Test
    void aLongScheduleStaysWithinAFewDenseCopies() {
        LayerInfo big = new LayerInfo("fc", LayerKind.HIDDEN, new int[] {100, 100});
        MaskHistory h = new MaskHistory(List.of(big), List.of());
        java.util.Random rnd = new java.util.Random(1);
        boolean[] keep = new boolean[10_000];
        java.util.Arrays.fill(keep, true);
        for (int r = 0; r <= 100; r++) {
            float[] w = new float[keep.length];
            int kept = 0;
            for (int i = 0; i < w.length; i++) {
                if (keep[i] && rnd.nextDouble() < 0.1 && r > 0) {
                    keep[i] = false; // 10% of the survivors pruned per round
                }
                w[i] = keep[i] ? 1 + rnd.nextFloat() : 0f;
                kept += keep[i] ? 1 : 0;
            }
            h.addRound(Branch.TICKET, r, List.of(new Mask("fc", new int[] {100, 100}, keep.clone())),
                    List.of(new Tensor("fc", new int[] {100, 100}, w)));
            float[] back = h.weights(Branch.TICKET, r, 0);
            assertEquals(kept, java.util.stream.IntStream.range(0, w.length).filter(i -> back[i] != 0).count());
            assertArrayEquals(w, back, "round " + r + " comes back exactly");
        }
        assertNotNull(h.weights(Branch.TICKET, 0, 0), "every round kept: the sum is bounded");
        assertTrue(h.storedFloats() <= 11 * 10_000, "101 rounds at 10% a round: " + h.storedFloats());
    }

    @Test
    void replacingARoundDoesNotLeakBudget() {
        MaskHistory h = new MaskHistory(List.of(L), List.of());
        h.addRound(Branch.TICKET, 0, List.of(mask(1, 1, 1, 1, 1, 1)), List.of(tensor(1, 1, 1, 1, 1, 1)));
        h.addRound(Branch.TICKET, 0, List.of(mask(1, 1, 1, 1, 1, 1)), List.of(tensor(2, 2, 2, 2, 2, 2)));
        assertEquals(6, h.storedFloats());
        assertEquals(2f, h.weights(Branch.TICKET, 0, 0)[0]);
    }

    @Test
    void masksAreMatchedByNameAndMissingOnesAreDense() {
        LayerInfo a = new LayerInfo("a", LayerKind.HIDDEN, new int[] {1, 2});
        LayerInfo b = new LayerInfo("b", LayerKind.OUTPUT, new int[] {1, 2});
        MaskHistory h = new MaskHistory(List.of(a, b), List.of());
        h.addRound(Branch.TICKET, 1, List.of(new Mask("b", new int[] {1, 2}, new boolean[] {false, true})), List.of());
        assertEquals(1, h.keptCount(Branch.TICKET, 1, 1));
        assertEquals(2, h.keptCount(Branch.TICKET, 1, 0));
    }

    @Test
    void maxAbsIgnoresPrunedWeights() {
        long[] keep = Bits.pack(new boolean[] {true, false, true});
        assertEquals(2f, MaskHistory.maxAbs(new float[] {-2, 9, 1}, keep));
        assertEquals(0f, MaskHistory.maxAbs(null, keep));
    }
}
