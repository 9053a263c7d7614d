package org.regionwise.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.experiments.fuzz.FuzzFiles;
import org.regionwise.experiments.io.Json;
import org.regionwise.gpu.GpuBackends;
import org.regionwise.losses.LossRegistry;

/**
 * Whatever a user types or a file holds (newlines, tabs, other controls, U+2028), a bad input gets one line on
 * stderr naming the option or file, with exit 2 for usage and 1 at run time: the command line run in-process.
 */
class OneLineErrorProperties {
    private static Path world;

    @BeforeContainer
    static void create() throws IOException {
        world = Files.createTempDirectory("regionwise-one-line");
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        FuzzFiles.deleteTree(world);
    }

    /** Any text, half the time drawn mostly from the characters that break or hide lines, so they come up often. */
    @Provide
    Arbitrary<String> typed() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(10),
                Arbitraries.strings().withChars("ab1:.-/ \n\r\t\u000b\u000c\u0001\u001b\u007f\u0085\u2028\u2029").ofMaxLength(10));
    }

    /** One line, by its own test: not a single character that a terminal or {@code lines()} would break at or hide. */
    private static boolean oneLine(String err) {
        String e = err.strip();
        return !e.isEmpty() && e.chars().noneMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029);
    }

    private static void assertOneLine(CliRun r, int exitCode, String mustName) {
        assertEquals(exitCode, r.exitCode(), r.err());
        assertTrue(oneLine(r.err()), "stderr is not one line: " + r.err());
        assertTrue(r.err().contains(OneLine.visible(mustName)), "stderr does not name " + OneLine.visible(mustName) + ": " + r.err());
    }

    @Property(tries = 200)
    void anUnknownBackendIsOneUsageLine(@ForAll("typed") String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        Assume.that(!GpuBackends.names().contains(key.contains(":") ? key.substring(0, key.indexOf(':')) : key));
        Assume.that(!name.startsWith("-") && !name.startsWith("@")); // picocli reads those as an option or an argument file
        CliRun r = CliRun.of("train", "--backend", name, "--loss", "rrw", "--out", world.resolve("never").toString());
        assertOneLine(r, Main.USAGE_ERROR, "--backend");
        assertTrue(r.err().contains("got '" + OneLine.visible(name) + "'"), r.err());
    }

    @Property(tries = 200)
    void anUnknownLossIsOneLine(@ForAll("typed") String name) {
        Assume.that(!LossRegistry.names().contains(name.trim().toLowerCase(Locale.ROOT)) && !name.isBlank());
        Assume.that(!name.startsWith("-") && !name.startsWith("@"));
        CliRun r = CliRun.of("train", "--loss", name, "--out", world.resolve("never").toString());
        assertOneLine(r, Main.USAGE_ERROR, "unknown loss '" + name + "'");
    }

    @Property(tries = 200)
    void aDatasetJsonLabelOfAnyTextIsOneLineNamingTheFile(@ForAll("typed") String label) throws IOException {
        Assume.that(!label.equals("background"));
        Path data = Files.createTempDirectory(world, "data");
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("background", 0.0);
        labels.put(label, -1.0); // not an id: refused, quoting the label's name
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("channel_names", Map.of("0", "T1"));
        json.put("labels", labels);
        json.put("numTraining", 1.0);
        json.put("file_ending", ".nii.gz");
        Files.writeString(data.resolve("dataset.json"), Json.write(json));
        CliRun r = CliRun.of("datasets", "--data", data.toString());
        assertOneLine(r, Main.RUNTIME_ERROR, data.resolve("dataset.json").toString());
        FuzzFiles.deleteTree(data);
    }

    @Property(tries = 200)
    void aMissingFileOfAnyNameIsOneLineNamingIt(@ForAll("typed") String name) {
        Assume.that(name.indexOf('\0') < 0); // the JDK refuses NUL in a path: covered below
        Path pred = world.resolve("in").resolve(name + ".nii.gz");
        CliRun r = CliRun.of("metrics", "--pred", pred.toString(), "--truth", pred.toString());
        assertOneLine(r, Main.RUNTIME_ERROR, pred.toString());
    }

    @Property(tries = 200)
    void anUnknownOptionOfAnyTextIsOneUsageLine(@ForAll("typed") String junk) {
        Assume.that(!junk.isEmpty());
        String option = "--" + junk;
        Assume.that(Main.commandLine().getSubcommands().get("metrics").getCommandSpec().findOption(option.split("=")[0]) == null);
        CliRun r = CliRun.of("metrics", "--pred", "a.nii.gz", "--truth", "b.nii.gz", option);
        assertEquals(Main.USAGE_ERROR, r.exitCode(), r.err());
        assertTrue(oneLine(r.err()), "stderr is not one line: " + r.err());
    }

    @Example
    void controlCharactersAreShownAsEscapes() {
        CliRun nul = CliRun.of("metrics", "--pred", "a\u0000\nb.nii.gz", "--truth", "b.nii.gz");
        assertTrue(nul.exitCode() != Main.OK && oneLine(nul.err()), nul.err());
        CliRun path = CliRun.of("metrics", "--pred", world.resolve("x\ny\tz.nii.gz").toString(), "--truth", "b.nii.gz");
        assertTrue(path.err().contains("x\\ny\\tz.nii.gz"), path.err());
        CliRun loss = CliRun.of("train", "--loss", "rr\u2028w", "--out", world.resolve("never").toString());
        assertTrue(loss.err().contains("unknown loss 'rr\\u2028w'"), loss.err());
    }
}
