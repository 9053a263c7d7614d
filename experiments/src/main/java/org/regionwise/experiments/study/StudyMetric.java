package org.regionwise.experiments.study;

/** The metrics a study's tables report per class: Dice, and the Hausdorff distance and its 95th percentile in mm. */
public enum StudyMetric {
    DICE("dice"),
    HD("hd"),
    HD95("hd95");

    private final String key;

    StudyMetric(String key) {
        this.key = key;
    }

    /** The name in summary lines, CSV headers and JSON: {@code dice}, {@code hd}, {@code hd95}. */
    public String key() {
        return key;
    }

    /** Whether larger is better (Dice) or smaller (distances). */
    public boolean higherIsBetter() {
        return this == DICE;
    }
}
