package org.regionwise.experiments.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.regionwise.experiments.fuzz.FuzzRun.Expect;
import org.regionwise.experiments.fuzz.FuzzRun.Outcome;

/**
 * Malformed NIfTI files against {@code metrics} (as the prediction) and {@code maps} (as the label):
 * random bit flips anywhere in the header, truncation at any length, and every kind of lie or bad value
 * a header or the data can hold. Each case must end in one line naming the file with exit 1 or 2, or a
 * result; nothing outside the output folder may change and no temporary may stay.
 */
class NiftiFuzzTest {
    private static final String SUITE = "nifti";
    private static Path world;
    private static Path truth;
    private static byte[] plainLabels;
    private static byte[] plainImage;

    @BeforeContainer
    static void createInputs() throws IOException {
        world = Files.createTempDirectory("regionwise-fuzz-nifti");
        truth = FuzzFiles.writeLabels(world.resolve("in/truth.nii"), 0);
        plainLabels = Files.readAllBytes(truth);
        plainImage = Files.readAllBytes(FuzzFiles.writeImage(world.resolve("in/image.nii")));
    }

    @AfterContainer
    static void report() throws IOException {
        FuzzFiles.deleteTree(world);
        FuzzTally.report();
    }

    @Property(tries = 40)
    void headerBitFlips(@ForAll @IntRange(min = 0, max = FuzzFiles.HEADER - 1) int index, @ForAll @IntRange(min = 0, max = 7) int bit)
            throws IOException {
        byte[] bytes = plainLabels.clone();
        bytes[index] ^= (byte) (1 << bit);
        // A flip may leave a valid file whose header now says something else: the result is what that header means.
        both(bytes, ".nii", Expect.ERROR_OR_RESULT, "flip byte " + index + " bit " + bit);
    }

    @Property(tries = 20)
    void truncation(@ForAll @IntRange(min = 0, max = 100_000) int cut, @ForAll boolean gzip) throws IOException {
        byte[] full = gzip ? FuzzFiles.gzip(plainLabels) : plainLabels;
        int length = cut % full.length; // strictly shorter than the file
        byte[] bytes = java.util.Arrays.copyOf(full, length);
        both(bytes, gzip ? ".nii.gz" : ".nii", Expect.ERROR, "truncated to " + length + " of " + full.length + (gzip ? " (gz)" : ""));
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void badContent(@ForAll Mutation mutation) throws IOException {
        byte[] bytes = mutation.edit.apply(mutation.image ? plainImage.clone() : plainLabels.clone());
        Path pred = world.resolve("in/case" + mutation.suffix);
        write(pred, bytes, mutation);
        Outcome m = FuzzRun.run(world, world.resolve("out"), 30, "metrics", "--pred", pred.toString(), "--truth", truth.toString(),
                "--out", world.resolve("out/metrics.json").toString());
        tally(m, Expect.ERROR, mutation + " in metrics", pred.toString());
        Outcome maps = FuzzRun.run(world, world.resolve("out"), 30, "maps", "--label", pred.toString(), "--map", "boundary",
                "--out", world.resolve("out/map.nii.gz").toString());
        tally(maps, mutation.onlyAgainstAnother ? Expect.ERROR_OR_RESULT : Expect.ERROR, mutation + " in maps", pred.toString());
        clean(pred);
    }

    /** Bad files and paths; {@code onlyAgainstAnother}: wrong only when compared with another file's grid. */
    enum Mutation {
        NAN_VOXEL(true, false, b -> FuzzFiles.putFloat(b, FuzzFiles.DATA + 4 * 17, Float.NaN)),
        INFINITE_VOXEL(true, false, b -> FuzzFiles.putFloat(b, FuzzFiles.DATA + 4 * 5, Float.NEGATIVE_INFINITY)),
        SLOPE_OVERFLOWS(false, false, b -> FuzzFiles.putFloat(b, FuzzFiles.SCL_SLOPE, 3e38f)),
        MIRRORED_IN_X(false, true, b -> FuzzFiles.putFloat(FuzzFiles.putFloat(b, FuzzFiles.SROW_X, -1), FuzzFiles.SROW_X + 12, 5)),
        ORIGIN_50MM_OFF(false, true, b -> FuzzFiles.putFloat(b, FuzzFiles.SROW_X + 12, 44)),
        VOXELS_PAST_END(false, false, b -> FuzzFiles.putFloat(b, FuzzFiles.VOX_OFFSET, 1e9f)),
        DIMS_TOO_BIG(false, false, b -> FuzzFiles.putShort(b, FuzzFiles.DIM + 2, 30000)),
        DATATYPE_UNKNOWN(false, false, b -> FuzzFiles.putShort(b, FuzzFiles.DATATYPE, 1234)),
        RANK_EIGHT(false, false, b -> FuzzFiles.putShort(b, FuzzFiles.DIM, 8)),
        NEGATIVE_DIM(false, false, b -> FuzzFiles.putShort(b, FuzzFiles.DIM + 4, -3)),
        BITPIX_WRONG(false, false, b -> FuzzFiles.putShort(b, FuzzFiles.BITPIX, 7)),
        VOXEL_SIZE_NAN(false, false, b -> FuzzFiles.putFloat(b, FuzzFiles.PIXDIM + 4, Float.NaN)),
        VOXEL_SIZE_ZERO(false, false, b -> FuzzFiles.putFloat(b, FuzzFiles.PIXDIM + 8, 0)),
        LABEL_40000(true, false, b -> FuzzFiles.putFloat(b, FuzzFiles.DATA + 4 * 3, 40000)),
        LABEL_NEGATIVE(true, false, b -> FuzzFiles.putFloat(b, FuzzFiles.DATA + 4 * 3, -1)),
        LABEL_FRACTION(true, false, b -> FuzzFiles.putFloat(b, FuzzFiles.DATA + 4 * 3, 1.5f)),
        NIFTI2_HEADER(false, false, b -> { byte[] c = b.clone(); c[0] = 0x1c; c[1] = 0x02; return c; }),
        EMPTY(false, false, b -> new byte[0]),
        TEXT(false, false, b -> "not an image\n".getBytes(StandardCharsets.UTF_8)),
        GZIP_GARBAGE(false, false, b -> { byte[] c = new byte[600]; c[0] = 0x1f; c[1] = (byte) 0x8b; c[2] = 8; return c; }),
        DIRECTORY(false, false, b -> b),
        MISSING(false, false, b -> b);

        final boolean image;
        final boolean onlyAgainstAnother;
        final UnaryOperator<byte[]> edit;
        final String suffix = ".nii";

        Mutation(boolean image, boolean onlyAgainstAnother, UnaryOperator<byte[]> edit) {
            this.image = image;
            this.onlyAgainstAnother = onlyAgainstAnother;
            this.edit = edit;
        }
    }

    private static void write(Path file, byte[] bytes, Mutation m) throws IOException {
        clean(file);
        if (m == Mutation.DIRECTORY) {
            Files.createDirectories(file);
        } else if (m != Mutation.MISSING) {
            Files.write(file, bytes);
        }
    }

    private static void clean(Path file) throws IOException {
        FuzzFiles.deleteTree(file);
        FuzzFiles.deleteTree(world.resolve("out"));
    }

    private static void both(byte[] bytes, String suffix, Expect expect, String what) throws IOException {
        Path pred = world.resolve("in/case" + suffix);
        clean(pred);
        Files.write(pred, bytes);
        Outcome m = FuzzRun.run(world, world.resolve("out"), 30, "metrics", "--pred", pred.toString(), "--truth", truth.toString(),
                "--out", world.resolve("out/metrics.json").toString());
        tally(m, expect, what + " in metrics", pred.toString());
        Outcome maps = FuzzRun.run(world, world.resolve("out"), 30, "maps", "--label", pred.toString(), "--map", "boundary",
                "--out", world.resolve("out/map.nii.gz").toString());
        tally(maps, expect, what + " in maps", pred.toString());
        clean(pred);
    }

    /** Counts the case and fails on a bad verdict. A result must have been written completely. */
    private static void tally(Outcome o, Expect expect, String what, String file) throws IOException {
        boolean resultOk = o.exitCode() == 0 && resultReadable();
        FuzzVerdict v = FuzzRun.judge(o, expect, resultOk, 0, file);
        FuzzTally.add(SUITE, v, what + ": " + o);
        assertFalse(v.bad(), what + ": " + v + ": " + o);
    }

    private static boolean resultReadable() throws IOException {
        Path json = world.resolve("out/metrics.json");
        Path map = world.resolve("out/map.nii.gz");
        if (Files.exists(json)) return Files.readString(json).strip().endsWith("}");
        if (Files.exists(map)) return org.regionwise.experiments.io.NiftiReader.read(map).dims().length == 4;
        return false;
    }
}
