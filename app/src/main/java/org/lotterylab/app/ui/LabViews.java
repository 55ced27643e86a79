package org.lotterylab.app.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.mask.LayerSummary;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.visuals.AccuracySparsityView;
import org.lotterylab.visuals.InputPixelView;
import org.lotterylab.visuals.LayerSparsityView;
import org.lotterylab.visuals.MaskHeatmapView;
import org.lotterylab.visuals.model.MaskHistory;
import org.lotterylab.visuals.TrainingCurveView;
import org.lotterylab.visuals.earlybird.EarlyBirdView;
import org.lotterylab.visuals.lmc.RoundLmcView;
import org.lotterylab.api.run.LmcEvent;

/**
 * The lab's five views and how run events change them (JavaFX thread only). The heatmap follows the latest
 * round of its branch unless the user has scrubbed back; the layer bars and the input-pixel map follow
 * the heatmap's branch and round.
 */
public final class LabViews implements RunViewSink {
    private static final boolean DEBUG = Boolean.getBoolean("lth.lab.debug");
    /** Rounds packed by {@link #prepare} on the sending thread, by event identity, until the JavaFX thread adds them. */
    private final Map<RunEvent.RoundFinished, MaskHistory.PackedRound> packed =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    /** The layers of the last run started, as the sending thread saw it (the heatmap's layers, by the same event). */
    private volatile List<LayerInfo> packingLayers;
    private final MaskHeatmapView heatmap = new MaskHeatmapView();
    private final LayerSparsityView layerSparsity = new LayerSparsityView();
    private final InputPixelView inputPixels = new InputPixelView();
    private final AccuracySparsityView accuracy = new AccuracySparsityView();
    private final TrainingCurveView curves = new TrainingCurveView();
    private final RoundLmcView lmc = new RoundLmcView();
    private final EarlyBirdView earlyBird = new EarlyBirdView();
    private final javafx.beans.property.BooleanProperty earlyBirdShown =
            new javafx.beans.property.SimpleBooleanProperty(this, "earlyBirdShown", false);

    private final Map<String, RoundResult> results = new HashMap<>();
    private final Map<Branch, Integer> latestRound = new HashMap<>();
    private List<LayerInfo> layers = List.of();
    private java.nio.file.Path runDir;
    private int[] inputShape;
    private boolean baselineSet;
    /** The layer bars, then the input pixels, wait for the deferred work (one per frame). */
    private boolean barsStale;
    private boolean pixelsStale;
    private boolean applyingRound;
    private GroupViewModel group;

    /** Creates the views and links the side views to the heatmap's round and branch. */
    public LabViews() {
        heatmap.roundProperty().addListener((obs, o, n) -> heatmapMoved());
        heatmap.branchProperty().addListener((obs, o, n) -> heatmapMoved());
        accuracy.errorBarsProperty().addListener((obs, o, n) -> showGroupLmc());
    }

    /**
     * A group is shown as one result: the accuracy plot shows every member's rounds (mean with error bars
     * per group and branch), the LMC view's instability chart every member's curves; the other views keep
     * the first member's run.
     */
    @Override
    public void groupOpened(GroupViewModel g) {
        FxThread.check();
        group = g;
        regroup();
    }

    @Override
    public void groupResult(int member, RoundResult r) {
        FxThread.check();
        if (group == null) {
            return;
        }
        group.addResult(member, r);
        accuracy.addResult(r, group.groupLabel(member), group.memberLabel(member));
    }

    @Override
    public void groupCurve(int member, LmcEvent.LmcCurveDone done) {
        FxThread.check();
        if (group == null) {
            return;
        }
        group.addCurve(member, done);
        showGroupLmc();
    }

    /** Redraws the group after its grouping changed. */
    public void regroup() {
        if (group == null) {
            return;
        }
        accuracy.setDenseBaseline(Double.NaN);
        accuracy.setResults(List.of());
        for (GroupViewModel.Tagged t : group.tagged()) {
            accuracy.addResult(t.result(), t.group(), t.member());
        }
        showGroupLmc();
    }

    /** The group shown, or null. */
    public GroupViewModel group() {
        return group;
    }

    private void showGroupLmc() {
        if (group != null) {
            lmc.showGroup(group.instability(), accuracy.errorBarsProperty().get(), group.byK());
        }
    }

    /** The mask heatmap. */
    public MaskHeatmapView heatmap() {
        return heatmap;
    }

    /** The per-layer sparsity bars. */
    public LayerSparsityView layerSparsity() {
        return layerSparsity;
    }

    /** The input-pixel view. */
    public InputPixelView inputPixels() {
        return inputPixels;
    }

    /** Accuracy (and early-stop iteration) versus weights remaining. */
    public AccuracySparsityView accuracy() {
        return accuracy;
    }

    /** The training curves. */
    public TrainingCurveView curves() {
        return curves;
    }

    /** Linear mode connectivity of every finished round. */
    public RoundLmcView lmc() {
        return lmc;
    }

    /** Early-bird tickets: the pairwise mask-distance heatmap of the dense round and the drawn point. */
    public EarlyBirdView earlyBird() {
        return earlyBird;
    }

    /** True while the run shown trains the early-bird branch or has early-bird data (the pane is mounted). */
    public javafx.beans.property.ReadOnlyBooleanProperty earlyBirdShownProperty() {
        return earlyBirdShown;
    }

    @Override
    public void earlyBirdPoint(RunEvent.EarlyBirdPoint point) {
        FxThread.check();
        earlyBirdShown.set(true);
        earlyBird.addPoint(point);
    }

    @Override
    public void earlyBirdDrawn(RunEvent.EarlyBirdDrawn summary) {
        FxThread.check();
        earlyBirdShown.set(true);
        earlyBird.finish(summary);
    }

    @Override
    public void lmcPoint(LmcEvent.LmcPoint point) {
        FxThread.check();
        lmc.addPoint(point);
    }

    @Override
    public void lmcCurve(LmcEvent.LmcCurveDone done, double standardError) {
        FxThread.check();
        lmc.curveDone(done, standardError);
    }

    /** The input image shape {c, h, w} of the first layer, or null when it is not a dense image layer. */
    public int[] inputShape() {
        return inputShape == null ? null : inputShape.clone();
    }

    /** Empties every view. */
    public void clear() {
        heatmap.clear();
        layerSparsity.clear();
        inputPixels.clear();
        accuracy.clear();
        curves.clear();
        lmc.clear();
        earlyBird.clear();
        runDir = null;
        earlyBirdShown.set(false);
        results.clear();
        latestRound.clear();
        layers = List.of();
        inputShape = null;
        baselineSet = false;
        group = null;
    }

    /**
     * Work on an event that needs no JavaFX, done by the thread that sends it (the engine's, niced) before the
     * event is queued for the JavaFX thread: a finished round's masks and weights are packed into bits and kept
     * values here, which took the JavaFX thread 10 to 40 ms for a LeNet-300-100 round while the JIT had not
     * compiled the packing yet (the first rounds of a run). Any thread; several at once for replicates.
     */
    public void prepare(RunEvent event) {
        if (event instanceof RunEvent.RunStarted s) {
            packed.clear(); // rounds of an earlier run that never reached the views
            packingLayers = s.layers();
        } else if (event instanceof RunEvent.RoundFinished f && !f.masks().isEmpty() && packingLayers != null) {
            packed.put(f, MaskHistory.pack(packingLayers, f.masks(), f.finalWeights()));
        }
    }

    /** Rounds packed by {@link #prepare} that the JavaFX thread has not added yet. */
    int preparedRounds() {
        return packed.size();
    }

    @Override
    public void runStarted(RunEvent.RunStarted e) {
        FxThread.check();
        clear();
        runDir = e.runDir();
        refreshStoredPoints();
        layers = e.layers();
        if (e.spec().branches().contains(Branch.EARLY_BIRD)) {
            earlyBird.setThreshold(e.spec().earlyBirdThreshold());
            earlyBirdShown.set(true);
        }
        heatmap.setLayers(e.layers(), e.theta0());
        curves.setIterationRange(e.spec().iterations());
        List<Branch> branches = e.spec().branches();
        heatmap.branchProperty().set(branches.contains(Branch.TICKET) ? Branch.TICKET : branches.get(0));
        inputShape = imageShape(e.layers());
        if (inputShape != null) {
            inputPixels.setInputShape(inputShape[0], inputShape[1], inputShape[2]);
        }
        if (!e.resumedRounds().isEmpty()) {
            accuracy.setResults(e.resumedRounds());
            for (RoundResult r : e.resumedRounds()) {
                results.put(key(r.branch(), r.round()), r);
                latestRound.merge(r.branch(), r.round(), Math::max);
                baseline(r);
            }
        }
    }

    @Override
    public void roundStarted(RunEvent.RoundStarted e) {
        FxThread.check();
        curves.startRound(e.branch(), e.round());
    }

    @Override
    public void losses(List<RunEvent.IterationProgress> samples) {
        FxThread.check();
        for (RunEvent.IterationProgress p : samples) {
            curves.addLoss(p.branch(), p.round(), p.iteration(), p.loss());
        }
    }

    @Override
    public void evaluation(RunEvent.Evaluation e) {
        FxThread.check();
        curves.addPoint(e.branch(), e.round(), e.point());
    }

    @Override
    public void roundFinished(RunEvent.RoundFinished e) {
        FxThread.check();
        applyingRound = true;
        try {
            addRound(e);
        } finally {
            applyingRound = false;
        }
    }

    private void addRound(RunEvent.RoundFinished e) {
        RoundResult r = e.result();
        Branch b = r.branch();
        long t0 = System.nanoTime();
        if (group == null) {
            // a group's rounds reach the accuracy plot tagged with their member (groupResult)
            accuracy.addResult(r);
            baseline(r);
        }
        long t1 = System.nanoTime();
        results.put(key(b, r.round()), r);
        if (!e.masks().isEmpty()) {
            // the heatmap's history keeps every round's masks as bits: the first layer's comes from there
            MaskHistory.PackedRound ahead = packed.remove(e);
            if (ahead != null) {
                heatmap.addRound(b, r.round(), ahead);
            } else {
                heatmap.addRound(b, r.round(), e.masks(), e.finalWeights());
            }
        }
        long t2 = System.nanoTime();
        Integer before = latestRound.get(b);
        latestRound.merge(b, r.round(), Math::max);
        boolean following = before == null || heatmap.roundProperty().get() >= before;
        if (b == heatmap.branchProperty().get() && following && !e.masks().isEmpty()) {
            heatmap.showRound(b, r.round());
        }
        markSideViewsStale();
        if (DEBUG) {
            System.err.printf("lab-debug: round %s/%d: accuracy %.0f ms, heatmap.addRound %.0f ms, showRound %.0f ms%n",
                    b.id(), r.round(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, (System.nanoTime() - t2) / 1e6);
        }
    }

    /**
     * Reads the supermask files of the run shown ({@code supermask-<branch>.csv}, written by {@code lth
     * edge-popup --supermask}) onto the accuracy plot, one marker-only series per IMP branch; a branch without a
     * file has none. Edge-popup rounds need nothing here: they arrive as results of the edge-popup branch.
     */
    public void refreshStoredPoints() {
        if (runDir == null) {
            return;
        }
        org.lotterylab.api.store.EdgePopupStore store =
                new org.lotterylab.api.store.EdgePopupStore(new org.lotterylab.api.store.RunLayout(runDir));
        for (Branch b : Branch.values()) {
            if (b == Branch.EDGE_POPUP) {
                continue;
            }
            List<AccuracySparsityView.MarkedPoint> points = new ArrayList<>();
            try {
                for (org.lotterylab.api.store.SupermaskRow row : store.readSupermasks(b)) {
                    points.add(new AccuracySparsityView.MarkedPoint(100 * row.weightsRemaining(),
                            100 * row.supermaskAccuracy(), supermaskLabel(b, row)));
                }
            } catch (java.io.IOException e) {
                // an unreadable file shows no points; the run itself is unaffected
            }
            accuracy.setPointSeries(supermaskSeries(b), points);
        }
    }

    /** Legend name of a branch's supermask series. */
    static String supermaskSeries(Branch b) {
        return "Supermask of " + b.id() + " (θ0 × mask, untrained)";
    }

    private static String supermaskLabel(Branch b, org.lotterylab.api.store.SupermaskRow row) {
        return String.format(Locale.ROOT, "supermask of %s round %d: θ0 × mask, no training%nweights remaining %.2f%%"
                        + "%ntest accuracy %.2f%% (signed constant %.2f%%; trained %.2f%%)", b.id(), row.round(),
                100 * row.weightsRemaining(), 100 * row.supermaskAccuracy(), 100 * row.signedConstantAccuracy(),
                100 * row.trainedAccuracy());
    }

    private void baseline(RoundResult r) {
        if (r.round() == 0 && (!baselineSet || r.branch() == Branch.TICKET)) {
            accuracy.setDenseBaseline(r.testAccuracy());
            baselineSet = true;
        }
    }

    /**
     * The side views' update after a finished round, which the window runs in the frames after the batch: the
     * layer bars in one frame, the input pixels in the next, so that one frame never carries the heatmap's and
     * the side views' work together.
     */
    public LiveUpdatePump.Deferred deferredWork() {
        return new LiveUpdatePump.Deferred() {
            @Override
            public boolean pending() {
                return barsStale || pixelsStale;
            }

            @Override
            public void run() {
                long t0 = System.nanoTime();
                Optional<RoundResult> r = followedResult();
                if (barsStale) {
                    barsStale = false;
                    r.ifPresent(x -> layerSparsity.show(x.layers()));
                } else {
                    pixelsStale = false;
                    r.ifPresent(LabViews.this::showPixels);
                }
                if (DEBUG) {
                    System.err.printf("lab-debug: side views %.0f ms%n", (System.nanoTime() - t0) / 1e6);
                }
            }
        };
    }

    private void markSideViewsStale() {
        barsStale = true;
        pixelsStale = true;
    }

    /** The user scrubbed (update now) or a round arrived (update in the next frames). */
    private void heatmapMoved() {
        if (applyingRound) {
            markSideViewsStale();
        } else {
            followHeatmap();
        }
    }

    /** Shows the layer bars and input pixels of the heatmap's branch and round. */
    private void followHeatmap() {
        barsStale = false;
        pixelsStale = false;
        followedResult().ifPresent(r -> {
            layerSparsity.show(r.layers());
            showPixels(r);
        });
    }

    /** The result of the heatmap's branch and round, else that branch's latest. */
    private Optional<RoundResult> followedResult() {
        Branch b = heatmap.branchProperty().get();
        int round = heatmap.roundProperty().get();
        RoundResult r = results.get(key(b, round));
        if (r == null && latestRound.containsKey(b)) {
            r = results.get(key(b, latestRound.get(b)));
        }
        return Optional.ofNullable(r);
    }

    private void showPixels(RoundResult r) {
        Optional<Mask> m = heatmap.storedMask(r.branch(), r.round(), 0);
        if (m.isPresent() && inputShape != null) {
            inputPixels.show(m.get());
        }
    }

    /** The result shown by the side views (the heatmap's branch and round), if any. */
    public Optional<RoundResult> shownResult() {
        return Optional.ofNullable(results.get(key(heatmap.branchProperty().get(), heatmap.roundProperty().get())));
    }

    /** The per-layer weights remaining of every round as CSV. */
    public String layerSparsityCsv() {
        StringBuilder sb = new StringBuilder("branch,round,layer,total,remaining,fraction_remaining\n");
        List<RoundResult> all = new ArrayList<>(results.values());
        all.sort(java.util.Comparator.comparing(RoundResult::branch).thenComparingInt(RoundResult::round));
        for (RoundResult r : all) {
            for (LayerSummary l : r.layers()) {
                sb.append(r.branch().id()).append(',').append(r.round()).append(',').append(l.name()).append(',')
                        .append(l.total()).append(',').append(l.remaining()).append(',')
                        .append(String.format(Locale.ROOT, "%.6f", l.fractionRemaining())).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * How many connections each input pixel keeps in the first layer at the heatmap's branch and round, as
     * CSV ({@code channel,y,x,kept,units}); only a header when there is no image layer.
     */
    public String inputPixelCsv() {
        StringBuilder sb = new StringBuilder("channel,y,x,kept,units\n");
        Mask m = heatmap.storedMask(heatmap.branchProperty().get(), heatmap.roundProperty().get(), 0).orElse(null);
        if (m == null || inputShape == null) {
            return sb.toString();
        }
        int units = m.shape()[0];
        int inputs = m.size() / units;
        boolean[] keep = m.keep();
        int h = inputShape[1];
        int w = inputShape[2];
        for (int i = 0; i < inputs; i++) {
            int kept = 0;
            for (int u = 0; u < units; u++) {
                if (keep[u * inputs + i]) {
                    kept++;
                }
            }
            int c = i / (h * w);
            int y = (i % (h * w)) / w;
            int x = i % w;
            sb.append(c).append(',').append(y).append(',').append(x).append(',').append(kept).append(',').append(units).append('\n');
        }
        return sb.toString();
    }

    /** The prunable layers of the run shown. */
    public List<LayerInfo> layers() {
        return layers;
    }

    /**
     * The image shape {c, h, w} that a dense first layer reads (28x28 grey, 32x32 grey or colour), or null
     * for a conv first layer or an unknown input size.
     */
    static int[] imageShape(List<LayerInfo> layers) {
        if (layers.isEmpty() || layers.get(0).shape().length != 2) {
            return null;
        }
        int inputs = layers.get(0).cols();
        if (inputs == 3 * 32 * 32) {
            return new int[]{3, 32, 32};
        }
        int side = (int) Math.round(Math.sqrt(inputs));
        if (side * side == inputs) {
            return new int[]{1, side, side};
        }
        return null;
    }

    private static String key(Branch b, int round) {
        return b.id() + "#" + round;
    }
}
