package org.regionwise.experiments.cli;

import java.nio.file.Path;
import org.regionwise.experiments.data.DefaultDataset;
import org.regionwise.experiments.train.DataSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --data}, {@code --scale} and {@code --validation-fraction} (picocli mixin): which data set, checked once. */
final class DataOptions {

    @Option(names = "--data", paramLabel = "DIR|default", defaultValue = DataSpec.DEFAULT,
            description = "An nnU-Net raw folder (dataset.json, imagesTr/, labelsTr/) or 'default' (Colin27 + AAL from "
                    + "mricron-data, or a phantom) (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "1",
            description = "Default data set only: in-plane downsampling factor 1, 2, 3, 4, 6 or 8 (default: ${DEFAULT-VALUE}).")
    int scale;

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

    /** Usage errors for values out of range or that do not apply, reported against {@code spec}'s command line. */
    void validate(CommandSpec spec) {
        if (!isDefault() && scale != 1) throw usage(spec, "--scale applies to --data default only");
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
