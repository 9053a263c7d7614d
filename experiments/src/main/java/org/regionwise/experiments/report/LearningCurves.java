package org.regionwise.experiments.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * What a training run records per epoch for its learning-curve plot: the training loss, optionally a
 * validation loss, and the validation Dice of each class. A trainer adds to it as epochs finish;
 * {@link LearningCurvePlot} draws it. Validation may run on a subset of epochs; each series only needs
 * strictly increasing epochs.
 *
 * <p>Not thread-safe: one trainer fills it.
 */
public final class LearningCurves {

    /** One value of one series at one epoch. */
    record Point(int epoch, double value) {
    }

    private final List<String> classNames;
    private final List<Point> trainingLoss = new ArrayList<>();
    private final List<Point> validationLoss = new ArrayList<>();
    private final List<Integer> diceEpochs = new ArrayList<>();
    private final List<double[]> dice = new ArrayList<>();

    /**
     * @param classNames the classes whose validation Dice will be recorded, in the order of the arrays
     *                   given to {@link #addValidationDice} (typically the foreground classes)
     */
    public LearningCurves(List<String> classNames) {
        if (classNames == null) {
            throw new IllegalArgumentException("learning curves need the class names (an empty list for none)");
        }
        if (new HashSet<>(classNames).size() != classNames.size()) {
            throw new IllegalArgumentException("class names must be distinct (they label the curves): " + classNames);
        }
        this.classNames = List.copyOf(classNames);
    }

    /**
     * Records the mean training loss of an epoch.
     *
     * @throws IllegalArgumentException when the loss is not finite or the epoch is not after the last one
     */
    public void addTrainingLoss(int epoch, double loss) {
        add(trainingLoss, "training loss", epoch, loss);
    }

    /** Records the validation loss of an epoch; as {@link #addTrainingLoss}. */
    public void addValidationLoss(int epoch, double loss) {
        add(validationLoss, "validation loss", epoch, loss);
    }

    /**
     * Records the validation Dice of each class at an epoch; NaN where a class is undefined (absent
     * from both reference and prediction), which the plot leaves out.
     *
     * @throws IllegalArgumentException when the array length differs from the number of class names, a
     *                                  value is outside [0, 1] (and not NaN) or the epoch is not after
     *                                  the last one
     */
    public void addValidationDice(int epoch, double[] dicePerClass) {
        if (dicePerClass == null || dicePerClass.length != classNames.size()) {
            throw new IllegalArgumentException("validation Dice needs one value per class " + classNames + ", got "
                    + (dicePerClass == null ? "null" : Arrays.toString(dicePerClass)));
        }
        for (double d : dicePerClass) {
            if (!Double.isNaN(d) && !(d >= 0 && d <= 1)) {
                throw new IllegalArgumentException("Dice must be in [0, 1] or NaN, got " + Arrays.toString(dicePerClass)
                        + " at epoch " + epoch);
            }
        }
        checkEpoch("validation Dice", diceEpochs.isEmpty() ? null : diceEpochs.get(diceEpochs.size() - 1), epoch);
        diceEpochs.add(epoch);
        dice.add(dicePerClass.clone());
    }

    /** The class names, in Dice order. */
    public List<String> classNames() {
        return classNames;
    }

    /** Whether nothing has been recorded yet. */
    public boolean isEmpty() {
        return trainingLoss.isEmpty() && validationLoss.isEmpty() && diceEpochs.isEmpty();
    }

    /** The first and last epoch of any series; only meaningful when not {@link #isEmpty()}. */
    int[] epochRange() {
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (List<Point> series : List.of(trainingLoss, validationLoss)) {
            if (!series.isEmpty()) {
                first = Math.min(first, series.get(0).epoch());
                last = Math.max(last, series.get(series.size() - 1).epoch());
            }
        }
        if (!diceEpochs.isEmpty()) {
            first = Math.min(first, diceEpochs.get(0));
            last = Math.max(last, diceEpochs.get(diceEpochs.size() - 1));
        }
        return new int[] {first, last};
    }

    List<Point> trainingLoss() {
        return List.copyOf(trainingLoss);
    }

    List<Point> validationLoss() {
        return List.copyOf(validationLoss);
    }

    /** The defined Dice values of one class, by epoch. */
    List<Point> dice(int classIndex) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < diceEpochs.size(); i++) {
            double d = dice.get(i)[classIndex];
            if (!Double.isNaN(d)) {
                points.add(new Point(diceEpochs.get(i), d));
            }
        }
        return points;
    }

    /** Per epoch, the mean Dice over the classes defined at that epoch (epochs with none are left out). */
    List<Point> meanDice() {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < diceEpochs.size(); i++) {
            double sum = 0;
            int n = 0;
            for (double d : dice.get(i)) {
                if (!Double.isNaN(d)) {
                    sum += d;
                    n++;
                }
            }
            if (n > 0) {
                points.add(new Point(diceEpochs.get(i), sum / n));
            }
        }
        return points;
    }

    private static void add(List<Point> series, String what, int epoch, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " at epoch " + epoch + " is " + value + "; it must be finite");
        }
        checkEpoch(what, series.isEmpty() ? null : series.get(series.size() - 1).epoch(), epoch);
        series.add(new Point(epoch, value));
    }

    private static void checkEpoch(String what, Integer last, int epoch) {
        if (epoch < 0 || (last != null && epoch <= last)) {
            throw new IllegalArgumentException(what + " for epoch " + epoch + " comes after epoch " + last
                    + "; epochs must be >= 0 and increase");
        }
    }
}
