package org.regionwise.experiments.study;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.regionwise.experiments.train.DataSpec;

/**
 * The settings every trial of a study shares (data, network, schedule); the study's commands add the losses and
 * seeds. The same values mean the same in every command.
 *
 * @param data               {@value DataSpec#DEFAULT} or an nnU-Net raw folder (absolute)
 * @param scale              the default data set's in-plane downsampling (1 for folders)
 * @param validationFraction a folder's share of cases held out
 * @param epochs             epochs per trial
 * @param stepsPerEpoch      steps per epoch, 0 for one pass
 * @param batch              slices per step
 * @param lr                 Adam's initial learning rate
 * @param levels             U-Net levels
 * @param baseFilters        filters of the first level
 */
public record StudySettings(String data, int scale, double validationFraction, int epochs, int stepsPerEpoch, int batch,
                            double lr, int levels, int baseFilters) {

    /** A trial of these settings. */
    public TrialSpec spec(String loss, long seed, int validateEvery, String observer) {
        return new TrialSpec(data, scale, validationFraction, loss, seed, epochs, stepsPerEpoch, batch, lr, levels, baseFilters,
                validateEvery, true, observer);
    }

    /** The settings as text by name, for the study manifest (what must match for results to be mixed). */
    public Map<String, String> configuration() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("data", data);
        m.put("scale", Integer.toString(scale));
        m.put("validation-fraction", text(validationFraction));
        m.put("epochs", Integer.toString(epochs));
        m.put("steps-per-epoch", Integer.toString(stepsPerEpoch));
        m.put("batch", Integer.toString(batch));
        m.put("lr", text(lr));
        m.put("levels", Integer.toString(levels));
        m.put("base-filters", Integer.toString(baseFilters));
        return m;
    }

    /** One line for reports: {@code 20 epochs, lr 0.001, batch 4, 4 levels x 16 filters, default data at scale 2}. */
    public String describe() {
        return String.format(Locale.ROOT, "%d epochs%s, Adam lr %s (poly decay), batch %d, U-Net %d levels from %d filters, data %s%s",
                epochs, stepsPerEpoch > 0 ? " of " + stepsPerEpoch + " steps" : "", text(lr), batch, levels, baseFilters, data,
                DataSpec.DEFAULT.equals(data) ? " at scale " + scale : ", validation fraction " + text(validationFraction));
    }

    private static String text(double v) {
        return Double.toString(v);
    }
}
