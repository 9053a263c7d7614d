package org.regionwise.experiments.study;

/** Small numeric helpers shared by the study's records and tables. */
final class StudyMath {
    private StudyMath() {}

    /** Mean of {@code perClass[1..]} over the values that are not NaN; NaN when none. */
    static double meanForeground(double[] perClass) {
        double sum = 0;
        int n = 0;
        for (int c = 1; c < perClass.length; c++) {
            if (!Double.isNaN(perClass[c])) {
                sum += perClass[c];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
