package org.lotterylab.engine.imp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotterylab.api.store.AtomicFiles;
import org.lotterylab.api.store.Json;
import org.lotterylab.api.store.NpyArray;
import org.lotterylab.api.store.Npz;
import org.lotterylab.engine.earlybird.EarlyBirdTracker;

/**
 * The early-bird files of a run directory: {@code early-bird.csv} (one row per evaluation point of the dense
 * round: iteration, distance to the previous mask, largest distance in the window, drawn),
 * {@code early-bird.json} (where the ticket was drawn and the iterations saved),
 * {@code early-bird-distances.npz} (the pairwise distance matrix, points x points, float32) and
 * {@code early-bird-params.npz} (the flat parameters at the drawn point, for the early-bird branch).
 */
final class EarlyBirdFiles {

    static final String CSV = "early-bird.csv";
    static final String JSON = "early-bird.json";
    static final String DISTANCES = "early-bird-distances.npz";
    static final String PARAMS = "early-bird-params.npz";

    private EarlyBirdFiles() {
    }

    static void write(Path runDir, EarlyBirdWatch watch, float[] params, int iterations) throws IOException {
        EarlyBirdTracker t = watch.tracker();
        StringBuilder csv = new StringBuilder(EarlyBirdTracker.CSV_HEADER).append('\n');
        for (EarlyBirdTracker.Point p : t.points()) {
            csv.append(p.csvRow()).append('\n');
        }
        AtomicFiles.writeString(runDir.resolve(CSV), csv.toString());
        int n = t.points().size();
        Npz.writeArrays(runDir.resolve(DISTANCES),
                List.of(NpyArray.ofFloats("distances", new int[] {n, n}, t.pairwiseDistances())));
        Npz.writeArrays(runDir.resolve(PARAMS), List.of(NpyArray.ofFloats("params", new int[] {params.length}, params)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("drawn", t.drawnAt().isPresent());
        json.put("drawn_iteration", t.drawnAt().isPresent() ? t.drawnAt().getAsInt() : iterations);
        json.put("iterations", iterations);
        json.put("iterations_saved", iterations - (t.drawnAt().isPresent() ? t.drawnAt().getAsInt() : iterations));
        AtomicFiles.writeString(runDir.resolve(JSON), Json.write(json) + "\n");
    }

    /** The stored parameters at the drawn point; a clear error when missing or of the wrong size. */
    static float[] readParams(Path runDir, int expected) throws IOException {
        Path f = runDir.resolve(PARAMS);
        if (!Files.exists(f)) {
            throw new IOException(f + " is missing: the early-bird branch needs the dense round's early-bird point "
                    + "(delete round 0 of this run to retrain it)");
        }
        float[] p = Npz.readArrays(f).get(0).asFloats();
        if (p.length != expected) {
            throw new IOException(f + " holds " + p.length + " parameters, the model has " + expected);
        }
        return p;
    }
}
