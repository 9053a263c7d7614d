package org.regionwise.losses;

/**
 * The weights of a two-term combination {@code w1 L_1 + w2 L_2} at an epoch (counted from 0), SPEC.md
 * section 4.4. The first term is the regional loss (Dice or cross entropy), the second the RW or
 * boundary term.
 */
@FunctionalInterface
public interface Schedule {

    /** Both weights at {@code epoch}. */
    Weights at(int epoch);

    /** A pair of weights. */
    record Weights(double first, double second) {}

    /** Equal: {@code L_1 + L_2} at every epoch. */
    static Schedule equal() {
        return epoch -> new Weights(1, 1);
    }

    /**
     * Gradual (the RW paper and its reference code): {@code a L_1 + (1 - a) L_2} with
     * {@code a = max((100 - e) / 100, 0.01)}: all first term at epoch 0, 0.01 of it from epoch 99 on.
     */
    static Schedule gradual() {
        return epoch -> {
            double a = Math.max((100.0 - Epochs.check(epoch)) / 100.0, 0.01);
            return new Weights(a, 1 - a);
        };
    }

    /**
     * Kervadec et al.'s schedule (their code's {@code StealWeight(0.01)}): start at [1, 0.01]; after each
     * epoch the first weight loses 0.01, never going below 0.1, and the second gains 0.01, without bound.
     * So at epoch e: {@code [max(1 - 0.01 e, 0.1), 0.01 (1 + e)]}.
     */
    static Schedule kervadec() {
        return epoch -> {
            int e = Epochs.check(epoch);
            return new Weights(Math.max(1 - 0.01 * e, 0.1), 0.01 * (1 + e));
        };
    }
}
