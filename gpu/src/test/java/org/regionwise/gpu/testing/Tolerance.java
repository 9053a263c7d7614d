package org.regionwise.gpu.testing;

import static org.junit.jupiter.api.Assertions.fail;

/** Elementwise comparison |actual - expected| <= abs + rel * |expected|, failing with the worst element. */
public record Tolerance(double abs, double rel) {

    /** The largest error relative to the allowance (<= 1 passes), for reporting how close a comparison was. */
    public double worstRatio(float[] expected, float[] actual) {
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double allowed = abs + rel * Math.abs(expected[i]);
            double err = Math.abs((double) actual[i] - expected[i]);
            if (Float.isNaN(actual[i]) != Float.isNaN(expected[i])) return Double.POSITIVE_INFINITY;
            worst = Math.max(worst, err / allowed);
        }
        return worst;
    }

    public void assertClose(String what, float[] expected, float[] actual) {
        if (expected.length != actual.length) fail(what + ": length " + actual.length + " != " + expected.length);
        int worstIndex = -1;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double allowed = abs + rel * Math.abs(expected[i]);
            double err = Math.abs((double) actual[i] - expected[i]);
            boolean nanMismatch = Float.isNaN(actual[i]) != Float.isNaN(expected[i]);
            if (nanMismatch || err / allowed > worst) {
                worst = nanMismatch ? Double.POSITIVE_INFINITY : err / allowed;
                worstIndex = i;
            }
        }
        if (worst > 1) {
            fail(what + ": element " + worstIndex + " is " + actual[worstIndex] + ", expected " + expected[worstIndex]
                    + " (allowed |error| <= " + abs + " + " + rel + " * |expected|)");
        }
    }
}
