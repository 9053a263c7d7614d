package org.regionwise.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study commands end to end on a tiny nnU-Net folder with a tiny network: outputs, summary lines, reruns, errors. */
class PaperStudyCommandsTest {
    @TempDir
    static Path shared;
    static Path data;

    /** 6 cases: 4 to train, 2 to validate (fewer than 5: the table pairs slices). */
    @BeforeAll
    static void writeData() throws Exception {
        data = TinyRawDataset.write(shared.resolve("raw"), 6);
    }

    /** The tiny configuration every test here uses. */
    static List<String> tiny(String command, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("paper", command, "--data", data.toString(), "--out", out.toString(),
                "--validation-fraction", "0.34", "--epochs", "2", "--steps-per-epoch", "2", "--batch", "4", "--levels", "2",
                "--base-filters", "4", "--threads", "1"));
        args.addAll(List.of(more));
        return args;
    }

    static CliRun run(List<String> args) {
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void tableWritesItsTablesAndOneLinePerLossAndClassAndARerunSkipsEverything() throws Exception {
        Path out = shared.resolve("table");
        CliRun r = run(tiny("table", out, "--losses", "rrw,dice", "--seeds", "1"));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("table loss=rrw class=1 dice="), r.out());
        assertTrue(r.out().matches("(?s).*table loss=dice class=2 dice=\\S+ hd=\\S+ hd95=\\S+ p_dice=\\S+ p_hd=\\S+ p_hd95=\\S+ runs=1 diverged=0.*"), r.out());
        String md = Files.readString(out.resolve("table.md"));
        assertTrue(md.contains("not independent"), md);
        assertTrue(Files.readString(out.resolve("table.csv")).startsWith("loss,class,class_name,voxel_fraction,metric"));
        byte[] before = Files.readAllBytes(out.resolve("table.csv"));
        CliRun again = run(tiny("table", out, "--losses", "rrw,dice", "--seeds", "1"));
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("(done before)"), again.out());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("table.csv"))));
    }

    @Test
    void fig5WritesItsCdfAndSummaryLines() throws Exception {
        Path out = shared.resolve("fig5");
        CliRun r = run(tiny("fig5", out, "--models", "2"));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().matches("(?s).*fig5 map=rrw epochs=2 models=2 median_dice=\\S+ below_0.7=\\S+ below_0.9=\\S+.*"), r.out());
        assertTrue(r.out().contains("fig5 map=rw-boundary "), r.out());
        for (String f : List.of("fig5.png", "fig5.csv", "study.json")) assertTrue(Files.exists(out.resolve(f)), f);
    }

    @Test
    void fig6WritesCurvesAndCdfsPerMap() throws Exception {
        Path out = shared.resolve("fig6");
        CliRun r = run(tiny("fig6", out, "--losses", "gradual-ce-rrw,equal-dice-rrw,gradual-ce-rw-boundary", "--models", "1"));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("fig6 loss=gradual-ce-rrw map=rrw strategy=gradual-ce epochs=2 final_mean_dice="), r.out());
        for (String f : List.of("fig6_curves_rrw.png", "fig6_curves_rrw.csv", "fig6_cdf_rrw.png", "fig6_cdf_rrw.csv",
                "fig6_curves_rw-boundary.png", "fig6_cdf_rw-boundary.csv")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        assertEquals(1 + 2 * 2, Files.readAllLines(out.resolve("fig6_curves_rrw.csv")).size(), "header, 2 epochs x 2 rrw losses");
    }

    @Test
    void badInputGetsOneLine() throws Exception {
        Path out = shared.resolve("bad");
        CliRun unknown = run(tiny("table", out, "--losses", "rrw,nosuch"));
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.oneErrorLine() && unknown.err().contains("unknown loss 'nosuch'"), unknown.err());
        CliRun zero = run(tiny("table", out, "--seeds", "0"));
        assertEquals(2, zero.exitCode());
        assertTrue(zero.oneErrorLine() && zero.err().contains("--seeds must be at least 1"), zero.err());
        CliRun wrongCount = run(tiny("fig5", out, "--seeds", "2"));
        assertEquals(2, wrongCount.exitCode());
        assertTrue(wrongCount.oneErrorLine(), wrongCount.err());
        Path empty = Files.createDirectories(shared.resolve("empty"));
        CliRun noData = CliRun.of("paper", "fig5", "--data", empty.toString(), "--out", shared.resolve("e").toString());
        assertEquals(1, noData.exitCode());
        assertTrue(noData.oneErrorLine(), noData.err());
    }

    @Test
    void theBackendIsCheckedWhereItEntersAndAGpuWithoutTornadoVmIsOneLine() throws Exception {
        for (String bad : List.of("tornado:x", "cpu:1", "tornado:-1", "cuda")) {
            CliRun r = run(tiny("fig5", shared.resolve("backend"), "--backend", bad));
            assertEquals(2, r.exitCode(), bad + ": " + r.err());
            assertTrue(r.oneErrorLine() && r.err().contains("--backend"), r.err());
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(org.regionwise.gpu.GpuBackends.tornadoAvailable(), "TornadoVM is present here");
        CliRun gpu = run(tiny("fig3", shared.resolve("gpu"), "--backend", "tornado", "--parallel", "2", "--models", "1"));
        assertEquals(1, gpu.exitCode(), gpu.err());
        assertTrue(gpu.oneErrorLine() && gpu.err().contains("--backend tornado: ") && gpu.err().contains("TornadoVM"), gpu.err());
    }

    @Test
    void aFolderOfAnotherConfigurationIsRefusedSayingWhy() throws Exception {
        Path out = shared.resolve("mixed");
        assertEquals(0, run(tiny("fig5", out, "--models", "1", "--losses", "rrw")).exitCode());
        List<String> args = tiny("fig5", out, "--models", "1", "--losses", "rrw");
        args.set(args.indexOf("--epochs") + 1, "3");
        CliRun r = run(args);
        assertEquals(2, r.exitCode());
        assertTrue(r.oneErrorLine() && r.err().contains("epochs 2 there, 3 now") && r.err().contains("refusing to mix"), r.err());
        CliRun other = run(tiny("table", out, "--seeds", "1", "--losses", "rrw"));
        assertEquals(2, other.exitCode());
        assertTrue(other.oneErrorLine() && other.err().contains("made by 'fig5', not 'table'"), other.err());
    }

    @Test
    void allRunsEveryPartAndPutsEachClaimBesideItsMeasurement() throws Exception {
        Path out = shared.resolve("all");
        List<String> args = tiny("all", out, "--seeds", "1", "--models", "1");
        args.set(args.indexOf("--epochs") + 1, "1");
        CliRun r = run(args);
        assertEquals(0, r.exitCode(), r.err());
        for (String f : List.of("report.md", "fig2/fig2.png", "table/table.md", "fig5/fig5.png", "fig6/fig6_cdf_rrw.png",
                "fig3/fig3-rw-boundary.png", "fig3/fig3-neg2plus.csv", "fig3/study.json", "fig4/fig4.png", "fig4/fig4.csv")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("every RRW model reaches mean foreground Dice 0.9 or more"), report);
        assertTrue(report.contains("shown here") && report.contains("| Fig. 6"), report);
        assertTrue(report.contains("| Fig. 3 | RW-Boundary maps give gradient vectors with two or more negative components"), report);
        assertTrue(report.contains("| Fig. 3 / Sec. 3.3 | with the rectified (RRW) map every pixel has exactly one negative component"),
                report);
        assertTrue(report.contains("| Fig. 4 |") && report.contains("(fig3/fig3-rrw.png)") && report.contains("(fig4/fig4.png)"), report);
        assertTrue(r.out().contains("fig3 map=rrw run=1 epoch=1 neg2plus=0.0000 neg1=1.0000"), r.out());
        assertTrue(r.out().contains("fig4 saddle="), r.out());
        assertTrue(r.out().contains("all claim=\"with the rectified (RRW) map every pixel has exactly one negative component\" verdict=shown"),
                r.out());
        assertTrue(r.out().contains("all claim=\"the RRW map gives gradient components of the correct sign for every softmax vector\" verdict=shown"),
                r.out());
        CliRun losses = run(tiny("all", out, "--losses", "rrw"));
        assertEquals(2, losses.exitCode());
        assertTrue(losses.oneErrorLine(), losses.err());
    }

    @Test
    void allLocksItsOwnFolderBeforeItTrainsAnything() throws Exception {
        Path out = shared.resolve("all-locked");
        try (org.regionwise.experiments.io.OutputLock held = org.regionwise.experiments.io.OutputLock.acquire(out, "another run")) {
            CliRun r = run(tiny("all", out, "--seeds", "1", "--models", "1"));
            assertEquals(1, r.exitCode(), r.err());
            assertTrue(r.oneErrorLine() && r.err().contains("in use by another run, another run"), r.err());
        }
        try (var files = Files.list(out)) {
            assertEquals(List.of(org.regionwise.experiments.io.OutputLock.NAME), files.map(p -> p.getFileName().toString()).toList(),
                    "nothing but the lock file: no part ran");
        }
    }
}
