package org.lotterylab.app.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.store.Json;
import org.lotterylab.api.store.Npz;

/**
 * Reads a run directory's early-bird files ({@code early-bird.csv}, {@code early-bird.json},
 * {@code early-bird-distances.npz}, written by the engine at the end of the dense round) back into the events a
 * live run sends: one {@link RunEvent.EarlyBirdPoint} per row, then the {@link RunEvent.EarlyBirdDrawn} summary.
 */
public final class StoredEarlyBird {
    static final String CSV = "early-bird.csv";
    static final String JSON = "early-bird.json";
    static final String DISTANCES = "early-bird-distances.npz";

    private StoredEarlyBird() {
    }

    /** Whether {@code dir} holds early-bird files. */
    public static boolean present(Path dir) {
        return Files.exists(dir.resolve(CSV));
    }

    /**
     * The events of the stored early-bird points; empty when the run has none.
     *
     * @throws IOException when a file is missing or malformed (the message names it)
     */
    public static List<RunEvent> read(Path dir) throws IOException {
        if (!present(dir)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(dir.resolve(CSV));
        Path npz = dir.resolve(DISTANCES);
        Path json = dir.resolve(JSON);
        if (!Files.exists(npz) || !Files.exists(json)) {
            throw new IOException(dir + " has " + CSV + " but not " + (Files.exists(npz) ? JSON : DISTANCES));
        }
        float[] d = Npz.readArrays(npz).get(0).asFloats();
        int n = lines.size() - 1;
        if (n < 0 || d.length != n * n) {
            throw new IOException(DISTANCES + " holds " + d.length + " distances for " + Math.max(0, n)
                    + " points in " + CSV);
        }
        List<RunEvent> out = new ArrayList<>();
        int[] its = new int[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            if (f.length != 4) {
                throw new IOException(CSV + " line " + (i + 2) + ": expected 4 fields, got " + f.length);
            }
            try {
                its[i] = Integer.parseInt(f[0].trim());
                float[] row = new float[i];
                System.arraycopy(d, i * n, row, 0, i);
                out.add(new RunEvent.EarlyBirdPoint(i, its[i], num(f[1]), num(f[2]), Boolean.parseBoolean(f[3].trim()),
                        row));
            } catch (NumberFormatException e) {
                throw new IOException(CSV + " line " + (i + 2) + ": " + e.getMessage(), e);
            }
        }
        Map<String, Object> s;
        try {
            s = Json.parseObject(Files.readString(json));
        } catch (IllegalArgumentException e) {
            throw new IOException(JSON + ": " + e.getMessage(), e);
        }
        out.add(new RunEvent.EarlyBirdDrawn(Boolean.TRUE.equals(s.get("drawn")), intOf(s, "drawn_iteration"),
                intOf(s, "iterations"), intOf(s, "iterations_saved"), its, d));
        return out;
    }

    /** {@link #read}, with a problem reported as a note rather than thrown (for the window's readers). */
    static List<RunEvent> readOrNote(Path dir) {
        try {
            return read(dir);
        } catch (IOException | UncheckedIOException e) {
            return List.of(new RunEvent.Note("early-bird files of " + dir.getFileName() + " unreadable: "
                    + e.getMessage()));
        }
    }

    private static double num(String s) {
        String t = s.trim();
        return t.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(t);
    }

    private static int intOf(Map<String, Object> m, String key) throws IOException {
        if (!(m.get(key) instanceof Number v)) {
            throw new IOException(JSON + " lacks the number " + key);
        }
        return v.intValue();
    }
}
