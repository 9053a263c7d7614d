package org.regionwise.autodiff.cpu;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.ConvPass;

/**
 * Direct (implicit GEMM) or Winograd, per pass and shape. Where Winograd applies ({@link
 * WinogradConvolution#applies}), the first call of a shape times both algorithms in the running process,
 * alternating, best of {@value #ROUNDS} each, on the call's own operands (into a throwaway output where the
 * pass accumulates), and keeps the faster for the rest of the process: the choice follows this machine, its
 * thread count and its cache sizes, not a table tuned elsewhere. Both algorithms meet the same accuracy
 * tolerance against the reference, so the choice changes speed only.
 *
 * <p>System property {@value #PROPERTY}: {@code off} (default: direct everywhere), {@code auto} (the timed choice
 * above) or {@code on} (Winograd wherever it applies). The default is off because the two algorithms round
 * differently and a timed choice can fall either way from one process to the next: with {@code auto}, a run
 * killed and resumed, or the same seed on another day, no longer gives the same bits, and a study's kill-and-rerun
 * guarantee rests on exactly that. Use {@code auto} for speed where bit-for-bit reruns do not matter.
 */
final class ConvChoice {
    static final String PROPERTY = "regionwise.conv.winograd";
    private static final int ROUNDS = 2;

    enum Mode { AUTO, ON, OFF }

    private record Key(ConvPass pass, ConvGeometry geometry) {}

    private Mode mode;
    private final Map<Key, Boolean> chosen = new HashMap<>();

    ConvChoice() {
        String p = System.getProperty(PROPERTY, "off").trim().toLowerCase(Locale.ROOT);
        this.mode = switch (p) {
            case "auto" -> Mode.AUTO;
            case "on" -> Mode.ON;
            case "off" -> Mode.OFF;
            default -> throw new IllegalArgumentException(PROPERTY + " must be auto, on or off, got '" + p + "'");
        };
    }

    /** Sets the mode and forgets earlier choices (tests pin an algorithm with it). */
    void mode(Mode m) {
        this.mode = m;
        chosen.clear();
    }

    /**
     * Whether to run Winograd for this call; on the first call of a shape in auto mode, times both with
     * {@code direct} and {@code winograd} (each runs the whole pass once into the scratch or real output).
     */
    boolean winograd(ConvPass pass, ConvGeometry g, Runnable direct, Runnable winograd) {
        if (!WinogradConvolution.applies(g) || mode == Mode.OFF) return false;
        if (mode == Mode.ON) return true;
        Key key = new Key(pass, g);
        Boolean c = chosen.get(key);
        if (c == null) {
            long bestDirect = Long.MAX_VALUE;
            long bestWinograd = Long.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                bestDirect = Math.min(bestDirect, nanos(direct));
                bestWinograd = Math.min(bestWinograd, nanos(winograd));
            }
            c = bestWinograd < bestDirect;
            chosen.put(key, c);
        }
        return c;
    }

    /** What {@link #winograd} chose or will choose for this shape, for reports (runs nothing). */
    String describe(ConvPass pass, ConvGeometry g, String direct) {
        if (!WinogradConvolution.applies(g) || mode == Mode.OFF) return direct;
        if (mode == Mode.ON) return WINOGRAD + " (forced)";
        Boolean c = chosen.get(new Key(pass, g));
        if (c == null) return direct + " or " + WINOGRAD + ", timed at first use";
        return c ? WINOGRAD + " (timed faster than " + direct + ")" : direct + " (timed faster than " + WINOGRAD + ")";
    }

    static final String WINOGRAD = "Winograd F(2x2,3x3)";

    private static long nanos(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return System.nanoTime() - t0;
    }
}
