package org.regionwise.experiments.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.regionwise.experiments.cli.Main;
import org.regionwise.experiments.io.CheckpointFile;
import org.regionwise.experiments.io.NiftiDataType;
import org.regionwise.experiments.io.NiftiHeader;
import org.regionwise.experiments.io.NiftiImage;
import org.regionwise.experiments.io.NiftiReader;
import org.regionwise.experiments.io.OutputLock;

/**
 * {@code kill -9} and SIGTERM at random moments of {@code train}, {@code maps} and {@code metrics} running
 * in a child JVM: every output must then be the old complete file, the new complete file, or absent when
 * there was none; and the next run in the folder must succeed and leave no temporary and no lock file.
 * While a child trains, a second {@code train} into its folder must be refused, naming the holder.
 */
class KillTest {
    private static Path world;
    private static Path data;
    private static Path bigLabels;
    private static Path otherLabels;

    @BeforeContainer
    static void create() throws IOException {
        world = Files.createTempDirectory("regionwise-kill");
        data = FuzzFiles.writeDataset(world.resolve("in/data"), 3);
        bigLabels = volume(world.resolve("in/big.nii.gz"), 0);
        otherLabels = volume(world.resolve("in/other.nii.gz"), 5);
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        FuzzFiles.deleteTree(world);
        FuzzTally.report();
    }

    /** A 128 x 128 x 48 label volume of four classes: large enough that maps and metrics take a moment. */
    private static Path volume(Path file, int shift) throws IOException {
        int nx = 128, ny = 128, nz = 48;
        float[] v = new float[nx * ny * nz];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double r = Math.hypot(x - 64 - shift, y - 64);
                    v[x + nx * (y + ny * z)] = r < 20 ? 1 : r < 35 ? 2 : (x + z) % 17 == 0 ? 3 : 0;
                }
            }
        }
        new NiftiImage(NiftiHeader.of(NiftiDataType.UINT8, nx, ny, nz), v).write(file);
        return file;
    }

    @Property(tries = 3)
    void trainKilledAtARandomMoment(@ForAll @IntRange(min = 1200, max = 4500) int millis, @ForAll boolean sigkill) throws Exception {
        Path out = world.resolve("out/train");
        FuzzFiles.deleteTree(out);
        Process child = ChildJvm.start("256m", world.resolve("logs"), FuzzFiles.trainArgs(data, out, "--epochs", "100000"));
        Thread.sleep(millis);
        if (child.isAlive() && Files.exists(out.resolve(OutputLock.NAME))) {
            String[] second = FuzzFiles.trainArgs(data, out, "--epochs", "3");
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), second);
            assertEquals(1, code, err.toString());
            assertTrue(err.toString().contains("in use by another run, regionwise train (process " + child.pid()), err.toString());
        }
        stop(child, sigkill);

        Path checkpoint = out.resolve("checkpoint.npz");
        if (Files.exists(checkpoint)) CheckpointFile.read(checkpoint); // complete: readable, CRCs intact, weights finite
        Path history = out.resolve("history.csv");
        if (Files.exists(history)) assertTrue(Files.readString(history).startsWith("epoch"), "history.csv is whole");

        String[] next = Files.exists(checkpoint)
                ? new String[] {"train", "--resume", "--out", out.toString(), "--minutes", "0.01", "--threads", "1"}
                : FuzzFiles.trainArgs(data, out, "--epochs", "1");
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), next), err.toString());
        assertEquals(List.of(), FuzzRun.leftovers(out), "nothing left behind after the next run (killed " + (sigkill ? "-9" : "TERM") + ")");
        tally("train", millis, sigkill);
    }

    @Property(tries = 2)
    void mapsKilledAtARandomMoment(@ForAll @IntRange(min = 300, max = 4000) int millis, @ForAll boolean sigkill) throws Exception {
        Path out = world.resolve("out/maps");
        FuzzFiles.deleteTree(out);
        Path map = out.resolve("map.nii.gz");
        assertEquals(0, run("maps", "--label", otherLabels.toString(), "--map", "rrw", "--out", map.toString(), "--threads", "1"));
        float[] old = NiftiReader.read(map).data();
        Process child = ChildJvm.start("512m", world.resolve("logs"), "maps", "--label", bigLabels.toString(), "--map", "rrw", "--out",
                map.toString(), "--threads", "1");
        Thread.sleep(millis);
        stop(child, sigkill);
        float[] after = NiftiReader.read(map).data();

        assertEquals(0, run("maps", "--label", bigLabels.toString(), "--map", "rrw", "--out", map.toString(), "--threads", "1"));
        float[] fresh = NiftiReader.read(map).data();
        assertTrue(Arrays.equals(after, old) || Arrays.equals(after, fresh), "the old or the new complete map");
        assertEquals(List.of(), FuzzRun.leftovers(out), "nothing left behind after the next run");
        tally("maps", millis, sigkill);
    }

    @Property(tries = 2)
    void metricsKilledAtARandomMoment(@ForAll @IntRange(min = 300, max = 3000) int millis, @ForAll boolean sigkill) throws Exception {
        Path out = world.resolve("out/metrics");
        FuzzFiles.deleteTree(out);
        Path json = out.resolve("metrics.json");
        assertEquals(0, run("metrics", "--pred", otherLabels.toString(), "--truth", otherLabels.toString(), "--out", json.toString()));
        byte[] old = Files.readAllBytes(json);
        Process child = ChildJvm.start("512m", world.resolve("logs"), "metrics", "--pred", bigLabels.toString(), "--truth",
                otherLabels.toString(), "--out", json.toString());
        Thread.sleep(millis);
        stop(child, sigkill);
        byte[] after = Files.readAllBytes(json);

        assertEquals(0, run("metrics", "--pred", bigLabels.toString(), "--truth", otherLabels.toString(), "--out", json.toString()));
        byte[] fresh = Files.readAllBytes(json);
        if (!Arrays.equals(after, old)) assertArrayEquals(fresh, after, "the old or the new complete JSON");
        assertEquals(List.of(), FuzzRun.leftovers(out), "nothing left behind after the next run");
        tally("metrics", millis, sigkill);
    }

    /** A cycle that passed its checks: the outputs were the documented old-or-new complete files. */
    private static void tally(String command, int millis, boolean sigkill) {
        FuzzTally.add("kill (child JVM)", FuzzVerdict.DOCUMENTED, command + " killed " + (sigkill ? "-9" : "TERM") + " at " + millis + " ms");
    }

    private static void stop(Process child, boolean sigkill) throws InterruptedException {
        if (sigkill) {
            child.destroyForcibly(); // SIGKILL
        } else {
            child.destroy(); // SIGTERM: shutdown hooks run
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child stopped");
    }

    private static int run(String... args) {
        return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }
}
