package org.lotterylab.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.run.EdgePopupEvent;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.api.store.Json;
import org.lotterylab.api.store.LayersCsv;
import org.lotterylab.api.store.LmcStore;
import org.lotterylab.api.store.MetricsCsv;
import org.lotterylab.api.store.Parsed;
import org.lotterylab.api.store.RunLayout;
import org.lotterylab.api.store.SpecJson;
import org.lotterylab.api.store.StoredRun;
import org.lotterylab.api.store.SummaryCsv;
import org.lotterylab.api.store.EdgePopupStore;

/**
 * Fuzzes every CSV and JSON reader of the run store, a whole {@link StoredRun} with one of its files damaged,
 * and the LMC and edge-popup files. Tolerant readers (the CSV tables, run.json) must never throw; strict
 * ones throw an {@link IOException} naming the file (or, for spec values, a {@link SpecException}).
 */
class StoreReadersFuzzTest {

    /** The committed golden run of engine/api (run from the engine/core module folder). */
    static final Path GOLDEN = Path.of("..", "api", "src", "test", "resources", "golden", "run-v1");

    @TempDir
    Path tmp;
    Path run;

    @BeforeEach
    void copyGolden() throws IOException {
        run = tmp.resolve("run");
        try (Stream<Path> files = Files.walk(GOLDEN)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = run.resolve(GOLDEN.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    private static boolean io(Throwable t) {
        return t instanceof IOException;
    }

    private static boolean never(Throwable t) {
        return false;
    }

    private static void textFuzz(String reader, Path file, FuzzHarness.Reader read, java.util.function.Predicate<Throwable> typed,
                                 FuzzHarness.Check check) throws IOException {
        String valid = Files.readString(file, StandardCharsets.UTF_8);
        FuzzHarness.run(reader, file, FuzzHarness.textCases(valid, reader.hashCode()), read, typed, check);
    }

    private static void rows(Object parsed) {
        Parsed<?> p = (Parsed<?>) parsed;
        assertNotNull(p.rows());
        assertNotNull(p.warnings());
    }

    /** Opens the run and reads everything it lists. */
    private static Object readAll(Path dir) throws IOException {
        StoredRun r = StoredRun.open(dir);
        r.layers();
        r.runInfo();
        r.warnings();
        for (RoundResult res : r.results()) {
            assertTrue(res.round() >= 0, "round " + res.round());
            r.masks(res.branch(), res.round());
            r.finalWeights(res.branch(), res.round());
            r.metrics(res.branch(), res.round());
        }
        r.theta0();
        r.thetaK();
        r.refresh();
        return r;
    }

    @Test
    void summaryCsv() throws IOException {
        textFuzz("summary.csv", run.resolve("summary.csv"), SummaryCsv::read, StoreReadersFuzzTest::never,
                StoreReadersFuzzTest::rows);
    }

    @Test
    void metricsCsv() throws IOException {
        Path f = run.resolve("ticket/round-01/metrics.csv");
        textFuzz("metrics.csv", f, p -> MetricsCsv.read(p, "ticket/round-01/metrics.csv"),
                StoreReadersFuzzTest::never, StoreReadersFuzzTest::rows);
    }

    @Test
    void layersCsv() throws IOException {
        textFuzz("layers.csv", run.resolve("layers.csv"), LayersCsv::readLayers, StoreReadersFuzzTest::never,
                parsed -> {
                    rows(parsed);
                    for (Object o : ((Parsed<?>) parsed).rows()) {
                        org.lotterylab.api.mask.LayerInfo l = (org.lotterylab.api.mask.LayerInfo) o;
                        long n = 1;
                        for (int s : l.shape()) {
                            assertTrue(s > 0, "dimension " + s);
                            n *= s;
                        }
                        assertEquals(n, l.size());
                    }
                });
    }

    @Test
    void layersCsvSkipsShapesWithoutWeightsOrWithTooMany() {
        // found by the fuzzer (-Pfuzz, 22 of 10,000 cases): "0x10" made a layer of no weights, whose cols() divides
        // by zero; "65536x65536" overflowed its size
        for (String shape : new String[] {"0", "0x10", "3x0", "", "65536x65536"}) {
            Parsed<org.lotterylab.api.mask.LayerInfo> p = LayersCsv.parseLayers(
                    "name,kind,shape\nfc1,hidden," + shape + "\noutput,output,2x3\n", "layers.csv");
            assertEquals(1, p.rows().size(), shape);
            assertEquals(1, p.warnings().size(), shape);
            assertTrue(p.warnings().get(0).contains("layers.csv line 2"), p.warnings().get(0));
        }
    }

    @Test
    void roundLayersCsv() throws IOException {
        Path f = run.resolve("ticket/round-01/layers.csv");
        textFuzz("round-layers.csv", f, p -> LayersCsv.readSummaries(p, "ticket/round-01/layers.csv"),
                StoreReadersFuzzTest::never, StoreReadersFuzzTest::rows);
    }

    @Test
    void specJson() throws IOException {
        Path f = run.resolve("spec.json");
        String valid = Files.readString(f);
        FuzzHarness.run("spec.json", f, FuzzHarness.textCases(valid, 41), SpecJson::read,
                t -> t instanceof IOException || t instanceof SpecException, t -> t instanceof SpecException,
                spec -> assertNotNull(spec));
    }

    @Test
    void jsonParser() throws IOException {
        Path f = run.resolve("run.json");
        String valid = Files.readString(f);
        FuzzHarness.run("json", f, FuzzHarness.textCases(valid, 43),
                p -> Json.parseObject(new String(Files.readAllBytes(p), StandardCharsets.UTF_8)),
                t -> t instanceof Json.JsonException,
                t -> t instanceof Json.JsonException, m -> assertNotNull(m));
    }

    @Test
    void storedRunWithOneDamagedFile() throws IOException {
        // case i damages file i % targets (the others stay valid), so every file gets its share of the cases
        List<String> targets = List.of("spec.json", "run.json", "summary.csv", "layers.csv", "theta-0.npz",
                "theta-k.npz", "ticket/round-01/masks.npz", "ticket/round-01/weights-final.npz",
                "ticket/round-01/metrics.csv", "ticket/round-01/layers.csv");
        Map<String, byte[]> valid = new LinkedHashMap<>();
        for (String t : targets) {
            valid.put(t, Files.readAllBytes(run.resolve(t)));
        }
        Path scratch = tmp.resolve("case.bin");
        int[] current = {0};
        java.util.function.IntFunction<Mutator.Case> cases = i -> {
            String t = targets.get(i % targets.size());
            current[0] = i % targets.size();
            int k = i / targets.size();
            byte[] v = valid.get(t);
            Mutator.Case c = t.endsWith(".npz")
                    ? FuzzHarness.binaryCases(v, new Mutator.Binary(64, List.of(), List.of()), t.hashCode()).apply(k)
                    : FuzzHarness.textCases(new String(v, StandardCharsets.UTF_8), t.hashCode()).apply(k);
            return new Mutator.Case(t + ": " + c.how(), c.bytes());
        };
        FuzzHarness.run("stored-run", scratch, cases, p -> {
            String t = targets.get(current[0]);
            Path f = run.resolve(t);
            Files.copy(p, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try {
                return readAll(run);
            } catch (IOException e) {
                if (e.getMessage() == null || !e.getMessage().contains(f.getFileName().toString())) {
                    throw new AssertionError("error does not name " + t + ": " + e, e);
                }
                throw new IOException(p.getFileName() + " as " + t + ": " + e.getMessage(), e);
            } finally {
                Files.write(f, valid.get(t));
            }
        }, StoreReadersFuzzTest::io, StoreReadersFuzzTest::never, r -> assertNotNull(r));
    }

    @Test
    void lmcFiles() throws IOException {
        LmcStore store = new LmcStore(run);
        double[] alphas = {0, 0.5, 1};
        store.put(new LmcStore.StoredCurve(new LmcStore.Key("dense", 0, 0), 1.0, 20, alphas,
                new double[] {0.1, 0.3, 0.12}, new double[] {0.05, 0.2, 0.06}, 1000, 8000), 0.02);
        store.put(new LmcStore.StoredCurve(new LmcStore.Key("round-01", 5, 1), 0.5, 20, alphas,
                new double[] {0.2, 0.25, 0.21}, new double[] {0.1, 0.15, 0.1}, 1000, 8000), 0.02);
        RunLayout layout = new RunLayout(run);
        for (Path f : List.of(layout.lmcCsv(), layout.instabilityCsv())) {
            textFuzz("lmc:" + f.getFileName(), f, p -> {
                List<String> warnings = new ArrayList<>();
                List<LmcStore.StoredCurve> curves = new LmcStore(run).read(warnings);
                for (LmcStore.StoredCurve c : curves) {
                    assertEquals(c.alphas().length, c.testError().length);
                    assertEquals(c.alphas().length, c.trainError().length);
                }
                return curves;
            }, StoreReadersFuzzTest::io, c -> assertNotNull(c));
        }
    }

    @Test
    void edgePopupFiles() throws IOException {
        EdgePopupStore store = new EdgePopupStore(new RunLayout(run));
        store.writeKeeps(new TreeMap<>(Map.of(0, 0.5, 1, 0.3)));
        Map<String, String> options = new LinkedHashMap<>();
        options.put("keep", "0.5,0.3");
        options.put("scoreInit", "kaiming-uniform");
        store.writeOptions(options);
        store.writeFlips(0, List.of(new EdgePopupEvent.MaskFlips(0, 10, 0.5, 3, 2, 100),
                new EdgePopupEvent.MaskFlips(0, 20, 1.0, 1, 1, 102)));
        textFuzz("edge-popup:keeps.csv", store.keepsCsv(), p -> store.readKeeps(), StoreReadersFuzzTest::io,
                k -> ((TreeMap<?, ?>) k).forEach((r, v) -> assertTrue((Integer) r >= 0 && (Double) v > 0
                        && (Double) v <= 1)));
        textFuzz("edge-popup:options.json", store.optionsJson(), p -> store.readOptions(), StoreReadersFuzzTest::io,
                o -> assertNotNull(o));
        textFuzz("edge-popup:mask-flips.csv", store.maskFlips(0), p -> store.readFlips(0), StoreReadersFuzzTest::io,
                f -> assertNotNull(f));
    }
}
