package org.regionwise.tests.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps docs/autodiff-tour.md from rotting: every block fenced as ```java tour is compiled against the
 * project's modules and run (its own {@code check} calls assert the numbers the page states), and every
 * relative link of the tour and of README.md names an existing file.
 */
class AutodiffTourTest {
    private static final String TOUR = "docs/autodiff-tour.md";
    /** The tour has eight steps, each with at least one runnable block. */
    private static final int STEPS = 8;

    @TestFactory
    Stream<DynamicTest> everyRunnableBlockCompilesAndItsChecksPass() {
        MarkdownFile tour = MarkdownFile.read(file(TOUR));
        return tour.runnableBlocks().stream().map(block -> DynamicTest.dynamicTest(
                "block " + block.number() + " (line " + block.firstLine() + ")",
                () -> BlockRunner.of(block, TOUR).compileAndRun()));
    }

    @Test
    void everyStepHasARunnableBlockThatChecksSomething() {
        List<MarkdownFile.Block> blocks = MarkdownFile.read(file(TOUR)).runnableBlocks();
        assertTrue(blocks.size() >= STEPS, "the tour has " + blocks.size() + " runnable blocks, fewer than its " + STEPS + " steps");
        for (MarkdownFile.Block b : blocks) {
            boolean checks = b.lines().stream().anyMatch(line -> line.contains("check("));
            assertTrue(checks, "block " + b.number() + " (line " + b.firstLine() + ") asserts nothing: add a check(...)");
        }
    }

    @Test
    void tourLinksResolve() {
        assertLinksResolve(TOUR);
    }

    @Test
    void tourAnchorsNameHeadings() {
        MarkdownFile tour = MarkdownFile.read(file(TOUR));
        List<MarkdownFile.Link> anchors = tour.anchorLinks();
        assertTrue(anchors.size() >= STEPS, "the tour's table of contents links fewer than " + STEPS + " steps");
        for (MarkdownFile.Link a : anchors) {
            assertTrue(tour.headingAnchors().contains(a.target()), TOUR + ":" + a.line() + " links #" + a.target()
                    + ", which no heading has; headings: " + tour.headingAnchors());
        }
    }

    @Test
    void readmeLinksResolve() {
        assertLinksResolve("README.md");
    }

    @Test
    void readmeLinksTheTour() {
        MarkdownFile readme = MarkdownFile.read(file("README.md"));
        long toTour = readme.relativeLinks().stream().filter(l -> l.target().equals(TOUR)).count();
        assertTrue(toTour >= 1, "README.md does not link " + TOUR);
    }

    @Test
    void linkCheckerSeesABrokenLinkAndSkipsCodeAndWebLinks() throws Exception {
        Path dir = Files.createTempDirectory("regionwise-links");
        Path page = dir.resolve("page.md");
        Files.writeString(page, "## 6. Conv2d: forward, `im2col`!\n[ok](page.md) [gone](missing/File.java#L3) [web](https://example.org) [top](#top)\n"
                + "```\n[in code](nowhere.md)\n```\n`[inline](nowhere.md)`\n");
        try {
            List<MarkdownFile.Link> links = MarkdownFile.read(page).relativeLinks();
            assertEquals(List.of(new MarkdownFile.Link("page.md", 2), new MarkdownFile.Link("missing/File.java", 2)), links);
            assertEquals(List.of("page.md:2 -> missing/File.java"), brokenLinks(MarkdownFile.read(page), "page.md"));
            assertEquals(List.of(new MarkdownFile.Link("top", 2)), MarkdownFile.read(page).anchorLinks());
            assertEquals(Set.of("6-conv2d-forward-im2col"), MarkdownFile.read(page).headingAnchors());
        } finally {
            Files.delete(page);
            Files.delete(dir);
        }
    }

    /** A file of the repository; the root is where the tour is. */
    private static Path file(String relative) {
        return MarkdownFile.repositoryFile(TOUR, relative);
    }

    private static void assertLinksResolve(String relative) {
        MarkdownFile page = MarkdownFile.read(file(relative));
        List<String> broken = brokenLinks(page, relative);
        if (!broken.isEmpty()) fail("links to missing files:\n  " + String.join("\n  ", broken));
    }

    private static List<String> brokenLinks(MarkdownFile page, String name) {
        Path base = page.path().getParent();
        List<String> broken = new ArrayList<>();
        for (MarkdownFile.Link link : page.relativeLinks()) {
            if (!Files.exists(base.resolve(link.target()).normalize())) broken.add(name + ":" + link.line() + " -> " + link.target());
        }
        return broken;
    }
}
