package org.lotterylab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.engine.testdata.TinyData;

/**
 * Spark's {@code local-cluster[2,1,1024]} mode: a master and two workers in this JVM, each launching a
 * separate executor JVM, so points really cross process boundaries (serialized tasks, the shipped class
 * path, ND4J natives loaded in each executor), as on a standalone cluster.
 */
class LocalClusterSweepTest {

    @TempDir
    static Path tmp;

    @Test
    void twoPointsRunInSeparateExecutorJvmsAndEqualTheEmbeddedRuns() throws Exception {
        Path data = TinyData.write(tmp.resolve("tiny"), 400, 3);
        SweepPlan plan = SweepPlan.of(SparkSweepTest.tinyBase(data), List.of(GridAxis.parse("seed=5,6")), 1);
        Map<String, String> conf = clusterConf();
        Path target = tmp.resolve("cluster");
        SweepSettings s = new SweepSettings("local-cluster[2,1,1024]", 2, 1, tmp.resolve("work").toString(), false);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        SparkSweep.Result r;
        try (PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            r = new SparkSweep(s, ps).run(plan, RunTarget.toUri(target.toString()), conf);
        }
        String log = buf.toString(StandardCharsets.UTF_8);
        assertEquals(2, r.count(PointOutcome.Status.TRAINED), log);
        assertTrue(log.contains("master local-cluster[2,1,1024]"), log);
        for (SweepPoint p : plan.points()) {
            PointOutcome o = r.outcomes().get(p.index());
            assertNotEquals("", o.host(), "ran on an executor");
            Path local = tmp.resolve("embedded");
            var c = new org.lotterylab.engine.imp.ImpRunner(1).start(p.spec(), local, e -> { });
            assertTrue(c.await(java.time.Duration.ofMinutes(3)));
            RunFiles.assertSameRun(local.resolve(p.runDir()), target.resolve(p.runDir()));
        }
    }

    /**
     * Workers start executors from {@code $SPARK_HOME/jars}: point them at this test's class path (surefire
     * sets {@code SPARK_HOME} to an empty folder under target/ that is filled here).
     */
    static Map<String, String> clusterConf() throws Exception {
        String home = System.getenv("SPARK_HOME");
        assertTrue(home != null && !home.isBlank(), "surefire sets SPARK_HOME");
        Path jars = Path.of(home, "jars");
        Files.createDirectories(jars);
        List<String> dirs = new ArrayList<>();
        for (String e : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .split(File.pathSeparator)) {
            Path p = Path.of(e);
            if (Files.isDirectory(p)) {
                dirs.add(p.toString());
            } else if (e.endsWith(".jar") && Files.exists(p)) {
                Path link = jars.resolve(p.getFileName());
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, p);
                }
            }
        }
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.executor.extraClassPath", String.join(File.pathSeparator, dirs));
        conf.put("spark.executorEnv.SPARK_SCALA_VERSION", "2.13");
        conf.put("spark.executorEnv.OMP_NUM_THREADS", "1");
        conf.put("spark.executor.extraJavaOptions", "-Dorg.nd4j.log.initialization=false");
        return conf;
    }
}
