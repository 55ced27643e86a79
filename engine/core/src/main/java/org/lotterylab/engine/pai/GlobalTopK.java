package org.lotterylab.engine.pai;

import java.util.Arrays;

/**
 * Keeps the {@code keep} highest scores across all layers (one global ranking). Ties at the threshold are
 * broken by position (earlier layer, then lower index, first), so the mask is a function of the scores
 * alone. A NaN score ranks below every number.
 */
final class GlobalTopK {

    private GlobalTopK() {
    }

    /** A mask per layer with exactly {@code keep} true entries in total. */
    static boolean[][] keep(double[][] scores, long keep) {
        long total = 0;
        for (double[] s : scores) {
            total += s.length;
        }
        if (keep < 0 || keep > total) {
            throw new IllegalArgumentException("cannot keep " + keep + " of " + total + " weights");
        }
        boolean[][] mask = new boolean[scores.length][];
        for (int l = 0; l < scores.length; l++) {
            mask[l] = new boolean[scores[l].length];
        }
        if (keep == 0) {
            return mask;
        }
        double[] all = new double[(int) total];
        int p = 0;
        for (double[] s : scores) {
            for (double v : s) {
                all[p++] = rankable(v);
            }
        }
        Arrays.sort(all);
        double threshold = all[(int) (total - keep)];
        long above = 0;
        for (double[] s : scores) {
            for (double v : s) {
                if (rankable(v) > threshold) {
                    above++;
                }
            }
        }
        long tiesToKeep = keep - above;
        for (int l = 0; l < scores.length; l++) {
            for (int i = 0; i < scores[l].length; i++) {
                double v = rankable(scores[l][i]);
                if (v > threshold) {
                    mask[l][i] = true;
                } else if (v == threshold && tiesToKeep > 0) {
                    mask[l][i] = true;
                    tiesToKeep--;
                }
            }
        }
        return mask;
    }

    private static double rankable(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }
}
