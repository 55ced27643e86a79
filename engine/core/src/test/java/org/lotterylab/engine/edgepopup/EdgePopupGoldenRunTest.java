package org.lotterylab.engine.edgepopup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.RunLayout;
import org.lotterylab.engine.Backend;
import org.lotterylab.engine.context.ImpContext;
import org.lotterylab.engine.testdata.TinyData;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Pins the result files of two tiny seeded edge-popup sweeps (SGD with cosine decay and kaiming-uniform scores;
 * Adam with weight-magnitude scores) by SHA-256: masks, final weights, scores, metrics, mask flips, keeps,
 * options, summary (without its wall-time column), spec (without the data folder) and layers. Recorded with the
 * edge-popup loop of before it moved onto {@code train.Trainer}, so it proves the move changed no bit.
 *
 * <p>Float arithmetic in BLAS depends on the CPU's kernels, so the pins hold only where a forward pass of the
 * same network gives the same bits as on the recording machine (the {@link #FINGERPRINT}); elsewhere the test
 * is skipped, not failed.
 */
class EdgePopupGoldenRunTest {

    /** SHA-256 of a forward pass of the tiny model from theta_0 on the recording machine (one thread). */
    static final String FINGERPRINT = "5da3ba18aeb70e65f482907de3adb8f2baa77a000a8871e24bca674dfd2d22e0";

    /** SHA-256 over the pinned files of each sweep, recorded before the loop moved. */
    static final Map<String, String> GOLDEN = Map.of(
            "sgd", "b569a44a3a9010c523913bb193eb826ba9d1a30f1cca29e94768a83f143528c7",
            "adam", "c021029af4f854c0013cd3bdd0e81001d6fefbac9f7d43ddb02cd178e2690203");

    /** spec.json lines of fields added after the recording, at their defaults. */
    static final List<String> ADDED_AT_DEFAULT = List.of("  \"width\": 1,");

    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void data() throws Exception {
        data = TinyData.write(tmp.resolve("tiny"), 400, 3);
    }

    static ExperimentSpec spec() {
        Map<String, String> m = new java.util.HashMap<>(Map.of("name", "golden", "dataset", data.toString(),
                "model", "mlp-small", "init", "kaiming-normal", "iterations", "30", "evalInterval", "8",
                "batchSize", "20", "seed", "5"));
        return ExperimentSpec.defaults().with(m);
    }

    static String fingerprint() throws Exception {
        Backend.init(1);
        ImpContext ctx = ImpContext.prepare(spec(), null);
        var net = ctx.newNetwork();
        net.setParams(Nd4j.createFromArray(ctx.theta0()));
        float[] x = ctx.splits().test().pixels();
        int n = ctx.splits().test().count();
        INDArray out = net.output(Nd4j.create(x, new long[] {n, x.length / n}, 'c'), false);
        float[] v = out.dup('c').data().asFloat();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(v.length * 4);
        b.asFloatBuffer().put(v);
        return sha(b.array());
    }

    static String sweep(String name, EdgePopupOptions options) throws Exception {
        // -Dlth.golden.out=DIR keeps the sweeps' files there (to compare them file by file)
        String keep = System.getProperty("lth.golden.out", "");
        Path out = keep.isEmpty() ? tmp.resolve(name) : Path.of(keep).resolve(name);
        List<RunEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());
        RunControl c = new EdgePopupRunner(1).start(spec(), List.of(0.5, 0.2), options, out, events::add);
        if (!c.await(Duration.ofMinutes(3))) {
            throw new AssertionError("sweep did not finish");
        }
        RunEvent last = events.get(events.size() - 1);
        if (!(last instanceof RunEvent.RunFinished)) {
            throw new AssertionError("sweep ended with " + last);
        }
        return digest(RunLayout.of(out, EdgePopupRunner.frozenSpec(spec(), options)).dir());
    }

    /** SHA-256 over every result file's pinned content, in path order. */
    static String digest(Path dir) throws IOException {
        List<String> names;
        try (Stream<Path> s = Files.walk(dir)) {
            names = s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.equals("run.json") && !n.endsWith(".lock")).sorted().toList();
        }
        MessageDigest md = sha();
        for (String n : names) {
            md.update(n.getBytes(StandardCharsets.UTF_8));
            Path f = dir.resolve(n);
            if (n.endsWith(".npz")) {
                for (Map.Entry<String, byte[]> e : entries(f).entrySet()) {
                    md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                    md.update(e.getValue());
                }
            } else if (n.equals("spec.json")) {
                // the data folder is a fresh temporary one; fields added to the spec after the recording are
                // left out at their defaults (they change no bit of training)
                String spec = Files.readString(f).replace(data.toString(), "DATA");
                for (String added : ADDED_AT_DEFAULT) {
                    spec = spec.replace(added + "\n", "");
                }
                md.update(spec.getBytes(StandardCharsets.UTF_8));
            } else if (n.equals("summary.csv")) {
                // the last column is wall time
                for (String line : Files.readAllLines(f)) {
                    md.update(line.substring(0, line.lastIndexOf(',')).getBytes(StandardCharsets.UTF_8));
                }
            } else {
                md.update(Files.readAllBytes(f));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static Map<String, byte[]> entries(Path npz) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(npz.toFile())) {
            for (ZipEntry e : z.stream().toList()) {
                out.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha(byte[] b) {
        return HexFormat.of().formatHex(sha().digest(b));
    }

    @Test
    void tinySeededSweepsGiveThePinnedFilesBitForBit() throws Exception {
        String fp = fingerprint();
        String sgd = sweep("sgd", EdgePopupOptions.defaults());
        String adam = sweep("adam", EdgePopupOptions.defaults().with("optimizer", "adam").with("learningRate", "0.01")
                .with("scoreInit", "weight-magnitude").with("weightInit", "kaiming-normal"));
        System.out.println("edge-popup golden: fingerprint " + fp + " sgd " + sgd + " adam " + adam);
        assumeTrue(FINGERPRINT.equals(fp), "this CPU's BLAS gives other bits than the recording machine's ("
                + fp + "); the pins do not apply here");
        assertEquals(GOLDEN.get("sgd"), sgd, "SGD sweep");
        assertEquals(GOLDEN.get("adam"), adam, "Adam sweep");
    }
}
