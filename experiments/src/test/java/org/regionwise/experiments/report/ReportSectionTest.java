package org.regionwise.experiments.report;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Further result sections appear, titled and in order, and need a title. */
class ReportSectionTest {

    @Test
    void sectionsAreRenderedInOrderWithTheirTitles() {
        String md = ReportWriter.render(Report.builder("t").section("At 1 mm", "```\nDice 0.9\n```").section("Second", "body").build(),
                Path.of("."));
        int first = md.indexOf("## At 1 mm\n\n```\nDice 0.9\n```\n"), second = md.indexOf("## Second\n\nbody");
        assertTrue(first > 0 && second > first, md);
    }

    @Test
    void aSectionNeedsATitle() {
        assertThrows(IllegalArgumentException.class, () -> Report.builder("t").section(" ", "body"));
    }
}
