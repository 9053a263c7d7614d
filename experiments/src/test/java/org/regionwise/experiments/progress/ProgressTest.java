package org.regionwise.experiments.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.experiments.train.TinyData;
import org.regionwise.experiments.train.Trainer;

/** Plain lines when the output is not a terminal, a redrawn bar when it is. */
class ProgressTest {
    @TempDir
    Path dir;

    @Test
    void notATerminalGetsPlainLinesOnePerEpoch() throws IOException {
        StringWriter text = new StringWriter();
        Progress progress = Progress.forOutput(new PrintWriter(text), false);
        assertInstanceOf(LineProgress.class, progress);

        Trainer.start(TinyData.setup(TinyData.options(1), dir.resolve("checkpoint.npz")).progress(progress).build()).run();

        String out = text.toString();
        assertFalse(out.contains("\r"), "no carriage returns in a log");
        assertTrue(out.startsWith("training: 3 epochs of 3 steps\n"), out);
        assertTrue(out.contains("epoch 1/3: loss "), out);
        assertTrue(out.contains("epoch 3/3: loss "), out);
        assertTrue(out.contains("validation Dice"), out);
        assertEquals(5, out.lines().count(), out); // start, 3 epochs, done
    }

    @Test
    void longEpochsGetAStepLineEveryHalfMinute() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong();
        LineProgress p = new LineProgress(new PrintWriter(text), now::get);
        for (int step = 0; step < 10; step++) {
            now.addAndGet(10_000_000_000L); // 10 s per step
            p.step(new Progress.StepReport(0, 2, step, 100, 0.5, 0.1, 1990));
        }
        assertEquals(3, text.toString().lines().count(), text.toString());
        assertTrue(text.toString().contains("epoch 1/2 step 3/100 loss 0.5000 0.10 steps/s ETA 33m10s"), text.toString());
    }

    @Test
    void aTerminalGetsABarRedrawnInPlace() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong();
        TerminalProgress p = new TerminalProgress(new PrintWriter(text), now::get);
        for (int step = 0; step < 4; step++) {
            now.addAndGet(1_000_000_000L);
            p.step(new Progress.StepReport(0, 1, step, 4, 0.25, 1, 4 - step));
        }
        p.note("done");
        String out = text.toString();
        assertTrue(out.contains("\r[######..................] epoch 1/1 step 1/4"), out);
        assertTrue(out.contains("\r[########################] epoch 1/1 step 4/4"), out);
        assertTrue(out.endsWith("done\n") || out.endsWith("done" + System.lineSeparator()), out);
    }

    @Test
    void durationsAreShort() {
        assertEquals("42s", ProgressText.duration(42.4));
        assertEquals("3m05s", ProgressText.duration(185));
        assertEquals("1h02m", ProgressText.duration(3720));
        assertEquals("?", ProgressText.duration(Double.POSITIVE_INFINITY));
    }
}
