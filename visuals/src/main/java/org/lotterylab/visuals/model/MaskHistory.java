package org.lotterylab.visuals.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.spec.Branch;

/**
 * Every round's masks of every branch, one bit per weight, plus the rounds' final weights within a memory
 * budget (oldest rounds' weights are dropped first; the latest round of each branch is always kept). Masks
 * need not be nested (edge-popup masks are not), so the pruned-in round is computed from the stored
 * rounds rather than kept as a single number per weight.
 *
 * <p>Final weights are stored sparse: only the values of kept weights, in flat order (a pruned weight is
 * exactly zero after every step, so nothing is lost). A round at 10% of the weights costs a tenth of a dense
 * copy, so the weights of a whole IMP schedule stay within a few dense copies however many rounds it has
 * (the sum of a geometric series), and a long run in the window does not grow its heap round after round.
 *
 * <p>Not thread-safe; the views use it on the JavaFX thread only.
 */
public final class MaskHistory {

    /**
     * Default weight budget: 4M stored floats (16 MB), e.g. every round of a LeNet-300-100 schedule that
     * removes 10% or more per round (at most ten dense copies), or 15 dense rounds.
     */
    public static final long DEFAULT_WEIGHT_BUDGET = 4L * 1024 * 1024;

    private final List<LayerInfo> layers;
    private final int layersCount;
    private final List<float[]> theta0;
    private final long weightBudget;
    private final Map<Branch, NavigableMap<Integer, RoundData>> rounds = new EnumMap<>(Branch.class);
    private final Deque<RoundData> weightOrder = new ArrayDeque<>();
    private long storedFloats;

    /** One stored round. */
    private static final class RoundData {
        final Branch branch;
        final int round;
        final long[][] bits;
        final int[] kept;
        /** Per layer: the final values of the kept weights in flat order (null: not stored). */
        float[][] weights;

        RoundData(Branch branch, int round, long[][] bits, int[] kept, float[][] weights) {
            this.branch = branch;
            this.round = round;
            this.bits = bits;
            this.kept = kept;
            this.weights = weights;
        }
    }

    /** An empty history with the default weight budget. */
    public MaskHistory(List<LayerInfo> layers, List<Tensor> theta0) {
        this(layers, theta0, DEFAULT_WEIGHT_BUDGET);
    }

    /**
     * An empty history.
     *
     * @param layers       prunable layers
     * @param theta0       initial weights in the same order (may be empty: then theta_0 is unknown)
     * @param weightBudget most floats of final weights kept in memory
     */
    public MaskHistory(List<LayerInfo> layers, List<Tensor> theta0, long weightBudget) {
        this.layers = List.copyOf(layers);
        this.layersCount = this.layers.size();
        this.weightBudget = weightBudget;
        this.theta0 = new ArrayList<>();
        for (int l = 0; l < this.layers.size(); l++) {
            Tensor t = find(theta0, this.layers.get(l).name(), l);
            this.theta0.add(t != null && t.size() == this.layers.get(l).size() ? t.data() : null);
        }
    }

    private Tensor find(List<Tensor> ts, String name, int index) {
        return find(ts, name, index, layersCount);
    }

    private static Tensor find(List<Tensor> ts, String name, int index, int layersCount) {
        if (ts == null) {
            return null;
        }
        for (Tensor t : ts) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        // by position only when the lists line up (a list with other names is not a positional match)
        return index < ts.size() && ts.size() == layersCount ? ts.get(index) : null;
    }

    private static Mask findMask(List<Mask> ms, String name, int index, int layersCount) {
        for (Mask m : ms) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        return index < ms.size() && ms.size() == layersCount ? ms.get(index) : null;
    }

    /** The layers. */
    public List<LayerInfo> layers() {
        return layers;
    }

    /** Index of the layer called {@code name}, or -1. */
    public int layerIndex(String name) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Initial weights of layer {@code l}, or null when unknown. */
    public float[] theta0(int l) {
        return theta0.get(l);
    }

    /**
     * Stores a finished round. Masks and weights are matched to layers by name (else by position); a
     * missing mask counts as dense. Replaces an earlier copy of the same (branch, round).
     */
    public void addRound(Branch branch, int round, List<Mask> masks, List<Tensor> weights) {
        addRound(branch, round, pack(layers, masks, weights));
    }

    /**
     * A round's masks and weights packed for a history of {@code layers} (bits, counts, kept values): the
     * costly part of {@link #addRound}, done on any thread, so that the views' thread only stores the result.
     * Matching as in {@link #addRound(Branch, int, List, List)}.
     */
    public static PackedRound pack(List<LayerInfo> layers, List<Mask> masks, List<Tensor> weights) {
        int n = layers.size();
        long[][] bits = new long[n][];
        int[] kept = new int[n];
        float[][] w = new float[n][];
        long floats = 0;
        boolean anyWeights = false;
        for (int l = 0; l < n; l++) {
            LayerInfo li = layers.get(l);
            Mask m = masks == null ? null : findMask(masks, li.name(), l, n);
            if (m != null && m.size() == li.size()) {
                bits[l] = Bits.pack(m.keep());
            } else {
                bits[l] = Bits.allSet(li.size());
            }
            kept[l] = Bits.count(bits[l]);
            Tensor t = find(weights, li.name(), l, n);
            if (t != null && t.size() == li.size()) {
                w[l] = keptValues(t.data(), bits[l], kept[l]);
                floats += w[l].length;
                anyWeights = true;
            }
        }
        return new PackedRound(List.copyOf(layers), masks, weights, bits, kept, anyWeights ? w : null, floats);
    }

    /**
     * One round packed by {@link #pack} for a given layer list; immutable once built (it may cross threads).
     * A history of other layers packs the round's masks again.
     */
    public static final class PackedRound {
        private final List<LayerInfo> layers;
        private final List<Mask> masks;
        private final List<Tensor> weights;
        private final long[][] bits;
        private final int[] kept;
        private final float[][] keptWeights;
        private final long floats;

        private PackedRound(List<LayerInfo> layers, List<Mask> masks, List<Tensor> weights, long[][] bits, int[] kept,
                float[][] keptWeights, long floats) {
            this.layers = layers;
            this.masks = masks;
            this.weights = weights;
            this.bits = bits;
            this.kept = kept;
            this.keptWeights = keptWeights;
            this.floats = floats;
        }

        /** The masks it was packed from (null: none). */
        public List<Mask> masks() {
            return masks;
        }
    }

    /** Stores a round packed by {@link #pack}; one packed for other layers is packed again for these. */
    public void addRound(Branch branch, int round, PackedRound packed) {
        PackedRound p = packed.layers.equals(layers) ? packed : pack(layers, packed.masks, packed.weights);
        // the outer arrays are this history's own: a round packed once may be stored in two histories
        long[][] bits = p.bits.clone();
        int[] kept = p.kept.clone();
        float[][] w = p.keptWeights == null ? null : p.keptWeights.clone();
        long floats = p.floats;
        boolean anyWeights = w != null;
        NavigableMap<Integer, RoundData> map = rounds.computeIfAbsent(branch, b -> new TreeMap<>());
        RoundData old = map.get(round);
        if (old != null) {
            dropWeights(old);
            weightOrder.remove(old);
        }
        RoundData rd = new RoundData(branch, round, bits, kept, anyWeights ? w : null);
        map.put(round, rd);
        if (rd.weights != null) {
            weightOrder.addLast(rd);
            storedFloats += floats;
            evict();
        }
    }

    private void dropWeights(RoundData rd) {
        if (rd.weights != null) {
            for (float[] a : rd.weights) {
                if (a != null) {
                    storedFloats -= a.length;
                }
            }
            rd.weights = null;
        }
    }

    private void evict() {
        List<RoundData> protectedLatest = new ArrayList<>();
        while (storedFloats > weightBudget && !weightOrder.isEmpty()) {
            RoundData victim = weightOrder.pollFirst();
            if (rounds.get(victim.branch).lastKey() == victim.round) {
                protectedLatest.add(victim);
                continue;
            }
            dropWeights(victim);
        }
        for (int i = protectedLatest.size() - 1; i >= 0; i--) {
            weightOrder.addFirst(protectedLatest.get(i));
        }
    }

    /** Floats of final weights now held. */
    public long storedFloats() {
        return storedFloats;
    }

    /** Branches with at least one stored round, in enum order. */
    public Set<Branch> branches() {
        return Collections.unmodifiableSet(rounds.keySet());
    }

    /** Stored rounds of {@code branch}, ascending (empty if none). */
    public NavigableSet<Integer> rounds(Branch branch) {
        NavigableMap<Integer, RoundData> m = rounds.get(branch);
        return m == null ? Collections.emptyNavigableSet() : Collections.unmodifiableNavigableSet(new TreeSet<>(m.keySet()));
    }

    /** The latest stored round of {@code branch}, or -1. */
    public int lastRound(Branch branch) {
        NavigableMap<Integer, RoundData> m = rounds.get(branch);
        return m == null || m.isEmpty() ? -1 : m.lastKey();
    }

    /** Whether (branch, round) is stored. */
    public boolean has(Branch branch, int round) {
        NavigableMap<Integer, RoundData> m = rounds.get(branch);
        return m != null && m.containsKey(round);
    }

    private RoundData data(Branch branch, int round) {
        NavigableMap<Integer, RoundData> m = rounds.get(branch);
        return m == null ? null : m.get(round);
    }

    /** The stored round shown for a requested round: the latest stored round at or before it, or -1. */
    public int resolve(Branch branch, int round) {
        NavigableMap<Integer, RoundData> m = rounds.get(branch);
        if (m == null) {
            return -1;
        }
        Integer k = m.floorKey(round);
        return k == null ? -1 : k;
    }

    /** The latest stored round before {@code round}, or -1. */
    public int previousRound(Branch branch, int round) {
        NavigableMap<Integer, RoundData> m = rounds.get(branch);
        if (m == null) {
            return -1;
        }
        Integer k = m.lowerKey(round);
        return k == null ? -1 : k;
    }

    /** Mask bits of layer {@code l} at a stored round, or all-kept when the round is not stored. */
    public long[] bits(Branch branch, int round, int l) {
        RoundData rd = data(branch, round);
        return rd == null ? Bits.allSet(layers.get(l).size()) : rd.bits[l];
    }

    /**
     * Mask bits of the round before {@code round} for "pruned in this round" highlighting: the previous
     * stored round, a dense mask when {@code round == 1} and round 0 is not stored, else null (unknown).
     */
    public long[] previousBits(Branch branch, int round, int l) {
        int prev = previousRound(branch, round);
        if (prev >= 0) {
            return data(branch, prev).bits[l];
        }
        return round == 1 ? Bits.allSet(layers.get(l).size()) : null;
    }

    /** Kept weights of layer {@code l} at a stored round (the layer size when not stored). */
    public int keptCount(Branch branch, int round, int l) {
        RoundData rd = data(branch, round);
        return rd == null ? layers.get(l).size() : rd.kept[l];
    }

    /**
     * Final weights of layer {@code l} at a stored round (a fresh dense array, pruned weights zero), or null
     * when not stored or evicted.
     */
    public float[] weights(Branch branch, int round, int l) {
        RoundData rd = data(branch, round);
        if (rd == null || rd.weights == null || rd.weights[l] == null) {
            return null;
        }
        return scatter(rd.weights[l], rd.bits[l], layers.get(l).size());
    }

    /** The values of {@code dense} at the kept positions of {@code bits}, in flat order. */
    static float[] keptValues(float[] dense, long[] bits, int kept) {
        float[] out = new float[kept];
        int k = 0;
        for (int i = 0; i < dense.length && k < kept; i++) {
            if (Bits.get(bits, i)) {
                out[k++] = dense[i];
            }
        }
        return out;
    }

    /** The dense array of {@code size} with {@code values} at the kept positions of {@code bits}, zero elsewhere. */
    static float[] scatter(float[] values, long[] bits, int size) {
        float[] out = new float[size];
        int k = 0;
        for (int i = 0; i < size && k < values.length; i++) {
            if (Bits.get(bits, i)) {
                out[i] = values[k++];
            }
        }
        return out;
    }

    /** The mask of layer {@code l} at a stored round as an API {@link Mask}, or dense when not stored. */
    public Mask mask(Branch branch, int round, int l) {
        LayerInfo li = layers.get(l);
        return new Mask(li.name(), li.shape(), Bits.unpack(bits(branch, round, l), li.size()));
    }

    /** Whether weight {@code index} of layer {@code l} is kept at a stored round. */
    public boolean kept(Branch branch, int round, int l, int index) {
        return Bits.get(bits(branch, round, l), index);
    }

    /**
     * When weight {@code index} of layer {@code l} was pruned, as of stored round {@code round}: the first
     * round of the latest run of stored rounds (ending at {@code round}) in which it is pruned.
     */
    public PrunedInfo prunedIn(Branch branch, int round, int l, int index) {
        NavigableMap<Integer, RoundData> m = rounds.get(branch);
        if (m == null || !m.containsKey(round)) {
            return new PrunedInfo(true, round, true);
        }
        if (Bits.get(m.get(round).bits[l], index)) {
            return new PrunedInfo(true, round, true);
        }
        int first = round;
        for (Map.Entry<Integer, RoundData> e : m.headMap(round, false).descendingMap().entrySet()) {
            if (Bits.get(e.getValue().bits[l], index)) {
                return new PrunedInfo(false, first, true);
            }
            first = e.getKey();
        }
        return new PrunedInfo(false, first, first <= 1);
    }

    /**
     * The pruned-in round of every weight of layer {@code l} as of stored round {@code round}: -1 for
     * kept weights, else the round it was pruned in (see {@link #prunedIn}).
     */
    public short[] prunedInMap(Branch branch, int round, int l) {
        int size = layers.get(l).size();
        short[] out = new short[size];
        java.util.Arrays.fill(out, (short) -1);
        NavigableMap<Integer, RoundData> m = rounds.get(branch);
        if (m == null || !m.containsKey(round)) {
            return out;
        }
        long[] cur = m.get(round).bits[l];
        boolean[] inRun = new boolean[size];
        int open = 0;
        for (int i = 0; i < size; i++) {
            if (!Bits.get(cur, i)) {
                out[i] = (short) round;
                inRun[i] = true;
                open++;
            }
        }
        for (Map.Entry<Integer, RoundData> e : m.headMap(round, false).descendingMap().entrySet()) {
            if (open == 0) {
                break;
            }
            long[] b = e.getValue().bits[l];
            short r = (short) (int) e.getKey();
            for (int i = 0; i < size; i++) {
                if (inRun[i]) {
                    if (Bits.get(b, i)) {
                        inRun[i] = false;
                        open--;
                    } else {
                        out[i] = r;
                    }
                }
            }
        }
        return out;
    }

    /** Forgets every stored round (keeps the layers and theta_0). */
    public void clearRounds() {
        rounds.clear();
        weightOrder.clear();
        storedFloats = 0;
    }

    /** Per-layer maximum |w| over kept weights of the values given (0 when none). */
    public static float maxAbs(float[] values, long[] keep) {
        float max = 0;
        if (values == null) {
            return 0;
        }
        for (int i = 0; i < values.length; i++) {
            float a = Math.abs(values[i]);
            if (a > max && Float.isFinite(a) && (keep == null || Bits.get(keep, i))) {
                max = a;
            }
        }
        return max;
    }
}
