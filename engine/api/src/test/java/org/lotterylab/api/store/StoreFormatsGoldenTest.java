package org.lotterylab.api.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.run.EdgePopupEvent;

/**
 * The committed golden files of the LMC tables ({@code golden/lmc}: {@code lmc.csv}, {@code instability.csv})
 * and of the edge-popup files ({@code golden/edge-popup}: {@code keeps.csv}, {@code options.json},
 * {@code round-00/mask-flips.csv}) pin their formats like run-v2 pins the run's: today's writers must
 * reproduce them byte for byte and the readers must give back the values written. Regenerate only after an
 * intended format change, by running this test with {@code -Dlth.golden.write=<dir>} and copying the files.
 */
class StoreFormatsGoldenTest {

    @TempDir
    Path tmp;

    static Path golden(String name) {
        try {
            return Path.of(StoreFormatsGoldenTest.class.getResource("/golden/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static final double[] ALPHAS = LmcStore.alphas(5);

    static List<LmcStore.StoredCurve> curves() {
        return List.of(
                new LmcStore.StoredCurve(new LmcStore.Key("round-01", 5, 1), 0.512, 40, ALPHAS,
                        new double[] {0.1, 0.31, 0.4, 0.29, 0.12}, new double[] {0.05, 0.2, 0.22, 0.18, 0.06},
                        1000, 8000),
                new LmcStore.StoredCurve(new LmcStore.Key("dense", 0, 0), 1.0, 40, ALPHAS,
                        new double[] {0.08, 0.0815, 0.09, 0.085, 0.08}, new double[] {0.02, 0.021, 0.025, 0.022,
                            0.02}, 0, 0));
    }

    static Map<Integer, Double> keeps() {
        return Map.of(0, 0.5, 1, 0.3, 2, 0.05);
    }

    static Map<String, String> options() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("iterations", "40");
        m.put("evalInterval", "10");
        m.put("optimizer", "sgd-cosine");
        m.put("learningRate", "0.1");
        m.put("scoreInit", "kaiming-uniform");
        return m;
    }

    static List<EdgePopupEvent.MaskFlips> flips() {
        return List.of(new EdgePopupEvent.MaskFlips(0, 10, 0.5, 30, 30, 1200),
                new EdgePopupEvent.MaskFlips(0, 20, 1.0, 7, 7, 1200),
                new EdgePopupEvent.MaskFlips(0, 25, 1.25, 0, 0, 1200));
    }

    static void writeLmc(Path dir) throws IOException {
        Files.createDirectories(dir);
        LmcStore store = new LmcStore(dir);
        for (LmcStore.StoredCurve c : curves()) {
            store.put(c, 0.02);
        }
    }

    static EdgePopupStore writeEdgePopup(Path dir) throws IOException {
        EdgePopupStore store = new EdgePopupStore(new RunLayout(dir));
        store.writeKeeps(keeps());
        store.writeOptions(options());
        store.writeFlips(0, flips());
        return store;
    }

    private static List<String> files(Path root) throws IOException {
        try (var s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.endsWith(".gitattributes")).sorted().toList();
        }
    }

    private static void assertSameFiles(Path golden, Path fresh) throws IOException {
        String keep = System.getProperty("lth.golden.write", "");
        if (!keep.isEmpty()) {
            Path out = Path.of(keep).resolve(golden.getFileName());
            for (String n : files(fresh)) {
                Files.createDirectories(out.resolve(n).getParent());
                Files.copy(fresh.resolve(n), out.resolve(n), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<String> names = files(golden);
        assertEquals(names, files(fresh));
        for (String n : names) {
            assertEquals(Files.readString(golden.resolve(n)), Files.readString(fresh.resolve(n)), n);
            assertArrayEquals(Files.readAllBytes(golden.resolve(n)), Files.readAllBytes(fresh.resolve(n)), n);
        }
    }

    @Test
    void lmcWriterReproducesTheGoldenFilesAndTheReaderTheCurves() throws IOException {
        Path fresh = tmp.resolve("lmc");
        writeLmc(fresh);
        assertSameFiles(golden("lmc"), fresh);
        List<String> warnings = new ArrayList<>();
        List<LmcStore.StoredCurve> read = new LmcStore(golden("lmc")).read(warnings);
        assertEquals(List.of(), warnings);
        List<LmcStore.StoredCurve> expected = curves().stream().sorted((a, b) -> a.key().network()
                .compareTo(b.key().network())).toList();
        assertEquals(expected.size(), read.size());
        for (int i = 0; i < expected.size(); i++) {
            LmcStore.StoredCurve e = expected.get(i);
            LmcStore.StoredCurve r = read.get(i);
            assertEquals(e.key(), r.key());
            assertEquals(e.weightsRemaining(), r.weightsRemaining());
            assertEquals(e.trainIterations(), r.trainIterations());
            assertArrayEquals(e.alphas(), r.alphas());
            assertArrayEquals(e.testError(), r.testError());
            assertArrayEquals(e.trainError(), r.trainError());
            assertEquals(e.testExamples(), r.testExamples());
            assertEquals(e.trainExamples(), r.trainExamples());
        }
    }

    @Test
    void edgePopupWritersReproduceTheGoldenFilesAndTheReadersTheValues() throws IOException {
        Path fresh = tmp.resolve("edge-popup-run");
        writeEdgePopup(fresh);
        assertSameFiles(golden("edge-popup"), fresh.resolve("edge-popup"));
        EdgePopupStore store = new EdgePopupStore(new RunLayout(golden("edge-popup").getParent()));
        assertEquals(new TreeMap<>(keeps()), store.readKeeps());
        assertEquals(options(), store.readOptions());
        assertEquals(flips(), store.readFlips(0));
        assertEquals(List.of(), store.warnings());
    }

    @Test
    void badRowsAreSkippedWithTheirFileAndLineAndABadHeaderIsATypedError() throws IOException {
        Path run = tmp.resolve("bad");
        EdgePopupStore store = writeEdgePopup(run);
        Files.writeString(store.keepsCsv(), "round,keep\n0,0.5\n1,half\n2,1.5\n3,0.25\n4,0.1");
        assertEquals(new TreeMap<>(Map.of(0, 0.5, 3, 0.25)), store.readKeeps());
        assertEquals(List.of("edge-popup/keeps.csv line 3: keep is not a number: 'half'; skipped",
                "edge-popup/keeps.csv line 4: round 2 keep 1.5 is not a round >= 0 with a keep in (0, 1]; skipped",
                "edge-popup/keeps.csv line 6 truncated; skipped"), store.warnings());

        Files.writeString(store.maskFlips(0), "iteration,epoch,entered\n10,0.5,3\n");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> store.readFlips(0));
        assertEquals("edge-popup/round-00/mask-flips.csv", e.file());
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("header lacks column(s) left, kept"), e.getMessage());

        Path lmcRun = tmp.resolve("bad-lmc");
        writeLmc(lmcRun);
        RunLayout layout = new RunLayout(lmcRun);
        List<String> lines = new ArrayList<>(Files.readAllLines(layout.instabilityCsv()));
        lines.set(2, lines.get(2).replace("round-01,5,1,", "round-01,five,1,"));
        Files.write(layout.instabilityCsv(), lines);
        List<String> warnings = new ArrayList<>();
        List<LmcStore.StoredCurve> read = new LmcStore(lmcRun).read(warnings);
        assertEquals(List.of("dense"), read.stream().map(c -> c.key().network()).toList());
        assertEquals(List.of("instability.csv line 3: k is not an integer: 'five'; skipped"), warnings);
    }
}
