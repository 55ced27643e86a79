package org.lotterylab.spark;

/**
 * How a sweep runs on Spark.
 *
 * @param master      Spark master URL: {@code local[N]}, {@code spark://HOST:7077}, {@code yarn}, {@code k8s://...}
 * @param maxFailures attempts per point before it counts as failed ({@code spark.task.maxFailures})
 * @param threads     compute threads per run, also Spark's CPUs per task ({@code spark.task.cpus})
 * @param workDir     executor-local folder for runs in progress
 * @param terminal    whether to draw the progress bar in place
 */
public record SweepSettings(String master, int maxFailures, int threads, String workDir, boolean terminal) {

    /** Checks the numbers. */
    public SweepSettings {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("--max-failures must be at least 1 (got " + maxFailures + ")");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1 (got " + threads + ")");
        }
    }

    /**
     * The master Spark is given: local masters carry the retry count ({@code local[N]} becomes
     * {@code local[N,F]}), since local mode ignores {@code spark.task.maxFailures}.
     */
    public String effectiveMaster() {
        if (master.equals("local")) {
            return "local[1," + maxFailures + "]";
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("local\\[(\\d+|\\*)]").matcher(master);
        return m.matches() ? "local[" + m.group(1) + "," + maxFailures + "]" : master;
    }

    /** Whether the driver and executors share this JVM (local modes other than local-cluster). */
    public boolean embedded() {
        return master.startsWith("local") && !master.startsWith("local-cluster");
    }
}
