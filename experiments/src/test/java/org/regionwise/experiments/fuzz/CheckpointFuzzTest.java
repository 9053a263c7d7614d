package org.regionwise.experiments.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.regionwise.experiments.cli.Main;
import org.regionwise.experiments.fuzz.FuzzRun.Expect;
import org.regionwise.experiments.fuzz.FuzzRun.Outcome;
import org.regionwise.experiments.io.NiftiReader;

/**
 * Damaged and crafted checkpoints against {@code predict}: random bit flips and truncations of a real
 * checkpoint, and archives rewritten with valid CRCs but hostile content (NaN weights, lying .npy
 * shapes, duplicate or missing entries, impossible settings in trainer.json). A run that succeeds must
 * predict exactly what the intact checkpoint predicts; anything else must be one line naming the file.
 */
class CheckpointFuzzTest {
    private static final String SUITE = "checkpoint";
    private static Path world;
    private static Path image;
    private static byte[] intact;
    private static int[] baseline;

    @BeforeContainer
    static void trainOnce() throws IOException {
        world = Files.createTempDirectory("regionwise-fuzz-checkpoint");
        Path data = FuzzFiles.writeDataset(world.resolve("in/data"), 3);
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                FuzzFiles.trainArgs(data, world.resolve("in/run")));
        assertEquals(0, code, "the tiny training run");
        intact = Files.readAllBytes(world.resolve("in/run/checkpoint.npz"));
        image = data.resolve("imagesTr/case_0_0000.nii.gz");
        Path model = world.resolve("in/model.npz");
        Files.write(model, intact);
        Outcome o = FuzzRun.run(world, world.resolve("out"), 60, predictArgs(model));
        assertEquals(0, o.exitCode(), o.toString());
        baseline = NiftiReader.read(world.resolve("out/p.nii.gz")).labels();
        FuzzFiles.deleteTree(world.resolve("out"));
    }

    @AfterContainer
    static void report() throws IOException {
        FuzzFiles.deleteTree(world);
        FuzzTally.report();
    }

    @Property(tries = 40)
    void bitFlips(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int position, @ForAll @IntRange(min = 0, max = 7) int bit)
            throws IOException {
        byte[] bytes = intact.clone();
        int index = position % bytes.length;
        bytes[index] ^= (byte) (1 << bit);
        check(bytes, Expect.ERROR_OR_RESULT, "flip byte " + index + " bit " + bit);
    }

    @Property(tries = 20)
    void truncation(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int cut) throws IOException {
        int length = cut % intact.length;
        // Cut only in the central directory at the end, every entry is still whole and CRC-checked: predicting
        // exactly what the intact checkpoint predicts is then right, anything else must be an error.
        check(Arrays.copyOf(intact, length), Expect.ERROR_OR_RESULT, "truncated to " + length + " of " + intact.length);
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void craftedContent(@ForAll Crafted crafted) throws IOException {
        check(crafted.make(), crafted.harmless ? Expect.ERROR_OR_RESULT : Expect.ERROR, crafted.name());
    }

    /** Archives with valid CRCs and hostile content. */
    enum Crafted {
        NAN_WEIGHT(false, e -> withFloat(e, firstModel(e), 0, Float.NaN)),
        INFINITE_ADAM_MOMENT(false, e -> withFloat(e, firstOptimizer(e), 0, Float.POSITIVE_INFINITY)),
        SHAPE_OF_TEN_BILLION(false, e -> withShape(e, firstModel(e), "100000, 100000")),
        SHAPE_BEYOND_THE_DATA(false, e -> withShape(e, firstModel(e), "20000, 20000")),
        SHAPE_WITH_HUGE_DIGITS(false, e -> withShape(e, firstModel(e), "99999999999999999999")),
        SHAPE_REORDERED(false, e -> reorderedShape(e)),
        DUPLICATE_ENTRY(false, e -> { e.put(DUPLICATE_MARK + firstModel(e), e.get(firstModel(e))); return e; }),
        MISSING_WEIGHT(false, e -> { e.remove(firstModel(e)); return e; }),
        MISSING_TRAINER_JSON(false, e -> { e.remove("trainer.json"); return e; }),
        EXTRA_ENTRY(true, e -> { e.put("notes.txt", "a note".getBytes(StandardCharsets.UTF_8)); return e; }),
        CLASSES_TWO_BILLION(false, e -> json(e, "\"classes\": 3", "\"classes\": 2000000000")),
        LEVELS_HUNDRED(false, e -> json(e, "\"levels\": 2", "\"levels\": 100")),
        BASE_FILTERS_ZERO(false, e -> json(e, "\"base_filters\": 2", "\"base_filters\": 0")),
        PATCH_A_BILLION(false, e -> json(e, "\"patch_height\": ", "\"patch_height\": 1000000000, \"x\": ")),
        VERSION_99(false, e -> json(e, "\"version\": 1", "\"version\": 99")),
        NOT_JSON(false, e -> { e.put("trainer.json", "{\"format\": ".getBytes(StandardCharsets.UTF_8)); return e; }),
        NOT_UTF8_JSON(false, e -> { e.put("trainer.json", new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}); return e; }),
        NOT_A_ZIP(false, e -> null),
        EMPTY_FILE(false, e -> null);

        final boolean harmless;
        final UnaryOperator<Map<String, byte[]>> edit;

        Crafted(boolean harmless, UnaryOperator<Map<String, byte[]>> edit) {
            this.harmless = harmless;
            this.edit = edit;
        }

        byte[] make() throws IOException {
            if (this == NOT_A_ZIP) return "PK but not really a zip file".getBytes(StandardCharsets.UTF_8);
            if (this == EMPTY_FILE) return new byte[0];
            return zip(edit.apply(entries(intact)));
        }
    }

    private static void check(byte[] checkpoint, Expect expect, String what) throws IOException {
        Path model = world.resolve("in/model.npz");
        Files.write(model, checkpoint);
        Outcome o = FuzzRun.run(world, world.resolve("out"), 60, predictArgs(model));
        boolean same = o.exitCode() == 0 && Arrays.equals(baseline, NiftiReader.read(world.resolve("out/p.nii.gz")).labels());
        FuzzVerdict v = FuzzRun.judge(o, expect, same, 0, model.toString());
        FuzzTally.add(SUITE, v, what + ": " + o);
        FuzzFiles.deleteTree(world.resolve("out"));
        assertFalse(v.bad(), what + ": " + v + ": " + o);
    }

    private static String[] predictArgs(Path model) {
        return new String[] {"predict", "--model", model.toString(), "--image", image.toString(), "--out",
                world.resolve("out/p.nii.gz").toString(), "--threads", "1"};
    }

    // ---- archive surgery (the rewritten archive has valid CRCs) ----------------------------------------

    static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) out.put(e.getName(), in.readAllBytes());
        }
        return out;
    }

    /** Prefix of an entry to be stored under the same name as another (ZipOutputStream refuses that). */
    static final String DUPLICATE_MARK = "dup:";

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String duplicate = null;
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                String name = e.getKey();
                if (name.startsWith(DUPLICATE_MARK)) {
                    duplicate = name.substring(DUPLICATE_MARK.length());
                    name = duplicate.substring(0, duplicate.length() - 1) + "Y"; // same length, renamed below
                }
                out.putNextEntry(new ZipEntry(name));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        byte[] zip = bytes.toByteArray();
        if (duplicate != null) { // names are not covered by the CRC: the archive stays valid
            byte[] from = (duplicate.substring(0, duplicate.length() - 1) + "Y").getBytes(StandardCharsets.UTF_8);
            byte[] to = duplicate.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i + from.length <= zip.length; i++) {
                if (Arrays.equals(zip, i, i + from.length, from, 0, from.length)) System.arraycopy(to, 0, zip, i, to.length);
            }
        }
        return zip;
    }

    static String firstModel(Map<String, byte[]> e) {
        return e.keySet().stream().filter(n -> n.startsWith("model/")).findFirst().orElseThrow();
    }

    private static String firstOptimizer(Map<String, byte[]> e) {
        return e.keySet().stream().filter(n -> n.startsWith("optimizer/")).findFirst().orElseThrow();
    }

    private static int dataStart(byte[] npy) {
        return 10 + ((npy[8] & 0xFF) | (npy[9] & 0xFF) << 8);
    }

    private static Map<String, byte[]> withFloat(Map<String, byte[]> e, String name, int index, float value) {
        byte[] npy = e.get(name).clone();
        ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN).putFloat(dataStart(npy) + 4 * index, value);
        e.put(name, npy);
        return e;
    }

    static Map<String, byte[]> withShape(Map<String, byte[]> e, String name, String shape) {
        byte[] npy = e.get(name);
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + shape + "), }";
        StringBuilder h = new StringBuilder(header);
        while ((10 + h.length() + 1) % 64 != 0) h.append(' ');
        h.append('\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Arrays.copyOf(npy, 8));
        out.write(h.length() & 0xFF);
        out.write(h.length() >>> 8);
        out.writeBytes(h.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(npy, dataStart(npy), npy.length - dataStart(npy));
        e.put(name, out.toByteArray());
        return e;
    }

    /** The first model entry of rank >= 2 with its first two axes swapped (same count, wrong layout). */
    private static Map<String, byte[]> reorderedShape(Map<String, byte[]> e) {
        for (String name : new ArrayList<>(e.keySet())) {
            if (!name.startsWith("model/")) continue;
            String header = new String(e.get(name), 10, dataStart(e.get(name)) - 10, StandardCharsets.US_ASCII);
            String dims = header.substring(header.indexOf("'shape': (") + 10, header.indexOf(')'));
            List<String> parts = new ArrayList<>(Arrays.asList(dims.split(",\\s*")));
            if (parts.size() >= 2 && !parts.get(0).equals(parts.get(1))) {
                String first = parts.get(0);
                parts.set(0, parts.get(1));
                parts.set(1, first);
                return withShape(e, name, String.join(", ", parts));
            }
        }
        throw new IllegalStateException("no entry of rank 2 with distinct axes");
    }

    private static Map<String, byte[]> json(Map<String, byte[]> e, String from, String to) {
        String text = new String(e.get("trainer.json"), StandardCharsets.UTF_8);
        if (!text.contains(from)) throw new IllegalStateException("trainer.json lacks " + from + ": " + text);
        e.put("trainer.json", text.replaceFirst(java.util.regex.Pattern.quote(from), to).getBytes(StandardCharsets.UTF_8));
        return e;
    }
}
