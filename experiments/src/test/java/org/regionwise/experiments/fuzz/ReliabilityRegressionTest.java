package org.regionwise.experiments.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.experiments.cli.Main;
import org.regionwise.experiments.io.CheckpointFile;
import org.regionwise.experiments.io.NiftiDataType;
import org.regionwise.experiments.io.NiftiGeometry;
import org.regionwise.experiments.io.NiftiHeader;
import org.regionwise.experiments.io.NiftiImage;
import org.regionwise.experiments.io.OutputLock;

/** One regression test per class of failure of issue 18 (the adversarial pass), with its reproducer. */
class ReliabilityRegressionTest {
    @TempDir
    Path dir;

    /** One in-process run: exit code, stdout, stderr. */
    record Run(int code, String out, String err) {
        boolean oneLine() {
            return !err.isBlank() && !err.strip().contains("\n");
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Class 1, writes in place: concurrent metrics --out on one path, and --out a symbolic link. */
    @Test
    void class1MetricsOutIsLockedAtomicAndNeverWritesThroughALink() throws Exception {
        Path labels = FuzzFiles.writeLabels(dir.resolve("in/a.nii.gz"), 0);
        Path other = FuzzFiles.writeLabels(dir.resolve("in/b.nii.gz"), 1);
        Path json = dir.resolve("out/metrics.json");
        String single = run("metrics", "--pred", other.toString(), "--truth", labels.toString()).out();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Run>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Callable<Run> c = () -> run("metrics", "--pred", other.toString(), "--truth", labels.toString(), "--out", json.toString());
            runs.add(pool.submit(c));
        }
        int succeeded = 0;
        for (Future<Run> f : runs) {
            Run r = f.get();
            if (r.code() == 0) {
                succeeded++;
            } else {
                assertEquals(1, r.code(), r.err());
                assertTrue(r.oneLine() && r.err().contains("in use by another run"), r.err());
            }
        }
        pool.shutdown();
        assertTrue(succeeded >= 1);
        assertEquals(single.strip(), Files.readString(json).strip(), "one complete JSON, never a mix");

        Path outside = dir.resolve("elsewhere/keep.json");
        Files.createDirectories(outside.getParent());
        Files.writeString(outside, "keep");
        Path link = dir.resolve("out/link.json");
        Files.createSymbolicLink(link, outside);
        Run r = run("metrics", "--pred", other.toString(), "--truth", labels.toString(), "--out", link.toString());
        assertEquals(Main.USAGE_ERROR, r.code(), r.err());
        assertTrue(r.oneLine() && r.err().contains("symbolic link"), r.err());
        assertEquals("keep", Files.readString(outside), "the file behind the link is untouched");
    }

    /** Class 2, overwrites another run: demo into a train run's folder; a second writer of one folder. */
    @Test
    void class2DemoRefusesATrainRunsFolderAndASecondWriterIsRefused() throws IOException {
        Path data = FuzzFiles.writeDataset(dir.resolve("in/data"), 3);
        Path out = dir.resolve("run");
        assertEquals(0, run(FuzzFiles.trainArgs(data, out)).code());
        byte[] checkpoint = Files.readAllBytes(out.resolve("checkpoint.npz"));
        byte[] history = Files.readAllBytes(out.resolve("history.csv"));

        Run demo = run("demo", "--out", out.toString(), "--minutes", "0.1", "--threads", "1");
        assertEquals(1, demo.code(), demo.err());
        assertTrue(demo.oneLine() && demo.err().contains("'train' run") && demo.err().contains(out.toString()), demo.err());
        assertArrayEquals(checkpoint, Files.readAllBytes(out.resolve("checkpoint.npz")));
        assertArrayEquals(history, Files.readAllBytes(out.resolve("history.csv")));

        try (OutputLock held = OutputLock.acquire(out, "regionwise train")) {
            Run second = run("train", "--resume", "--out", out.toString());
            assertEquals(1, second.code(), second.err());
            assertTrue(second.oneLine() && second.err().contains("in use by another run, regionwise train (process "), second.err());
        }
    }

    /** Class 3, leftover temporaries: the next run in the folder removes those of killed runs. */
    @Test
    void class3TheNextRunRemovesTemporariesOfKilledRuns() throws IOException {
        Path data = FuzzFiles.writeDataset(dir.resolve("in/data"), 3);
        Path out = dir.resolve("run");
        assertEquals(0, run(FuzzFiles.trainArgs(data, out)).code());
        Path stale = Files.write(out.resolve(".checkpoint.npz.5f3a9c01d2e4b6a7.tmp"), new byte[4096]);
        Path staleHistory = Files.write(out.resolve(".history.csv.1a2b.tmp"), new byte[10]);
        Path notOurs = Files.write(out.resolve("notes.tmp"), new byte[10]);
        Run resume = run("train", "--resume", "--out", out.toString());
        assertEquals(0, resume.code(), resume.err());
        assertFalse(Files.exists(stale) || Files.exists(staleHistory), "stale temporaries removed");
        assertTrue(Files.exists(notOurs), "files of other names are left alone");

        Path maps = dir.resolve("maps");
        Path staleMap = Files.write(Files.createDirectories(maps).resolve(".m.nii.gz.0badcafe.tmp"), new byte[10]);
        Path labels = FuzzFiles.writeLabels(dir.resolve("in/a.nii.gz"), 0);
        assertEquals(0, run("maps", "--label", labels.toString(), "--map", "boundary", "--out", maps.resolve("m.nii.gz").toString()).code());
        assertFalse(Files.exists(staleMap));
        assertEquals(List.of(), FuzzRun.leftovers(dir));
    }

    /** Class 4, non-finite input: a NaN voxel and a NaN weight are errors naming the file. */
    @Test
    void class4NonFiniteImagesAndWeightsAreRefusedNamingTheFile() throws IOException {
        Path data = FuzzFiles.writeDataset(dir.resolve("in/data"), 3);
        assertEquals(0, run(FuzzFiles.trainArgs(data, dir.resolve("run"))).code());
        Path model = dir.resolve("run/checkpoint.npz");
        float[] v = new float[FuzzFiles.NX * FuzzFiles.NY * FuzzFiles.NZ];
        v[FuzzFiles.NX + 2] = Float.NaN;
        Path image = dir.resolve("in/nan.nii.gz");
        new NiftiImage(FuzzFiles.header(NiftiDataType.FLOAT32), v).write(image);
        Run r = run("predict", "--model", model.toString(), "--image", image.toString(), "--out", dir.resolve("p.nii.gz").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.oneLine() && r.err().contains(image + ": voxel (2, 1, 0) holds NaN"), r.err());
        assertFalse(Files.exists(dir.resolve("p.nii.gz")), "no all-background volume");

        var entries = CheckpointFuzzTest.entries(Files.readAllBytes(model));
        String weight = CheckpointFuzzTest.firstModel(entries);
        byte[] npy = entries.get(weight).clone();
        int start = 10 + ((npy[8] & 0xFF) | (npy[9] & 0xFF) << 8);
        java.nio.ByteBuffer.wrap(npy).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(start, Float.NaN);
        entries.put(weight, npy);
        Path nanModel = Files.write(dir.resolve("nan.npz"), CheckpointFuzzTest.zip(entries));
        Run w = run("predict", "--model", nanModel.toString(), "--image", data.resolve("imagesTr/case_0_0000.nii.gz").toString(),
                "--out", dir.resolve("p.nii.gz").toString());
        assertEquals(1, w.code(), w.err());
        assertTrue(w.oneLine() && w.err().contains(nanModel + ":" + weight + ": value 0 is NaN"), w.err());
    }

    /** Class 5, world-space mismatches: a label mirrored in x against its image, in datasets, train and metrics. */
    @Test
    void class5AMirroredLabelIsRefusedByDatasetsTrainAndMetrics() throws IOException {
        Path data = FuzzFiles.writeDataset(dir.resolve("in/data"), 3);
        Path label = data.resolve("labelsTr/case_1.nii.gz");
        float[] srow = {-1, 0, 0, 5, 0, 1, 0, -5, 0, 0, 2, -4};
        NiftiImage original = org.regionwise.experiments.io.NiftiReader.read(label);
        NiftiHeader h = original.header();
        NiftiHeader mirrored = new NiftiHeader(h.dims(), h.pixdim(), h.dataType(), h.voxOffset(), h.sclSlope(), h.sclInter(),
                h.xyztUnits(), "", new NiftiGeometry(0, 1, 0, 0, 0, 0, 0, 0, srow), h.byteOrder());
        new NiftiImage(mirrored, original.data()).write(label);
        for (String[] args : new String[][] {{"datasets", "--data", data.toString()}, FuzzFiles.trainArgs(data, dir.resolve("run"))}) {
            Run r = run(args);
            assertEquals(1, r.code(), r.err());
            assertTrue(r.oneLine() && r.err().contains(label.toString()) && r.err().contains("mirrored"), r.err());
        }
        Path image = data.resolve("labelsTr/case_0.nii.gz");
        Run m = run("metrics", "--pred", label.toString(), "--truth", image.toString());
        assertEquals(1, m.code(), m.err());
        assertTrue(m.oneLine() && m.err().contains("not on the same grid") && m.err().contains("mirrored"), m.err());
    }

    /** Class 6, memory amplification (the child-JVM cases are {@link MemoryFuzzTest}): refused before allocating. */
    @Test
    void class6ALabelOf40000IsRefusedBeforeAllocatingItsMaps() throws IOException {
        Path file = dir.resolve("labels.nii.gz");
        float[] v = new float[16 * 16 * 16];
        v[100] = 40000;
        new NiftiImage(NiftiHeader.of(NiftiDataType.UINT16, 16, 16, 16), v).write(file);
        long t0 = System.nanoTime();
        Run r = run("maps", "--label", file.toString(), "--map", "rrw", "--out", dir.resolve("m.nii.gz").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.oneLine() && r.err().contains(file + ": holds label 40000, but at most 1024 classes"), r.err());
        assertTrue((System.nanoTime() - t0) / 1e9 < 10, "refused at once");
        Run c = run("metrics", "--pred", file.toString(), "--truth", file.toString(), "--classes", "2000000000");
        assertEquals(Main.USAGE_ERROR, c.code(), c.err());
    }

    /** Class 7, internal errors on values that are usage errors. */
    @Test
    void class7OutOfRangeOptionValuesAreUsageErrors() throws IOException {
        Path labels = FuzzFiles.writeLabels(dir.resolve("a.nii.gz"), 0);
        String out = dir.resolve("out").toString();
        List<String[]> cases = List.of(
                new String[] {"train", "--out", out, "--minutes", "Infinity"},
                new String[] {"train", "--out", out, "--batch", "2000000000"},
                new String[] {"train", "--out", out, "--threads", "40000"},
                new String[] {"train", "--out", out, "--backend", "bogus"},
                new String[] {"maps", "--label", labels.toString(), "--map", "rrw-weighted", "--weights", "1,NaN,1", "--out",
                        dir.resolve("m.nii.gz").toString()},
                new String[] {"demo", "--out", out, "--minutes", "1e400"});
        for (String[] args : cases) {
            Run r = run(args);
            assertEquals(Main.USAGE_ERROR, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.oneLine(), r.err());
        }
    }

    /** Class 8, resume on changed data: refused, naming the change, unless --allow-changed-data. */
    @Test
    void class8ResumeRefusesChangedDataUnlessAllowed() throws IOException {
        Path data = FuzzFiles.writeDataset(dir.resolve("in/data"), 3);
        Path out = dir.resolve("run");
        Run first = run(FuzzFiles.trainArgs(data, out, "--epochs", "1000", "--minutes", "0.002"));
        assertEquals(0, first.code(), first.err());
        assertFalse(CheckpointFile.read(out.resolve("checkpoint.npz")).finished());

        Path label = data.resolve("labelsTr/case_1.nii.gz");
        new NiftiImage(FuzzFiles.header(NiftiDataType.UINT8), new float[FuzzFiles.NX * FuzzFiles.NY * FuzzFiles.NZ]).write(label);
        Run refused = run("train", "--resume", "--out", out.toString(), "--minutes", "0.002");
        assertEquals(1, refused.code(), refused.err());
        assertTrue(refused.oneLine() && refused.err().contains("labelsTr/case_1.nii.gz changed")
                && refused.err().contains("--allow-changed-data"), refused.err());

        Run allowed = run("train", "--resume", "--allow-changed-data", "--out", out.toString(), "--minutes", "0.002");
        assertEquals(0, allowed.code(), allowed.err());
        assertTrue(allowed.err().contains("warning:") && allowed.err().contains("case_1.nii.gz changed"), allowed.err());
        Run again = run("train", "--resume", "--out", out.toString(), "--minutes", "0.002");
        assertEquals(0, again.code(), "the checkpoint now records the new data: " + again.err());
    }

    /** Class 9, errors that pointed at the wrong thing. */
    @Test
    void class9ErrorsNameTheFileAtFault() throws IOException {
        Path labels = FuzzFiles.writeLabels(dir.resolve("in/a.nii.gz"), 0);
        Path nested = dir.resolve("missing/folder/m.nii.gz");
        Run created = run("maps", "--label", labels.toString(), "--map", "boundary", "--out", nested.toString());
        assertEquals(0, created.code(), "a missing output folder is created: " + created.err());

        Path data = FuzzFiles.writeDataset(dir.resolve("in/data"), 3);
        Path json = data.resolve("dataset.json");
        byte[] b = Files.readAllBytes(json);
        b[5] = (byte) 0xC3;
        b[6] = (byte) 0x28;
        Files.write(json, b);
        Run utf8 = run("datasets", "--data", data.toString());
        assertTrue(utf8.oneLine() && utf8.err().contains(json + ": not valid UTF-8"), utf8.err());

        Run folder = run("maps", "--label", dir.resolve("in").toString(), "--map", "rrw", "--out", dir.resolve("m.nii.gz").toString());
        assertTrue(folder.oneLine() && folder.err().contains(dir.resolve("in").toString()), folder.err());
        Run folderModel = run("predict", "--model", dir.resolve("in").toString(), "--image", labels.toString(), "--out",
                dir.resolve("p.nii.gz").toString());
        assertTrue(folderModel.oneLine() && folderModel.err().contains(dir.resolve("in") + ": is a folder"), folderModel.err());

        float[] pixdim = {1, 2, 3};
        NiftiHeader plain = NiftiHeader.of(NiftiDataType.UINT8, FuzzFiles.NX, FuzzFiles.NY, FuzzFiles.NZ);
        float[] p = plain.pixdim();
        System.arraycopy(pixdim, 0, p, 1, 3);
        Path anisotropic = dir.resolve("in/xyz.nii.gz");
        new NiftiImage(new NiftiHeader(plain.dims(), p, plain.dataType(), plain.voxOffset(), 1, 0, plain.xyztUnits(), "",
                plain.geometry(), plain.byteOrder()), new float[FuzzFiles.NX * FuzzFiles.NY * FuzzFiles.NZ]).write(anisotropic);
        Run grid = run("metrics", "--pred", anisotropic.toString(), "--truth", labels.toString());
        assertTrue(grid.err().contains("dims 12x10x4, voxel 1x2x3 mm"), "x, y, z order: " + grid.err());

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Run notAFolder = run(FuzzFiles.trainArgs(data, file));
        assertEquals(Main.USAGE_ERROR, notAFolder.code(), notAFolder.err());
        assertTrue(notAFolder.oneLine() && notAFolder.err().contains(file + " is a file"), "found before any training: " + notAFolder.err());
    }
}
