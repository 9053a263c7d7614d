package org.regionwise.tests.docs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a markdown block in-process and runs it, in one of two shapes. A tour block ({@link #compileAndRun}):
 * its leading {@code import} lines become the generated class's imports and the rest the body of
 * {@code static void run()}, beside a helper {@code check(condition, message)} that throws AssertionError. A
 * whole program ({@link #compileAndRunMain}): the block is a compilation unit with a public class, compiled as
 * printed, whose {@code main} runs with its output captured. Every compiled line remembers the markdown line it
 * came from, so compiler diagnostics and stack traces name the page's lines; warnings fail like errors.
 */
final class BlockRunner {
    /** The class a whole-program block declares: {@code public [final] class Name} at the start of a line. */
    private static final Pattern PUBLIC_CLASS = Pattern.compile("^public\\s+(?:final\\s+)?class\\s+(\\w+)");

    private final String source;
    private final MarkdownFile.Block block;

    private BlockRunner(MarkdownFile.Block block, String source) {
        this.block = block;
        this.source = source;
    }

    static BlockRunner of(MarkdownFile.Block block, String source) {
        return new BlockRunner(block, source);
    }

    /** Compiles and runs a tour block; throws AssertionError naming the block and its lines on any failure. */
    void compileAndRun() throws Exception {
        String className = String.format(Locale.ROOT, "TourBlock%02d", block.number());
        List<String> java = new ArrayList<>();
        List<Integer> origin = new ArrayList<>();
        generate(className, java, origin);
        compileAndInvoke(className, java, origin, "run");
    }

    /**
     * Compiles the block as printed (a compilation unit declaring {@code public class Name} with a {@code main}),
     * runs {@code main(new String[0])} and returns what it printed to {@code System.out} (also echoed there).
     * Throws AssertionError naming the block and its lines on any failure.
     */
    String compileAndRunMain() throws Exception {
        List<String> java = block.lines();
        List<Integer> origin = new ArrayList<>();
        for (int i = 0; i < java.size(); i++) origin.add(block.firstLine() + i);
        String className = java.stream().map(PUBLIC_CLASS::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst()
                .orElseThrow(() -> new AssertionError(name() + " declares no public class"));
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            compileAndInvoke(className, java, origin, "main");
        } finally {
            System.setOut(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        original.print(printed);
        return printed;
    }

    private void compileAndInvoke(String className, List<String> java, List<Integer> origin, String method) throws Exception {
        Path dir = Files.createTempDirectory("regionwise-block");
        try {
            Path file = dir.resolve(className + ".java");
            Files.write(file, java, StandardCharsets.UTF_8);
            compile(file, dir, origin);
            run(dir, className, origin, method);
        } finally {
            deleteTree(dir);
        }
    }

    private void generate(String className, List<String> java, List<Integer> origin) {
        List<String> lines = block.lines();
        int body = 0;
        while (body < lines.size() && (lines.get(body).isBlank() || lines.get(body).trim().startsWith("import "))) {
            java.add(lines.get(body));
            origin.add(block.firstLine() + body);
            body++;
        }
        int header = block.firstLine() + body;
        for (String line : List.of(
                "public final class " + className + " {",
                "    private " + className + "() {}",
                "    static void check(boolean ok, String message) {",
                "        if (!ok) throw new AssertionError(message);",
                "    }",
                "    public static void run() throws Exception {")) {
            java.add(line);
            origin.add(header);
        }
        for (int i = body; i < lines.size(); i++) {
            java.add("        " + lines.get(i));
            origin.add(block.firstLine() + i);
        }
        java.add("    }");
        origin.add(block.firstLine() + lines.size());
        java.add("}");
        origin.add(block.firstLine() + lines.size());
    }

    private void compile(Path file, Path out, List<Integer> origin) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new IllegalStateException("no Java compiler in this runtime: run the tests on a JDK");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-Xlint:all,-path,-processing,-try",
                    "-classpath", System.getProperty("java.class.path"), "-d", out.toString());
            boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file.toFile())).call();
            List<String> messages = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
                            || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                    .map(d -> "  " + where(origin, d.getLineNumber()) + ": " + d.getKind().toString().toLowerCase(Locale.ROOT)
                            + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.toList());
            // Warnings fail too: a tour that teaches with deprecated or unchecked code would rot quietly.
            if (!ok || !messages.isEmpty()) {
                throw new AssertionError(name() + " does not compile cleanly:\n" + String.join("\n", messages)
                        + "\n--- generated source ---\n" + numbered(Files.readAllLines(file, StandardCharsets.UTF_8)));
            }
        }
    }

    private void run(Path dir, String className, List<Integer> origin, String method) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, BlockRunner.class.getClassLoader())) {
            Class<?> c = loader.loadClass(className);
            try {
                if (method.equals("main")) {
                    c.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
                } else {
                    c.getMethod(method).invoke(null);
                }
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                String at = "";
                for (StackTraceElement frame : cause.getStackTrace()) {
                    // The first frame in the block's own code: not the check helper that threw for it.
                    if (frame.getClassName().startsWith(className) && !frame.getMethodName().equals("check")) {
                        at = " at " + where(origin, frame.getLineNumber());
                        break;
                    }
                }
                throw new AssertionError(name() + " failed" + at + ": " + cause, cause);
            }
        }
    }

    private String name() {
        return "block " + block.number() + " of " + source + " (code from line " + block.firstLine() + ")";
    }

    private String where(List<Integer> origin, long generatedLine) {
        if (generatedLine < 1 || generatedLine > origin.size()) return source;
        return source + ":" + origin.get((int) generatedLine - 1);
    }

    private static String numbered(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) sb.append(String.format(Locale.ROOT, "%4d  %s%n", i + 1, lines.get(i)));
        return sb.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) Files.deleteIfExists(p);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
