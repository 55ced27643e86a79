package org.lotterylab.spark;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The sweep's output folder on a Hadoop FileSystem ({@code file:///...}, {@code hdfs://...}, {@code s3a://...}).
 * Runs are written on local disk and published whole: copied under a temporary name, then renamed, so a
 * reader never sees a half-written run. Unfinished runs are checkpointed to {@code _partial/<run>} the same
 * way, so a retry on another machine can resume them. Local file systems are used raw (no {@code .crc} side
 * files), so a published run holds exactly the files {@code lth imp} writes.
 */
public final class RunTarget {

    /** Folder of checkpoints of unfinished runs. */
    public static final String PARTIAL = "_partial";

    private final FileSystem fs;
    private final Path root;

    private RunTarget(FileSystem fs, Path root) {
        this.fs = fs;
        this.root = root;
    }

    /** Opens {@code uri} with the given Hadoop settings. */
    public static RunTarget open(URI uri, Map<String, String> hadoopConf) throws IOException {
        Configuration conf = new Configuration(false);
        hadoopConf.forEach(conf::set);
        FileSystem fs = FileSystem.get(uri, conf);
        if (fs instanceof LocalFileSystem local) {
            fs = local.getRawFileSystem();
        }
        Path root = fs.makeQualified(new Path(uri));
        fs.mkdirs(root);
        return new RunTarget(fs, root);
    }

    /** A plain path or URI as a URI; a path without a scheme is a local absolute {@code file:} URI. */
    public static URI toUri(String out) {
        URI u = URI.create(out.replace(" ", "%20"));
        if (u.getScheme() == null || u.getScheme().length() == 1) {
            u = java.nio.file.Path.of(out).toAbsolutePath().normalize().toUri();
        }
        String s = u.toString();
        return s.endsWith("/") && u.getPath().length() > 1 ? URI.create(s.substring(0, s.length() - 1)) : u;
    }

    /** Every entry of a Hadoop configuration, to rebuild it on an executor. */
    public static Map<String, String> settings(Configuration conf) {
        Map<String, String> m = new HashMap<>();
        conf.forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    /** The target folder, fully qualified. */
    public URI uri() {
        return root.toUri();
    }

    /** Whether the published run {@code runDir} of {@code point} has every round of every branch. */
    public boolean isComplete(SweepPoint point) throws IOException {
        String text = readText(point.runDir() + "/summary.csv");
        return text != null && RunCompleteness.isComplete(point.spec(), text);
    }

    /** A file under the target as text, or null when absent. */
    public String readText(String relative) throws IOException {
        Path p = new Path(root, relative);
        try (InputStream in = fs.open(p)) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toString(StandardCharsets.UTF_8);
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    /** Writes a small file under the target atomically (temporary name, then rename). */
    public void writeText(String relative, String text) throws IOException {
        Path dst = new Path(root, relative);
        Path tmp = new Path(root, "." + dst.getName() + ".tmp-" + UUID.randomUUID());
        try (OutputStream o = fs.create(tmp, true)) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
        replace(tmp, dst);
    }

    /**
     * The best copy to resume {@code runDir} from: the published run if present (an interrupted
     * {@code lth imp}), else its checkpoint; null when neither exists.
     */
    public Path resumeSource(String runDir) throws IOException {
        Path published = new Path(root, runDir);
        if (fs.exists(published)) {
            return published;
        }
        Path partial = new Path(new Path(root, PARTIAL), runDir);
        return fs.exists(partial) ? partial : null;
    }

    /** Copies a run folder from the target to local disk ({@code local} must not exist yet). */
    public void download(Path src, java.nio.file.Path local) throws IOException {
        Files.createDirectories(local.getParent());
        fs.copyToLocalFile(false, src, new Path(local.toUri()), true);
    }

    /** Publishes a finished local run as {@code <root>/<runDir>} and drops its checkpoint. */
    public void publish(java.nio.file.Path local, String runDir) throws IOException {
        // the run has ended: its writer lock names the executor's pid, meaningless on the target
        java.nio.file.Files.deleteIfExists(local.resolve(org.lotterylab.engine.util.RunLock.FILE));
        publishTo(local, new Path(root, runDir));
        fs.delete(new Path(new Path(root, PARTIAL), runDir), true);
    }

    /** Checkpoints an unfinished local run as {@code <root>/_partial/<runDir>}. */
    public void checkpoint(java.nio.file.Path local, String runDir) throws IOException {
        Path dir = new Path(root, PARTIAL);
        fs.mkdirs(dir);
        publishTo(local, new Path(dir, runDir));
    }

    /** Removes the checkpoint folder when no unfinished run is left in it. */
    public void dropEmptyCheckpoints() throws IOException {
        Path dir = new Path(root, PARTIAL);
        if (fs.exists(dir) && fs.listStatus(dir).length == 0) {
            fs.delete(dir, false);
        }
    }

    private void publishTo(java.nio.file.Path local, Path dst) throws IOException {
        Path tmp = new Path(dst.getParent(), "." + dst.getName() + ".tmp-" + UUID.randomUUID());
        fs.copyFromLocalFile(false, true, new Path(local.toUri()), tmp);
        replace(tmp, dst);
    }

    /** Renames {@code tmp} onto {@code dst}, removing an older {@code dst} first (rename never overwrites). */
    private void replace(Path tmp, Path dst) throws IOException {
        if (fs.exists(dst)) {
            fs.delete(dst, true);
        }
        if (!fs.rename(tmp, dst)) {
            fs.delete(tmp, true);
            throw new IOException("could not rename " + tmp + " to " + dst);
        }
    }
}
