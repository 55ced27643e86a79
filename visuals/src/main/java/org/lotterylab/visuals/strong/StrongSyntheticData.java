package org.lotterylab.visuals.strong;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.run.EdgePopupEvent;

/**
 * Made-up but plausible data for the strong-ticket views (standalone samples and tests): LeNet-300-100 masks
 * of an edge-popup point and an IMP round that favour the same weights (inputs near the image centre) with
 * independent noise, and mask-flip reports that fall off as training settles.
 */
public final class StrongSyntheticData {

    private StrongSyntheticData() {
    }

    /**
     * Masks keeping {@code density} of every layer: the top weights of a shared importance (central pixels
     * for 784-input layers) plus noise of the given strength; the same {@code seed} gives the same importance.
     */
    public static List<Mask> masks(List<LayerInfo> layers, double density, double noise, long seed, long noiseSeed) {
        Random shared = new Random(seed);
        Random own = new Random(noiseSeed);
        List<Mask> out = new ArrayList<>();
        for (LayerInfo l : layers) {
            int rows = l.rows();
            int cols = l.cols();
            float[] score = new float[l.size()];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double base = shared.nextGaussian();
                    if (cols == 784) {
                        double dy = (c / 28 - 13.5) / 14;
                        double dx = (c % 28 - 13.5) / 14;
                        base -= 3 * (dx * dx + dy * dy);
                    }
                    score[r * cols + c] = (float) (base + noise * own.nextGaussian());
                }
            }
            int k = (int) Math.max(1, Math.round(density * l.size()));
            Integer[] idx = new Integer[score.length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            java.util.Arrays.sort(idx, (a, b) -> Float.compare(score[b], score[a]));
            boolean[] keep = new boolean[score.length];
            for (int i = 0; i < k; i++) {
                keep[idx[i]] = true;
            }
            out.add(new Mask(l.name(), l.shape(), keep));
        }
        return out;
    }

    /** Mask-flip reports of one sweep point: a burst early on that decays over {@code reports} intervals. */
    public static List<EdgePopupEvent.MaskFlips> flips(int round, long kept, int reports, double epochsPerReport,
                                                       long seed) {
        Random rng = new Random(seed);
        List<EdgePopupEvent.MaskFlips> out = new ArrayList<>();
        for (int i = 1; i <= reports; i++) {
            double level = 0.04 * kept * Math.exp(-i / (reports / 4.0)) * (0.85 + 0.3 * rng.nextDouble());
            int n = (int) Math.round(level);
            out.add(new EdgePopupEvent.MaskFlips(round, i * 50, i * epochsPerReport, n, n, kept));
        }
        return out;
    }
}
