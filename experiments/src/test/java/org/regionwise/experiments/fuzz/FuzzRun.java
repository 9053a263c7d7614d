package org.regionwise.experiments.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.regionwise.experiments.cli.Main;
import org.regionwise.experiments.io.OutputLock;
import org.regionwise.experiments.io.StaleTemporaries;

/**
 * One fuzz case: the command line run in this JVM with a time limit, the files of a folder compared
 * before and after (everything outside {@code output} must stay byte for byte), no temporary and no
 * lock file left anywhere under it, and a verdict ({@link FuzzVerdict}) from the exit code and stderr.
 */
public final class FuzzRun {
    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-case");
        t.setDaemon(true); // a hung case must not keep the test JVM alive
        return t;
    });

    /** What a case may end in besides a clear error. */
    public enum Expect {
        /** The input is wrong: exit 0 would be a silent wrong result. */
        ERROR,
        /** The input may be valid: exit 0 is a documented result if the oracle agrees. */
        ERROR_OR_RESULT
    }

    /** What the run did. */
    public record Outcome(int exitCode, boolean timedOut, String out, String err, List<String> changed, List<String> leftovers) {
        /** Whether stderr is exactly one non-empty line. */
        public boolean oneLine() {
            String e = err.strip();
            return !e.isEmpty() && !e.contains("\n");
        }

        @Override
        public String toString() {
            return "exit " + exitCode + (timedOut ? " (timed out)" : "") + ", stderr: " + err.strip()
                    + (changed.isEmpty() ? "" : ", changed: " + changed) + (leftovers.isEmpty() ? "" : ", left: " + leftovers);
        }
    }

    private FuzzRun() {}

    /**
     * Runs {@code args} with {@code world} as the folder to watch, {@code output} (inside it, or null) as
     * the only place allowed to change.
     */
    public static Outcome run(Path world, Path output, int seconds, String... args) throws IOException {
        Map<String, String> before = snapshot(world, output);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Future<Integer> future = RUNNER.submit(() -> Main.run(new PrintWriter(out), new PrintWriter(err), args));
        int code;
        boolean timedOut = false;
        try {
            code = future.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            code = -1;
            timedOut = true;
        } catch (Exception e) {
            code = -2;
            err.write("test harness: " + e);
        }
        Map<String, String> after = snapshot(world, output);
        List<String> changed = new ArrayList<>();
        before.forEach((name, hash) -> {
            if (!hash.equals(after.get(name))) changed.add(name);
        });
        after.keySet().stream().filter(n -> !before.containsKey(n)).forEach(changed::add);
        return new Outcome(code, timedOut, out.toString(), err.toString(), changed, leftovers(world));
    }

    /**
     * The verdict: a hang, lost data, an internal error, then exit 0 (documented if allowed and
     * {@code resultOk}, else silent wrong), then a clear error if stderr is one line that contains one of
     * {@code names} and the exit code is 1 or 2 ({@code expectedCode} when not 0).
     */
    public static FuzzVerdict judge(Outcome o, Expect expect, boolean resultOk, int expectedCode, String... names) {
        if (o.timedOut()) return FuzzVerdict.HANG;
        if (!o.changed().isEmpty() || !o.leftovers().isEmpty()) return FuzzVerdict.DATA_LOST;
        String err = o.err();
        if (err.contains("internal error") || err.contains("out of memory") || err.contains("Exception")
                || err.contains("\tat ") || o.exitCode() < 0) {
            return FuzzVerdict.INTERNAL_ERROR;
        }
        if (o.exitCode() == 0) return expect == Expect.ERROR_OR_RESULT && resultOk ? FuzzVerdict.DOCUMENTED : FuzzVerdict.SILENT_WRONG;
        boolean named = names.length == 0;
        for (String n : names) named |= err.contains(n);
        boolean code = expectedCode == 0 ? o.exitCode() == 1 || o.exitCode() == 2 : o.exitCode() == expectedCode;
        return o.oneLine() && named && code ? FuzzVerdict.CLEAR_ERROR : FuzzVerdict.POOR_ERROR;
    }

    /**
     * Temporaries of the atomic writer anywhere under {@code root}, and lock files still naming a holder
     * (a released {@link OutputLock} file is empty).
     */
    public static List<String> leftovers(Path root) throws IOException {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> StaleTemporaries.isTemporaryName(p.getFileName().toString())
                            || p.getFileName().toString().equals(OutputLock.NAME) && size(p) > 0)
                    .map(p -> root.relativize(p).toString())
                    .toList();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Name to SHA-256 of every file under {@code root}, except under {@code output} (when not null). */
    public static Map<String, String> snapshot(Path root, Path output) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        if (!Files.isDirectory(root)) return hashes;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            if (output != null && file.toAbsolutePath().startsWith(output.toAbsolutePath())) continue;
            String name = file.getFileName().toString();
            if (StaleTemporaries.isTemporaryName(name) || name.equals(OutputLock.NAME)) continue; // reported as leftovers
            hashes.put(root.relativize(file).toString(), sha256(file));
        }
        return hashes;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
