package org.regionwise.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The launcher's build output carries no terminal colour codes: Maven 3.9 writes ESC[0m resets even in batch
 * mode, and the launcher filters its build through a sed expression that this test runs on such output.
 */
class LauncherBuildOutputTest {

    @Test
    void theLaunchersFilterStripsAnsiEscapes() throws IOException, InterruptedException {
        Path launcher = Path.of("..", "regionwise");
        assumeTrue(Files.isRegularFile(launcher), "run from the experiments module of a checkout");
        String script = Files.readString(launcher);
        Matcher sed = Pattern.compile("mvn [^\\n]*package 2>&1 \\| sed '([^']*)'").matcher(script);
        assertTrue(sed.find(), "the launcher pipes Maven's build through sed");
        assumeTrue(new java.io.File("/bin/sh").canExecute() && new java.io.File("/bin/sed").exists()
                || new java.io.File("/usr/bin/sed").exists(), "needs sed");
        Process p = new ProcessBuilder("sed", sed.group(1)).start();
        p.getOutputStream().write("\u001b[0m\u001b[0m[ERROR] x\u001b[1;31m y\u001b[m\n".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals("[ERROR] x y\n", out);
    }
}
