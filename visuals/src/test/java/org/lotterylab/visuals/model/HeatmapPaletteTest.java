package org.lotterylab.visuals.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeatmapPaletteTest {
    private static int r(int c) {
        return (c >> 16) & 0xFF;
    }

    private static int g(int c) {
        return (c >> 8) & 0xFF;
    }

    private static int b(int c) {
        return c & 0xFF;
    }

    private static int luma(int c) {
        return (299 * r(c) + 587 * g(c) + 114 * b(c)) / 1000;
    }

    @Test
    void signSetsHueAndMagnitudeSetsBrightness() {
        int neg = HeatmapPalette.kept(-1f, 1f);
        int pos = HeatmapPalette.kept(1f, 1f);
        assertTrue(b(neg) > r(neg), "negative is blue");
        assertTrue(r(pos) > b(pos), "positive is red");
        assertTrue(luma(HeatmapPalette.kept(0.9f, 1f)) > luma(HeatmapPalette.kept(0.1f, 1f)));
        assertTrue(luma(HeatmapPalette.kept(-0.9f, 1f)) > luma(HeatmapPalette.kept(-0.1f, 1f)));
        assertEquals(HeatmapPalette.NEG_HIGH, HeatmapPalette.kept(-5f, 1f), "clamped at the layer max");
        assertEquals(HeatmapPalette.POS_LOW, HeatmapPalette.kept(0f, 0f));
    }

    @Test
    void prunedIsNearBlackAndNewlyPrunedIsYellow() {
        assertTrue(luma(HeatmapPalette.PRUNED) < 25);
        int y = HeatmapPalette.NEWLY_PRUNED;
        assertTrue(r(y) > 200 && g(y) > 180 && b(y) < 80);
        // even the dimmest kept weight is clearly brighter than a pruned one
        assertTrue(luma(HeatmapPalette.kept(0f, 1f)) > luma(HeatmapPalette.PRUNED) + 15);
        assertTrue(luma(HeatmapPalette.kept(-0f, 1f)) > luma(HeatmapPalette.PRUNED) + 15);
    }

    @Test
    void renderMarksKeptPrunedAndNewlyPruned() {
        long[] keep = Bits.pack(new boolean[] {true, false, false, true});
        long[] prev = Bits.pack(new boolean[] {true, true, false, true});
        int[] out = new int[4];
        int newly = HeatmapPalette.render(keep, prev, new float[] {-1, 0, 0, 0.5f}, 1f, out, 4);
        assertEquals(1, newly);
        assertEquals(HeatmapPalette.kept(-1, 1), out[0]);
        assertEquals(HeatmapPalette.NEWLY_PRUNED, out[1]);
        assertEquals(HeatmapPalette.PRUNED, out[2]);
        assertEquals(HeatmapPalette.kept(0.5f, 1), out[3]);
        assertEquals(0, HeatmapPalette.render(keep, null, null, 0, out, 4));
        assertEquals(HeatmapPalette.KEPT_UNKNOWN, out[0]);
        assertEquals(HeatmapPalette.PRUNED, out[1]);
    }

    @Test
    void allColoursAreOpaque() {
        for (float w = -1; w <= 1; w += 0.1f) {
            assertEquals(0xFF, HeatmapPalette.kept(w, 1) >>> 24);
        }
        assertEquals(0xFF, SequentialPalette.at(0.33) >>> 24);
        assertEquals("#ffd91a", HeatmapPalette.hex(HeatmapPalette.NEWLY_PRUNED));
    }

    @Test
    void sequentialPaletteGetsBrighter() {
        assertTrue(luma(SequentialPalette.at(1.0)) > luma(SequentialPalette.at(0.5)));
        assertTrue(luma(SequentialPalette.at(0.5)) > luma(SequentialPalette.at(0.0)));
        assertEquals(SequentialPalette.at(0.0), SequentialPalette.at(0, 0));
    }
}
