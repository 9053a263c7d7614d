package org.regionwise.experiments.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.regionwise.experiments.io.Json;

/**
 * scipy's {@code distance_transform_edt} timed in a Python subprocess on the same ellipsoid mask as the
 * maps benchmark: the script {@code scipy_edt.py} (a resource beside this class) is fed to
 * {@code python - args} on its standard input, builds the mask as {@code Phantoms}' javadoc gives it, and
 * prints one JSON object. The default interpreter is Debian's {@code /usr/bin/python3}, whose
 * {@code python3-scipy} package is what the benchmark expects (a {@code python3} earlier on PATH may be
 * another installation without scipy).
 */
public final class ScipyEdt {
    public static final String DEFAULT_PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = "scipy_edt.py";
    private static final long TIMEOUT_MINUTES = 15;

    private ScipyEdt() {}

    /** The script's JSON, or why there is none. */
    public record Outcome(Map<String, Object> json, String reason) {}

    public static Outcome run(String python, int[] dims, double fraction, int warmups, int runs) {
        if (python.contains("/") && !Files.isExecutable(Path.of(python))) {
            return new Outcome(null, "scipy: " + python + " not found (install Debian's python3-scipy: "
                    + "apt-get install python3-scipy)");
        }
        List<String> command = new ArrayList<>(List.of(python, "-", String.valueOf(dims[0]), String.valueOf(dims[1]),
                String.valueOf(dims[2]), String.valueOf(fraction), String.valueOf(warmups), String.valueOf(runs)));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            return new Outcome(null, "scipy: cannot start " + python + " (" + e.getMessage() + ")");
        }
        try {
            byte[] script;
            try (InputStream in = ScipyEdt.class.getResourceAsStream(SCRIPT)) {
                if (in == null) throw new IllegalStateException("resource " + SCRIPT + " missing from the CLI jar");
                script = in.readAllBytes();
            }
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(script);
            }
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> {
                try {
                    process.getErrorStream().transferTo(err);
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "scipy-stderr");
            errReader.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Outcome(null, "scipy: " + python + " did not finish in " + TIMEOUT_MINUTES + " minutes");
            }
            errReader.join();
            String stderr = err.toString(StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                if (stderr.contains("No module named 'scipy'") || stderr.contains("No module named 'numpy'")) {
                    return new Outcome(null, "scipy: not installed for " + python + " (apt-get install python3-scipy)");
                }
                String lastLine = stderr.isEmpty() ? "exit " + process.exitValue()
                        : stderr.substring(stderr.lastIndexOf('\n') + 1);
                return new Outcome(null, "scipy: " + python + " failed: " + lastLine);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) Json.read(out.strip(), "scipy_edt.py output");
            return new Outcome(json, null);
        } catch (IOException | ClassCastException e) {
            process.destroyForcibly();
            return new Outcome(null, "scipy: unreadable result from " + python + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Outcome(null, "scipy: interrupted");
        }
    }
}
