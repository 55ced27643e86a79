package org.lotterylab.api.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.mask.LayerSummary;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.spec.Choice;
import org.lotterylab.api.spec.LayerKind;

/**
 * The two layer tables of a run. The run-level {@code layers.csv} lists the prunable layers
 * ({@code name,kind,shape}, shape written like {@code 300x784}); a round's {@code layers.csv} gives the
 * weights remaining per layer ({@code name,total,remaining,fraction_remaining}). Rows keep network order.
 * Reading is tolerant (see {@link Parsed}); a missing file reads as empty.
 */
public final class LayersCsv {

    /** Header of the run-level table. */
    public static final String LAYERS_HEADER = "name,kind,shape";
    /** Header of a round's table. */
    public static final String ROUND_HEADER = "name,total,remaining,fraction_remaining";

    private LayersCsv() {
    }

    /** A shape as {@code 300x784} ({@code 64x1x3x3} for conv kernels; empty for a scalar). */
    public static String shapeText(int[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : "x").append(shape[i]);
        }
        return sb.toString();
    }

    /** Parses {@link #shapeText(int[])}. */
    public static int[] parseShape(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return new int[0];
        }
        String[] parts = t.split("x", -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad shape '" + text + "' (expected e.g. 300x784)");
            }
            if (out[i] < 0) {
                throw new IllegalArgumentException("bad shape '" + text + "': negative dimension");
            }
        }
        return out;
    }

    /** The run-level table text. */
    public static String formatLayers(List<LayerInfo> layers) {
        StringBuilder sb = new StringBuilder(LAYERS_HEADER).append('\n');
        for (LayerInfo l : layers) {
            sb.append(Csv.cell("layer name", l.name())).append(',').append(l.kind().id()).append(',')
                    .append(shapeText(l.shape())).append('\n');
        }
        return sb.toString();
    }

    /** Parses the run-level table. */
    public static Parsed<LayerInfo> parseLayers(String text, String source) {
        return Csv.parse(text, source, List.of("name", "kind", "shape"), row -> new LayerInfo(row.text("name"),
                Choice.parse(LayerKind.class, "kind", row.text("kind")), layerShape(row.text("shape"))));
    }

    /** A prunable layer's shape: at least one dimension, none 0, at most 2^31-9 weights in all. */
    private static int[] layerShape(String text) {
        int[] shape = parseShape(text);
        long n = shape.length == 0 ? 0 : 1;
        for (int s : shape) {
            n *= s;
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("shape '" + text + "' holds too many weights");
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("shape '" + text + "' holds no weights");
        }
        return shape;
    }

    /** Reads the run-level table; a missing file gives an empty result. */
    public static Parsed<LayerInfo> readLayers(Path file) throws IOException {
        return parseLayers(Csv.readOrNull(file), file.getFileName().toString());
    }

    /** Atomically writes the run-level table. */
    public static void writeLayers(Path file, List<LayerInfo> layers) throws IOException {
        AtomicFiles.writeString(file, formatLayers(layers));
    }

    /** A round's table text; {@code fraction_remaining} with full double precision. */
    public static String formatSummaries(List<LayerSummary> layers) {
        StringBuilder sb = new StringBuilder(ROUND_HEADER).append('\n');
        for (LayerSummary l : layers) {
            sb.append(Csv.cell("layer name", l.name())).append(',').append(l.total()).append(',').append(l.remaining())
                    .append(',').append(Csv.num(l.fractionRemaining())).append('\n');
        }
        return sb.toString();
    }

    /** Parses a round's table ({@code fraction_remaining} is derived, so it is not read back). */
    public static Parsed<LayerSummary> parseSummaries(String text, String source) {
        return Csv.parse(text, source, List.of("name", "total", "remaining"), row -> {
            int total = row.integer("total");
            int remaining = row.integer("remaining");
            if (total < 0 || remaining < 0 || remaining > total) {
                throw new IllegalArgumentException("remaining " + remaining + " not in [0, total " + total + "]");
            }
            return new LayerSummary(row.text("name"), total, remaining);
        });
    }

    /** Reads a round's table; a missing file gives an empty result. */
    public static Parsed<LayerSummary> readSummaries(Path file, String source) throws IOException {
        return parseSummaries(Csv.readOrNull(file), source);
    }

    /** Atomically writes a round's table. */
    public static void writeSummaries(Path file, List<LayerSummary> layers) throws IOException {
        AtomicFiles.writeString(file, formatSummaries(layers));
    }

    /** Per-layer summaries computed from masks (total = size, remaining = kept). */
    public static List<LayerSummary> summariesOf(List<Mask> masks) {
        return masks.stream().map(m -> new LayerSummary(m.name(), m.size(), m.kept())).toList();
    }
}
