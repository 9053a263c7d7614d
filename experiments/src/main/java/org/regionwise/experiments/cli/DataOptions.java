package org.regionwise.experiments.cli;

import java.nio.file.Path;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.experiments.data.DefaultDataset;
import org.regionwise.experiments.train.DataSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --data}, {@code --scale}, {@code --spacing} and {@code --validation-fraction} (picocli mixin): which data
 * set, at which in-plane spacing, checked once.
 */
final class DataOptions {

    @Option(names = "--data", paramLabel = "DIR|default", defaultValue = DataSpec.DEFAULT,
            description = "An nnU-Net raw folder (dataset.json, imagesTr/, labelsTr/) or 'default' (Colin27 + AAL from "
                    + "mricron-data, or a phantom) (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "1",
            description = "Default data set only: in-plane downsampling factor 1, 2, 3, 4, 6 or 8 (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--spacing", paramLabel = "native|SX,SY", defaultValue = "native",
            description = "nnU-Net folders only: the in-plane spacing in mm to train at, columns then rows of the slices (NIfTI x, y "
                    + "for axial slices): every slice is resampled to it (images cubic, labels per class linear), recorded in the "
                    + "checkpoint, and 'predict' resamples new images to it; 'native' keeps each volume's own spacing and records "
                    + "the median (default: ${DEFAULT-VALUE}). The default data set uses --scale.")
    String spacing;

    @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "nnU-Net folders only: share of cases held out for validation, in [0, 1) (default: ${DEFAULT-VALUE}).")
    double validationFraction;

    /** Whether the default data set (not an nnU-Net folder) was chosen. */
    boolean isDefault() {
        return DataSpec.DEFAULT.equals(data);
    }

    /** The data location as saved in checkpoints: a folder absolute, so evaluate and --resume work from anywhere. */
    String location() {
        return isDefault() ? data : Path.of(data).toAbsolutePath().normalize().toString();
    }

    /**
     * {@code --spacing} as (row, column) spacing in mm, or {@code null} for 'native'.
     *
     * @throws ParameterException when it is neither 'native' nor two positive numbers
     */
    double[] targetSpacing(CommandSpec spec) {
        if (spacing.trim().equalsIgnoreCase("native")) return null;
        String[] parts = spacing.split(",");
        if (parts.length != 2) throw usage(spec, "--spacing must be 'native' or two numbers SX,SY (mm), got '" + OneLine.visible(spacing) + "'");
        double[] xy = new double[2];
        for (int i = 0; i < 2; i++) {
            try {
                xy[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw usage(spec, "--spacing: '" + OneLine.visible(parts[i].trim()) + "' is not a number");
            }
            if (!(xy[i] > 0) || Double.isInfinite(xy[i])) {
                throw usage(spec, "--spacing values must be positive and finite, got '" + OneLine.visible(spacing) + "'");
            }
        }
        return new double[] {xy[1], xy[0]};
    }

    /** Usage errors for values out of range or that do not apply, reported against {@code spec}'s command line. */
    void validate(CommandSpec spec) {
        if (!isDefault() && scale != 1) throw usage(spec, "--scale applies to --data default only");
        double[] target = targetSpacing(spec); // parsed here, so a bad value is refused before anything is written
        if (isDefault() && target != null) {
            throw usage(spec, "--spacing applies to nnU-Net folders; the default data set has --scale");
        }
        try {
            DefaultDataset.checkScale(scale);
        } catch (IllegalArgumentException e) {
            throw usage(spec, "--" + e.getMessage());
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw usage(spec, "--validation-fraction must be in [0, 1), got " + validationFraction);
        }
    }

    private static ParameterException usage(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
