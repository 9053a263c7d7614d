package org.regionwise.experiments.eval;

import java.util.List;
import org.regionwise.maps.Connectivity;
import org.regionwise.maps.Grid;

/**
 * The metrics of every class of one predicted volume against its reference.
 *
 * @param grid         the volume's grid (its spacing is the unit of every distance)
 * @param connectivity the neighbourhood that defined the surfaces
 * @param classes      one entry per class, in class order from 0 (the background)
 */
public record VolumeMetrics(Grid grid, Connectivity connectivity, List<ClassMetrics> classes) {

    /** Copies the list and checks that entry {@code c} is class {@code c}. */
    public VolumeMetrics {
        if (grid == null || connectivity == null || classes == null || classes.isEmpty()) {
            throw new IllegalArgumentException("volume metrics need a grid, a connectivity and at least one class");
        }
        classes = List.copyOf(classes);
        for (int c = 0; c < classes.size(); c++) {
            if (classes.get(c).classIndex() != c) {
                throw new IllegalArgumentException("entry " + c + " holds class " + classes.get(c).classIndex()
                        + "; entries must be in class order from 0");
            }
        }
    }

    /** Number of classes, background included. */
    public int classCount() {
        return classes.size();
    }

    /** The metrics of class {@code c}. */
    public ClassMetrics of(int c) {
        if (c < 0 || c >= classes.size()) {
            throw new IllegalArgumentException("class " + c + " is not in [0, " + classes.size() + ")");
        }
        return classes.get(c);
    }

    /** The foreground classes 1..C-1: the ones papers and nnU-Net report. */
    public List<ClassMetrics> foreground() {
        return classes.subList(1, classes.size());
    }
}
