package org.regionwise.experiments.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.regionwise.experiments.data.DefaultDataset;
import org.regionwise.experiments.data.NnUnetRawDataset;
import org.regionwise.experiments.data.TrainingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code regionwise datasets}: loads a data set exactly as training will and describes it: where its
 * files are, whether it is the phantom, grid, classes, split sizes and class fractions per split.
 * Without {@code --data}, the default (mricron-data Colin27 + AAL, or the phantom when absent, with a
 * warning on stderr); with it, an nnU-Net raw folder.
 */
@Command(name = "datasets", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Describe the default data set (Colin27 + AAL from mricron-data, or a phantom when absent) "
                + "or an nnU-Net raw folder: files, grid, classes, splits and class fractions.")
final class DatasetsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Default data set only: the folder holding ch2.nii.gz and aal.nii.gz (default: /usr/share/mricron/templates).")
    Path templates;

    @Override
    public Integer call() throws IOException {
        checkArguments();
        TrainingData dataset = !data.isDefault()
                ? NnUnetRawDataset.load(Path.of(data.data), data.validationFraction, data.targetSpacing(spec))
                : DefaultDataset.load(templates != null ? templates : DefaultDataset.TEMPLATES, data.scale);
        if (dataset.source().hasWarning()) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": warning: " + dataset.source().warning());
        }
        spec.commandLine().getOut().print(dataset.describe());
        return Main.OK;
    }

    /** What can be checked before reading anything. */
    private void checkArguments() {
        if (!data.isDefault() && templates != null) throw usage("--templates applies to --data default only");
        data.validate(spec);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
