package org.regionwise.experiments.study;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * What one trial produced, everything a study's tables and figures need (no timings, so a rerun gives the
 * same bytes): the final model's metrics per validation case (3D volume) and per validation slice (2D),
 * each per class, and the validation Dice per class of every validated epoch.
 *
 * @param specId      {@link TrialSpec#id()} of the trial
 * @param spec        the trial
 * @param status      how it ended
 * @param message     one line: what happened ({@code trained 20 epochs}, the divergence, or the failure)
 * @param classNames  one name per class, index = label value
 * @param cases       metrics per validation volume, in the data set's volume order (empty unless COMPLETED)
 * @param slices      metrics per validation slice (2D, in the slice's own spacing), volume then slice order
 * @param curve       validation Dice per class of each validated epoch, in epoch order
 */
@JsonPropertyOrder({"specId", "spec", "status", "message", "classNames", "cases", "slices", "curve"})
public record TrialResult(String specId, TrialSpec spec, Status status, String message, List<String> classNames,
                          List<UnitMetrics> cases, List<UnitMetrics> slices, List<EpochDice> curve) {

    /** How a trial ended. */
    public enum Status {
        /** Trained every epoch and evaluated. */
        COMPLETED,
        /**
         * The loss or a gradient became NaN or infinite: a property of the configuration (rerunning gives the
         * same), recorded as a result, with the curve up to the last good epoch and no final metrics.
         */
        DIVERGED,
        /** An exception (I/O, memory, a bug): not written as a result, so the next run of the study retries it. */
        FAILED
    }

    /**
     * Metrics of one evaluated unit (a volume, or a slice) per class; NaN where undefined (a class absent
     * from both masks has no Dice; distances need the class in both).
     *
     * @param id   the volume id, or {@code volume#slice}
     * @param dice Dice per class
     * @param hd   Hausdorff distance per class, mm
     * @param hd95 95th-percentile Hausdorff distance per class (pooled, as MedPy and nnU-Net), mm
     */
    @JsonPropertyOrder({"id", "dice", "hd", "hd95"})
    public record UnitMetrics(String id, double[] dice, double[] hd, double[] hd95) {
        public UnitMetrics {
            Objects.requireNonNull(id, "id");
            if (dice.length != hd.length || dice.length != hd95.length) throw new IllegalArgumentException("one value per class");
        }

        /** The values of {@code metric} per class. */
        public double[] values(StudyMetric metric) {
            return switch (metric) {
                case DICE -> dice;
                case HD -> hd;
                case HD95 -> hd95;
            };
        }
    }

    /**
     * Validation Dice of one epoch.
     *
     * @param epoch counted from 0
     * @param dice  mean over the validation volumes per class (NaN where a class is in no volume's masks)
     */
    @JsonPropertyOrder({"epoch", "dice"})
    public record EpochDice(int epoch, double[] dice) {
        /** Mean over the foreground classes with a value, NaN if none. */
        public double meanForeground() {
            return StudyMath.meanForeground(dice);
        }
    }

    /** Copies the lists. */
    public TrialResult {
        Objects.requireNonNull(specId, "specId");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
        cases = cases == null ? List.of() : List.copyOf(cases);
        slices = slices == null ? List.of() : List.copyOf(slices);
        curve = curve == null ? List.of() : List.copyOf(curve);
    }

    /** A failure record: the trial threw; nothing is saved, the next run retries it. */
    public static TrialResult failed(TrialSpec spec, String message) {
        return new TrialResult(spec.id(), spec, Status.FAILED, message, null, null, null, null);
    }

    @JsonIgnore
    public boolean completed() {
        return status == Status.COMPLETED;
    }

    /**
     * The final model's mean foreground Dice: per class the mean over validation volumes (undefined values left
     * out), then the mean over foreground classes. NaN unless COMPLETED.
     */
    @JsonIgnore
    public double meanForegroundDice() {
        if (!completed() || cases.isEmpty()) return Double.NaN;
        return StudyMath.meanForeground(meanPerClass(StudyMetric.DICE));
    }

    /** Per class, the mean of {@code metric} over the validation volumes, undefined values left out (NaN if none). */
    public double[] meanPerClass(StudyMetric metric) {
        int c = classNames.size();
        double[] out = new double[c];
        for (int k = 0; k < c; k++) {
            double sum = 0;
            int n = 0;
            for (UnitMetrics u : cases) {
                double v = u.values(metric)[k];
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            out[k] = n == 0 ? Double.NaN : sum / n;
        }
        return out;
    }
}
