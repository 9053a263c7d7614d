package org.regionwise.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.experiments.eval.SegmentationMetrics;
import org.regionwise.experiments.eval.VolumeMetrics;
import org.regionwise.maps.Grid;

/** report.md: every section, the per-class rows with the exact numbers, figures linked relative to the report. */
class ReportWriterTest {
    @TempDir
    Path dir;

    /**
     * A 1x8 strip with 2 mm pixels. Truth: class 1 at columns 1-3, class 2 at 5-6. Prediction A: class 1
     * at 2-3 (Dice 0.8, surface distance 2 mm one way), class 2 exact. Prediction B: class 2 missing.
     */
    private static VolumeMetrics metrics(int[] prediction) {
        int[] truth = {0, 1, 1, 1, 0, 2, 2, 0};
        return SegmentationMetrics.evaluate(prediction, truth, Grid.of(1, 8).withSpacing(2, 2), 3);
    }

    private Report report() {
        VolumeMetrics a = metrics(new int[] {0, 0, 1, 1, 0, 2, 2, 0});
        VolumeMetrics b = metrics(new int[] {0, 0, 1, 1, 0, 0, 0, 0});
        return Report.builder("RRW on the | strip")
                .dataset("A generated strip,\ntwo cases.")
                .setting("loss", "rrw")
                .setting("epochs", 3)
                .classNames(List.of("background", "left", "right"))
                .evaluated("case_a", a)
                .evaluated("case_b", b)
                .figure("learning curves", dir.resolve("figures/curves.png"))
                .figure("overlay (slice 4)", dir.resolve("figures/my overlay.png"))
                .timing("training", Duration.ofSeconds(125))
                .timing("evaluation", Duration.ofMillis(450))
                .note("no GPU: trained on the CPU")
                .build();
    }

    @Test
    void writesEverySectionWithTheTableRows() throws IOException {
        Path file = dir.resolve("report.md");
        ReportWriter.write(file, report());
        String md = Files.readString(file);

        assertTrue(md.startsWith("# RRW on the | strip\n"), md);
        assertTrue(md.contains("## Data\n\nA generated strip,\ntwo cases.\n"), md);
        assertTrue(md.contains("| epochs | 3 |\n"), md);
        assertTrue(md.contains("| class | Dice | HD (mm) | HD95 pooled (mm) | HD95 (mm) | ASSD (mm) | volumes | without distances |"), md);
        // Class 1 is the same in both cases: Dice 2*2/(2+3) = 0.8; surfaces (4-connected, 1x8 strip) are
        // every mask pixel: truth {1,2,3}, prediction {2,3}; distances truth->pred {2,0,0} mm, pred->truth {0,0}.
        // HD 2; pooled P95 of {0,0,0,0,2} = 0.8 * 2 = 1.6; directed max(P95{2,0,0}=1.8, 0) = 1.8; ASSD (2/3 + 0)/2.
        assertTrue(md.contains("| 1 left | 0.800 ± 0.000 | 2.00 ± 0.00 | 1.60 ± 0.00 | 1.80 ± 0.00 | 0.33 ± 0.00 | 2 |  |"), md);
        // Class 2: exact in case a, missing in case b (Dice 0, no distances).
        assertTrue(md.contains("| 2 right | 0.500 ± 0.707 | 0.00 | 0.00 | 0.00 | 0.00 | 2 | 1 not predicted |"), md);
        assertTrue(md.contains("| mean of foreground classes | 0.650 | 1.00 | 0.80 | 0.90 | 0.17 |  |  |"), md);
        assertTrue(md.contains("2 volumes (case_a, case_b)"), md);
        assertTrue(md.contains("![learning curves](figures/curves.png)"), md);
        assertTrue(md.contains("![overlay (slice 4)](figures/my%20overlay.png)"), md);
        assertTrue(md.contains("| training | 2 min 05 s |"), md);
        assertTrue(md.contains("| evaluation | 450 ms |"), md);
        assertTrue(md.contains("- no GPU: trained on the CPU"), md);
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")));
        }
    }

    @Test
    void emptySectionsAreLeftOut() {
        String md = ReportWriter.render(Report.builder("only a title").build(), dir);
        assertEquals("# only a title\n", md);
        assertFalse(md.contains("## "));
    }

    @Test
    void classNamesMustCoverTheEvaluatedClasses() {
        VolumeMetrics a = metrics(new int[8]);
        assertThrows(IllegalArgumentException.class,
                () -> Report.builder("t").classNames(List.of("bg", "one")).evaluated("a", a).build());
        assertThrows(IllegalArgumentException.class, () -> Report.builder(" ").build());
    }

    @Test
    void durationsReadNaturally() {
        assertEquals("12.3 s", ReportWriter.duration(Duration.ofMillis(12_345)));
        assertEquals("1 h 02 min", ReportWriter.duration(Duration.ofMinutes(62).plusSeconds(5)));
    }
}
