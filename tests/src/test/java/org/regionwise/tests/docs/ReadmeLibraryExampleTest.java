package org.regionwise.tests.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "Use it as a library" example, exactly as printed: it compiles against the modules with
 * {@code --release 17} (through the tour's {@link BlockRunner}, so warnings fail too), runs, its loss falls, and
 * the trained net labels the toy images almost perfectly.
 */
class ReadmeLibraryExampleTest {
    private static final String README = "README.md";

    @Test
    void theReadmeExampleCompilesRunsAndLearns() throws Exception {
        MarkdownFile readme = MarkdownFile.read(MarkdownFile.repositoryFile("docs/autodiff-tour.md", README));
        MarkdownFile.Block example = readme.blockUnder("## Use it as a library", "java");
        assertTrue(example.lines().size() <= 60, "the example should stay short");

        String printed = BlockRunner.of(example, README).compileAndRunMain();
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

    @Test
    void theExampleIsTheFirstJavaBlockUnderItsHeadingAndNoFurther(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("page.md");
        Files.writeString(page, "# Top\n## A\n```\nshell\n```\n### Sub\n```java\nint a;\n```\n```java\nint b;\n```\n## B\n"
                + "```java\nint c;\n```\n## C\ntext\n");
        MarkdownFile.Block a = MarkdownFile.read(page).blockUnder("## A", "java");
        assertEquals(List.of("int a;"), a.lines());
        assertEquals(8, a.firstLine(), "the line of the first code line, as an editor numbers it");
        assertEquals(List.of("int c;"), MarkdownFile.read(page).blockUnder("## B", "java").lines());
        assertThrows(IllegalStateException.class, () -> MarkdownFile.read(page).blockUnder("## C", "java"));
        assertThrows(IllegalStateException.class, () -> MarkdownFile.read(page).blockUnder("## D", "java"));
    }
}
