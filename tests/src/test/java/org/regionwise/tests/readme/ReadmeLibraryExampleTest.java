package org.regionwise.tests.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "Use it as a library" example, exactly as printed: it compiles against the modules with
 * {@code --release 17}, runs, its loss falls, and the trained net labels the toy images almost perfectly.
 */
class ReadmeLibraryExampleTest {

    @Test
    void theReadmeExampleCompilesRunsAndLearns(@TempDir Path dir) throws Exception {
        String source = ReadmeJavaBlock.under("## Use it as a library");
        assertTrue(source.lines().count() <= 60, "the example should stay short");
        Path file = dir.resolve("QuickStart.java");
        Files.writeString(file, source);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null,
                List.of("--release", "17", "-classpath", System.getProperty("java.class.path"), "-d", dir.toString()),
                null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file)).call();
        assertTrue(compiled, "README example does not compile:\n" + diagnostics);

        String printed = runMain(dir);
        Matcher losses = Pattern.compile("step (\\d+) loss ([0-9.]+)").matcher(printed);
        double first = Double.NaN;
        double last = Double.NaN;
        int steps = 0;
        while (losses.find()) {
            double value = Double.parseDouble(losses.group(2));
            if (steps++ == 0) first = value;
            last = value;
        }
        assertEquals(3, steps, printed);
        assertTrue(last < first, "loss should fall: " + printed);
        Matcher accuracy = Pattern.compile("pixel accuracy ([0-9.]+)").matcher(printed);
        assertTrue(accuracy.find(), printed);
        assertTrue(Double.parseDouble(accuracy.group(1)) > 0.9, printed);
    }

    private static String runMain(Path classes) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ReadmeLibraryExampleTest.class.getClassLoader())) {
            Method main = loader.loadClass("QuickStart").getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        original.print(printed);
        return printed;
    }
}
