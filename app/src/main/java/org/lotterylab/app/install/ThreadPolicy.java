package org.lotterylab.app.install;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes ND4J's OpenMP threads sleep instead of spin while they wait ({@code OMP_WAIT_POLICY=PASSIVE}). Spinning
 * next to OpenBLAS's own threads oversubscribes small machines: on 2 cores LeNet-300-100 training ran at about
 * 3,300 examples/s spinning and 9,400 passive. The variable is read once when the native library loads, so an
 * installed app (whose jpackage launcher cannot set environment variables) restarts itself once with it set;
 * the {@code lth} script sets it before starting Java.
 */
public final class ThreadPolicy {

    private ThreadPolicy() {
    }

    /** Whether this process should restart itself with the passive policy. */
    static boolean needsRelaunch(Map<String, String> env, String appPath) {
        return appPath != null && !env.containsKey("OMP_WAIT_POLICY") && !env.containsKey("LTH_NO_RELAUNCH");
    }

    /**
     * For an installed app without {@code OMP_WAIT_POLICY}: runs the same command in a child JVM with the passive
     * policy, waits, and exits with its code. Otherwise returns at once. Falls back to running in-process if the
     * child cannot start.
     */
    public static void relaunchIfNeeded(String[] args) {
        if (!needsRelaunch(System.getenv(), System.getProperty("jpackage.app-path"))) {
            return;
        }
        Path javaBin = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win") ? "java.exe" : "java");
        if (!Files.isExecutable(javaBin)) {
            return;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBin.toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent") && !a.startsWith("-Xrunjdwp")) {
                cmd.add(a);
            }
        }
        cmd.add("-Djpackage.app-path=" + System.getProperty("jpackage.app-path"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.lotterylab.app.Main");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        SelfTest.cleanEnvironment(pb.environment());
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        try {
            Process p = pb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
            System.exit(p.waitFor());
        } catch (java.io.IOException e) {
            System.err.println("note: could not restart with OMP_WAIT_POLICY=PASSIVE (" + e.getMessage()
                    + "); training may be slower");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(130);
        }
    }
}
