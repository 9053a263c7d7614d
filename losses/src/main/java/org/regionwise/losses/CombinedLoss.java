package org.regionwise.losses;

import org.regionwise.autodiff.Tensor;

/**
 * {@code w1 L_1 + w2 L_2} with weights from a {@link Schedule} at the current epoch (SPEC.md 4.4: equal,
 * gradual, Kervadec's). {@link #setEpoch} sets the epoch here and in both parts.
 */
public final class CombinedLoss implements Loss {
    private final String name;
    private final Loss first;
    private final Loss second;
    private final Schedule schedule;
    private volatile int epoch;

    public CombinedLoss(String name, Loss first, Loss second, Schedule schedule) {
        if (first == null || second == null || schedule == null) {
            throw new IllegalArgumentException("combined loss " + name + ": parts and schedule must not be null");
        }
        this.name = name;
        this.first = first;
        this.second = second;
        this.schedule = schedule;
    }

    /** The weights in use at the current epoch. */
    public Schedule.Weights weights() {
        return schedule.at(epoch);
    }

    public int epoch() {
        return epoch;
    }

    public Loss first() {
        return first;
    }

    public Loss second() {
        return second;
    }

    @Override
    public void setEpoch(int epoch) {
        this.epoch = Epochs.check(epoch);
        first.setEpoch(epoch);
        second.setEpoch(epoch);
    }

    @Override
    public Tensor forward(Tensor logits, Target target) {
        target.requireLogits(logits, name);
        Schedule.Weights w = weights();
        return first.forward(logits, target).mul((float) w.first())
                .add(second.forward(logits, target).mul((float) w.second()));
    }

    @Override
    public boolean supportsIgnoreLabel() {
        return first.supportsIgnoreLabel() && second.supportsIgnoreLabel();
    }

    @Override
    public String name() {
        return name;
    }
}
