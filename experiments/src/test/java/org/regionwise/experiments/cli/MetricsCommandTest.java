package org.regionwise.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.experiments.io.Json;
import org.regionwise.experiments.io.NiftiDataType;
import org.regionwise.experiments.io.NiftiGeometry;
import org.regionwise.experiments.io.NiftiHeader;
import org.regionwise.experiments.io.NiftiImage;

/**
 * {@code regionwise metrics} on a hand-computed case: two boxes offset by one voxel in x and in y on an
 * anisotropic grid (0.5 x 1 x 2 mm), plus every way the command can be misused.
 */
class MetricsCommandTest {
    private static final int NX = 8, NY = 6, NZ = 4;
    private static final float DX = 0.5f, DY = 1, DZ = 2;

    @TempDir
    Path dir;
    private Path truth;
    private Path prediction;

    /** Truth: class 1 at x 1..4, y 1..3, z 1..2; prediction: the same box moved by +1 in x and in y. */
    @BeforeEach
    void writeBoxes() throws IOException {
        truth = dir.resolve("truth.nii.gz");
        prediction = dir.resolve("pred.nii");
        write(truth, header(DX, DY, DZ, NZ), box(1, 1));
        write(prediction, header(DX, DY, DZ, NZ), box(2, 2));
    }

    /**
     * Both boxes are two voxels thick in z, so every voxel is a surface voxel (6-connectivity). From a
     * truth voxel to the predicted box the gap is (max(0, 2 - x) * 0.5 mm, max(0, 2 - y) * 1 mm): per
     * z slice one voxel at sqrt(0.25 + 1), two at 0.5, three at 1 and six at 0; the other direction is
     * the mirror image. Hence
     * <ul>
     *   <li>Dice = 2 * 12 / (24 + 24) = 0.5 (overlap 3 x 2 x 2)</li>
     *   <li>HD = sqrt(1.25) = 1.1180</li>
     *   <li>HD95 pooled: 48 values, 24 zeros, 8 x 0.5, 12 x 1, 4 x 1.118; numpy's index 0.95 * 47 = 44.65
     *       lies among the 1.118s: sqrt(1.25)</li>
     *   <li>HD95 directed: 24 values per side; index 0.95 * 23 = 21.85 between 1 (21) and 1.118 (22):
     *       1 + 0.85 (sqrt(1.25) - 1)</li>
     *   <li>ASSD = (2 sqrt(1.25) + 4 * 0.5 + 6) / 24 per side, the same both ways.</li>
     * </ul>
     * Reading x spacing as z spacing, or any other axis mix-up, changes every distance.
     */
    @Test
    void agreesWithTheHandComputedBoxes() throws Exception {
        Path json = dir.resolve("out/metrics.json");
        CliRun run = CliRun.of("metrics", "--pred", prediction.toString(), "--truth", truth.toString(), "--out", json.toString());
        assertEquals(0, run.exitCode(), run.err());

        Map<String, Object> root = object(Json.read(run.out(), "stdout"));
        assertEquals(List.of(4.0, 6.0, 8.0), root.get("dims"), "row-major (z, y, x)");
        assertEquals(List.of(2.0, 1.0, 0.5), root.get("spacing"));
        assertEquals(6.0, root.get("connectivity"));
        List<?> classes = (List<?>) root.get("classes");
        assertEquals(2, classes.size());
        Map<String, Object> box = object(classes.get(1));
        double root125 = Math.sqrt(1.25);
        assertEquals("OK", box.get("status"));
        assertEquals(24.0, box.get("prediction_voxels"));
        assertEquals(0.5, number(box, "dice"), 1e-12);
        assertEquals(root125, number(box, "hd"), 1e-6);
        assertEquals(root125, number(box, "hd95_pooled"), 1e-6);
        assertEquals(1 + 0.85 * (root125 - 1), number(box, "hd95_directed"), 1e-6);
        assertEquals((2 * root125 + 4 * 0.5 + 6) / 24, number(box, "assd"), 1e-6);
        assertEquals(run.out().strip(), Files.readString(json).strip(), "--out holds what was printed");
    }

    @Test
    void connectivityAndClassesChangeWhatIsMeasured() throws Exception {
        CliRun run = CliRun.of("metrics", "--pred", prediction.toString(), "--truth", truth.toString(),
                "--connectivity", "3", "--classes", "3");
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Object> root = object(Json.read(run.out(), "stdout"));
        assertEquals(26.0, root.get("connectivity"));
        Map<String, Object> absent = object(((List<?>) root.get("classes")).get(2));
        assertEquals("BOTH_EMPTY", absent.get("status"));
        assertNull(absent.get("dice"), "undefined is null, never NaN");
    }

    @Test
    void aSingleSliceIsMeasuredIn2D() throws Exception {
        Path t = dir.resolve("t2d.nii");
        Path p = dir.resolve("p2d.nii");
        write(t, header(DX, DY, 0, 1), slice(box(1, 1), 1));
        write(p, header(DX, DY, 0, 1), slice(box(2, 2), 1));
        CliRun run = CliRun.of("metrics", "--pred", p.toString(), "--truth", t.toString());
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Object> root = object(Json.read(run.out(), "stdout"));
        assertEquals(List.of(6.0, 8.0), root.get("dims"));
        assertEquals(4.0, root.get("connectivity"));
    }

    @Test
    void mismatchedGridsAreOneLineNamingBothFilesAndShapes() throws IOException {
        Path taller = dir.resolve("taller.nii");
        write(taller, header(DX, DY, DZ, NZ + 1), new int[NX * NY * (NZ + 1)]);
        assertFails(1, List.of(prediction + " (dims 8x6x4, voxel 0.5x1x2 mm) and " + taller
                + " (dims 8x6x5, voxel 0.5x1x2 mm) are not on the same grid: their dims differ"),
                "--pred", prediction.toString(), "--truth", taller.toString());

        Path coarser = dir.resolve("coarser.nii");
        write(coarser, header(DX, DY, 3, NZ), box(1, 1));
        assertFails(1, List.of(coarser.toString(), "voxel 0.5x1x3 mm", "their voxel sizes differ"),
                "--pred", prediction.toString(), "--truth", coarser.toString());

        float[] srow = {DX, 0, 0, -10, 0, DY, 0, 20, 0, 0, DZ, 5};
        Path moved = dir.resolve("moved.nii");
        write(moved, withGeometry(header(DX, DY, DZ, NZ), new NiftiGeometry(0, 2, 0, 0, 0, 0, 0, 0, srow)), box(1, 1));
        srow[3] = -12;
        Path original = dir.resolve("original.nii");
        write(original, withGeometry(header(DX, DY, DZ, NZ), new NiftiGeometry(0, 2, 0, 0, 0, 0, 0, 0, srow)), box(1, 1));
        assertFails(1, List.of(moved.toString(), original.toString(), "affines differ by up to 2.000 mm"),
                "--pred", moved.toString(), "--truth", original.toString());
    }

    @Test
    void badFilesAndArgumentsAreOneLine() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.nii.gz"), "not an image");
        String p = prediction.toString();
        String t = truth.toString();
        assertFails(1, List.of(text + ": "), "--pred", text.toString(), "--truth", t);
        assertFails(1, List.of("no such file: " + dir.resolve("absent.nii")), "--pred", p, "--truth", dir.resolve("absent.nii").toString());
        assertFails(1, List.of(dir.toString()), "--pred", p, "--truth", dir.toString());
        assertFails(2, List.of("--classes 1 is too few: " + prediction), "--pred", p, "--truth", t, "--classes", "1");
        assertFails(2, List.of("--connectivity must be 1, 2 or 3"), "--pred", p, "--truth", t, "--connectivity", "4");
        assertFails(2, List.of("--truth"), "--pred", p);
    }

    /** Runs {@code metrics args}; expects the exit code and one error line holding every expected text. */
    private static void assertFails(int exitCode, List<String> expected, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "metrics";
        System.arraycopy(args, 0, all, 1, args.length);
        CliRun run = CliRun.of(all);
        assertEquals(exitCode, run.exitCode(), run.err());
        assertTrue(run.oneErrorLine(), "one line, no stack trace:\n" + run.err());
        assertFalse(run.out().contains("{"), "no JSON on failure");
        for (String e : expected) assertTrue(run.err().contains(e), "'" + e + "' in " + run.err());
    }

    private static int[] box(int x0, int y0) {
        int[] labels = new int[NX * NY * NZ];
        for (int z = 1; z <= 2; z++) {
            for (int y = y0; y < y0 + 3; y++) {
                for (int x = x0; x < x0 + 4; x++) labels[(z * NY + y) * NX + x] = 1;
            }
        }
        return labels;
    }

    private static int[] slice(int[] volume, int z) {
        int[] s = new int[NX * NY];
        System.arraycopy(volume, z * NX * NY, s, 0, s.length);
        return s;
    }

    /** An int16 label header with the given voxel size and a rotated qform, big-endian. */
    private static NiftiHeader header(float dx, float dy, float dz, int nz) {
        int[] dims = nz == 1 ? new int[] {NX, NY} : new int[] {NX, NY, nz};
        return new NiftiHeader(dims, new float[] {1, dx, dy, dz, 1, 1, 1, 1}, NiftiDataType.INT16, 352, 1, 0,
                NiftiHeader.UNITS_MM_SEC, "labels", new NiftiGeometry(1, 0, 0, 0, 0.7071068f, 3, 4, 5,
                new float[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0}), ByteOrder.BIG_ENDIAN);
    }

    private static NiftiHeader withGeometry(NiftiHeader h, NiftiGeometry g) {
        return new NiftiHeader(h.dims(), h.pixdim(), h.dataType(), h.voxOffset(), h.sclSlope(), h.sclInter(),
                h.xyztUnits(), h.description(), g, h.byteOrder());
    }

    private static void write(Path file, NiftiHeader header, int[] labels) throws IOException {
        float[] data = new float[labels.length];
        for (int i = 0; i < labels.length; i++) data[i] = labels[i];
        new NiftiImage(header, data).write(file);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object json) {
        return (Map<String, Object>) json;
    }

    private static double number(Map<String, Object> json, String key) {
        return (Double) json.get(key);
    }
}
