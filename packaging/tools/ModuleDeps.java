import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Prints the JDK modules that a class-path application needs, as a comma-separated list for
 * {@code jlink --add-modules}: {@code jdeps --print-module-deps --ignore-missing-deps} over the classes of every
 * jar given (or every jar in a folder given).
 *
 * <p>jdeps cannot take the jars as they are: several are modular jars whose {@code requires} it then tries to
 * resolve, and it stops at the first one missing. So the {@code .class} files (without {@code module-info}) are
 * first copied into one temporary folder, which jdeps reads as plain class-path classes.
 *
 * <pre>java packaging/tools/ModuleDeps.java app/target/lth-app.jar app/target/lib</pre>
 */
public final class ModuleDeps {
    private ModuleDeps() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: java ModuleDeps.java JAR_OR_FOLDER...");
            System.exit(2);
        }
        Path classes = Files.createTempDirectory("lth-jdeps-");
        try {
            int jars = 0;
            for (String a : args) {
                Path p = Path.of(a);
                if (Files.isDirectory(p)) {
                    try (Stream<Path> s = Files.list(p)) {
                        for (Path j : s.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                            extract(j, classes);
                            jars++;
                        }
                    }
                } else {
                    extract(p, classes);
                    jars++;
                }
            }
            ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                    .orElseThrow(() -> new IllegalStateException("jdeps is missing: run this with a JDK, not a JRE"));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            String release = Integer.toString(Runtime.version().feature());
            int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), "--print-module-deps", "--ignore-missing-deps",
                    "-q", "--multi-release", release, classes.toString());
            if (rc != 0) {
                System.err.print(err);
                System.err.println("jdeps failed (exit " + rc + ") over " + jars + " jars");
                System.exit(1);
            }
            List<String> lines = out.toString().lines().filter(l -> !l.isBlank()).toList();
            System.out.println(lines.isEmpty() ? "java.base" : lines.get(lines.size() - 1).trim());
        } finally {
            try (Stream<Path> s = Files.walk(classes)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Copies the class files of {@code jar} (not module-info, not the versioned copies) under {@code dir}. */
    private static void extract(Path jar, Path dir) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> e = z.entries();
            while (e.hasMoreElements()) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.endsWith(".class") || name.endsWith("module-info.class")
                        || name.startsWith("META-INF/") || name.contains("..")) {
                    continue;
                }
                Path target = dir.resolve(name);
                Files.createDirectories(target.getParent());
                try (InputStream in = z.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
