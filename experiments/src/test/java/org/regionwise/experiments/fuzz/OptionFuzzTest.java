package org.regionwise.experiments.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.regionwise.experiments.fuzz.FuzzRun.Expect;
import org.regionwise.experiments.fuzz.FuzzRun.Outcome;

/**
 * Option values against their commands: each numeric option gets hostile numbers (zero, negatives,
 * 2,000,000,000, Infinity, NaN, 1e400, text) and a value in range. An out-of-range value must be a usage
 * error (exit 2) naming the option; a value in range must get past the option checks (the run then ends
 * on its missing input, exit 1, naming that file).
 */
class OptionFuzzTest {
    private static final String SUITE = "options";
    private static final String[] VALUES = {"0", "-1", "1", "3", "2000000000", "-2147483649", "Infinity", "-Infinity", "NaN", "1e400",
            "abc", "", "0.5", "40000", "1,NaN,1"};
    private static Path world;
    private static Path labels;

    @BeforeContainer
    static void create() throws IOException {
        world = Files.createTempDirectory("regionwise-fuzz-options");
        labels = FuzzFiles.writeLabels(world.resolve("in/labels.nii.gz"), 0);
    }

    @AfterContainer
    static void report() throws IOException {
        FuzzFiles.deleteTree(world);
        FuzzTally.report();
    }

    /** An option of a command, the arguments around it, and which numbers are in its documented range. */
    record Target(String option, DoublePredicate valid, boolean integer, String... args) {}

    private static final String MISSING = "/nonexistent/regionwise-fuzz";

    private static List<Target> targets() {
        String out = world.resolve("out/run").toString();
        String[] train = {"train", "--data", MISSING, "--out", out};
        String[] predict = {"predict", "--model", MISSING + ".npz", "--image", labels.toString(), "--out", world.resolve("out/p.nii.gz").toString()};
        String[] maps = {"maps", "--label", MISSING + ".nii.gz", "--map", "rrw", "--out", world.resolve("out/m.nii.gz").toString()};
        String[] metrics = {"metrics", "--pred", MISSING + ".nii.gz", "--truth", labels.toString()};
        List<Target> t = new ArrayList<>();
        t.add(new Target("--batch", v -> v >= 1 && v <= 1024, true, train));
        t.add(new Target("--threads", v -> v >= 1 && v <= 256, true, train));
        t.add(new Target("--minutes", v -> v > 0 && v <= 1e6, false, train));
        t.add(new Target("--epochs", v -> v >= 1 && v <= 1e6, true, train));
        t.add(new Target("--steps-per-epoch", v -> v >= 0 && v <= 1e6, true, train));
        t.add(new Target("--lr", v -> v > 0 && Double.isFinite(v), false, train));
        t.add(new Target("--levels", v -> v >= 2 && v <= 8, true, train));
        t.add(new Target("--base-filters", v -> v >= 1 && v <= 480, true, train));
        t.add(new Target("--validate-every", v -> v >= 0, true, train));
        t.add(new Target("--validation-fraction", v -> v >= 0 && v < 1, false, train));
        t.add(new Target("--batch", v -> v >= 1 && v <= 1024, true, predict));
        t.add(new Target("--threads", v -> v >= 1 && v <= 256, true, predict));
        t.add(new Target("--classes", v -> v >= 1 && v <= 1024, true, maps));
        t.add(new Target("--threads", v -> v >= 1 && v <= 256, true, maps));
        t.add(new Target("--hd-alpha", v -> v >= 0 && Double.isFinite(v), false, maps));
        t.add(new Target("--classes", v -> v >= 1 && v <= 1024, true, metrics));
        t.add(new Target("--connectivity", v -> v >= 1 && v <= 3, true, metrics));
        return t;
    }

    @Property(tries = 100)
    void optionValues(@ForAll @IntRange(min = 0, max = 16) int which, @ForAll @IntRange(min = 0, max = 14) int valueIndex)
            throws IOException {
        Target target = targets().get(which);
        String value = VALUES[valueIndex];
        List<String> args = new ArrayList<>(List.of(target.args()));
        args.add(target.option());
        args.add(value);
        Outcome o = FuzzRun.run(world, world.resolve("out"), 30, args.toArray(String[]::new));
        boolean valid = isValid(target, value);
        // In range: past the option checks, the run must stop at its missing input (exit 1, naming it).
        FuzzVerdict v = valid ? FuzzRun.judge(o, Expect.ERROR, false, 1, MISSING)
                : FuzzRun.judge(o, Expect.ERROR, false, 2, target.option());
        String what = args.get(0) + " " + target.option() + " '" + value + "'";
        FuzzTally.add(SUITE, v, what + ": " + o);
        FuzzFiles.deleteTree(world.resolve("out"));
        assertFalse(v.bad(), what + ": " + v + ": " + o);
    }

    private static boolean isValid(Target target, String value) {
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return false;
        }
        if (target.integer() && (v != Math.rint(v) || value.contains(".") || value.contains("e") || Math.abs(v) > Integer.MAX_VALUE)) {
            return false;
        }
        return target.valid().test(v);
    }
}
