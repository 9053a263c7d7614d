package org.regionwise.experiments.paper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.regionwise.experiments.data.Slice;
import org.regionwise.experiments.data.TrainingData;
import org.regionwise.experiments.study.EpochObserver;
import org.regionwise.experiments.study.TrialSpec;
import org.regionwise.experiments.train.TrainingDataLoader;
import org.regionwise.layers.UNet2d;

/**
 * Fig. 3's measurement inside a training trial: at each chosen time point (epochs trained), counts the
 * negative RW-gradient components per validation pixel ({@link NegativeCountAnalysis}) with the map of the
 * trial's loss, and writes into the trial's folder
 *
 * <pre>
 * fig3-epoch&lt;E&gt;-slice.csv   the shown validation slice's counts, one image row per line
 * fig3-epoch&lt;E&gt;.csv         pixels per number of negative components over all validation slices (written last)
 * </pre>
 *
 * Both atomically; a time point whose files exist is not measured again (a trial's folder belongs to one
 * spec, and the model at an epoch is the same bit for bit after a resume, so the files would be too).
 * The time points are part of the observer's name ({@code fig3@1,5,20}), so they are part of the trial's
 * spec and id: trials observed at other epochs never share a folder.
 */
final class Fig3Observer implements EpochObserver {
    static final String PREFIX = "fig3@";

    private final SortedSet<Integer> at;

    Fig3Observer(SortedSet<Integer> at) {
        this.at = new TreeSet<>(at);
    }

    /** The observer name for time points {@code at}. */
    static String name(SortedSet<Integer> at) {
        return PREFIX + at.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /**
     * The time points of an observer name made by {@link #name}, or null when {@code name} is not one (a cluster executor
     * rebuilds the observer from the name in the trial's spec).
     */
    static SortedSet<Integer> parse(String name) {
        if (!name.matches(java.util.regex.Pattern.quote(PREFIX) + "\\d{1,9}(,\\d{1,9})*")) return null;
        SortedSet<Integer> at = new TreeSet<>();
        for (String e : name.substring(PREFIX.length()).split(",")) at.add(Integer.parseInt(e));
        return at;
    }

    static Path histogramFile(Path trialFolder, int epoch) {
        return trialFolder.resolve("fig3-epoch" + epoch + ".csv");
    }

    static Path sliceFile(Path trialFolder, int epoch) {
        return trialFolder.resolve("fig3-epoch" + epoch + "-slice.csv");
    }

    @Override
    public void afterEpoch(TrialSpec spec, int epochsDone, UNet2d model, TrainingData data, Path trialFolder) throws IOException {
        if (!at.contains(epochsDone) || Files.exists(histogramFile(trialFolder, epochsDone))) return;
        List<Slice> slices = data.validation().slices();
        int shown = NegativeCountAnalysis.pickShown(slices);
        double[] spacing = TrainingDataLoader.describe(data, spec.data(), spec.scale(), spec.validationFraction(), model.config())
                .spacing(); // the spacing the trainer's maps used
        NegativeCountAnalysis.Counts counts = NegativeCountAnalysis.run(model, slices, NegativeCountAnalysis.mapOf(spec.loss()),
                spacing, shown);
        Slice s = slices.get(shown);
        List<String> rows = new ArrayList<>(s.height());
        for (int y = 0; y < s.height(); y++) {
            StringBuilder sb = new StringBuilder();
            for (int x = 0; x < s.width(); x++) sb.append(x == 0 ? "" : ",").append(counts.shown()[y * s.width() + x]);
            rows.add(sb.toString());
        }
        PaperFiles.writeLines(sliceFile(trialFolder, epochsDone), rows);
        List<String> histogram = new ArrayList<>();
        histogram.add("negatives,pixels");
        for (int k = 0; k < counts.histogram().length; k++) histogram.add(k + "," + counts.histogram()[k]);
        PaperFiles.writeLines(histogramFile(trialFolder, epochsDone), histogram);
    }
}
