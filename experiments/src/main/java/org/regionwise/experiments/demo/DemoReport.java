package org.regionwise.experiments.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.regionwise.experiments.data.Slice;
import org.regionwise.experiments.report.LearningCurvePlot;
import org.regionwise.experiments.report.LearningCurves;
import org.regionwise.experiments.report.MapImage;
import org.regionwise.experiments.report.OverlayImage;
import org.regionwise.experiments.report.OverlaySlice;
import org.regionwise.experiments.report.Report;
import org.regionwise.experiments.report.ReportWriter;
import org.regionwise.maps.Grid;
import org.regionwise.maps.MapKind;
import org.regionwise.maps.MapOptions;
import org.regionwise.maps.RegionMaps;
import org.regionwise.experiments.eval.Evaluation;
import org.regionwise.experiments.predict.VolumeSegmentation;
import org.regionwise.experiments.train.EpochRecord;
import org.regionwise.experiments.train.StopReason;
import org.regionwise.experiments.train.TrainingHistory;
import org.regionwise.experiments.train.TrainingResult;

/**
 * The pictures of a demo run and its {@code report.md}, drawn with the report package: learning curves,
 * one overlay (image with truth | prediction) per foreground class on the validation slice where that
 * class is largest, and the RRW map of the first foreground class on that class's slice.
 */
final class DemoReport {
    static final String LEARNING_CURVES = "learning_curves.png";
    static final String RRW_MAP = "rrw_map.png";
    static final String REPORT = "report.md";

    private DemoReport() {}

    /** Draws the figures into {@code dir} and adds them to {@code report}. */
    static void drawFigures(Path dir, Report.Builder report, TrainingHistory history, Evaluation evaluation, List<String> classNames)
            throws IOException {
        List<String> foreground = classNames.subList(1, classNames.size());
        LearningCurves curves = new LearningCurves(foreground);
        for (EpochRecord r : history.epochs()) {
            if (Double.isFinite(r.meanLoss())) curves.addTrainingLoss(r.epoch(), r.meanLoss());
            if (r.validated()) {
                double[] dice = r.validationDice();
                curves.addValidationDice(r.epoch(), Arrays.copyOfRange(dice, 1, dice.length));
            }
        }
        if (!curves.isEmpty()) {
            Path png = dir.resolve(LEARNING_CURVES);
            LearningCurvePlot.write(png, curves);
            report.figure("Learning curves: training loss per epoch and validation Dice per class", png);
        }
        VolumeSegmentation volume = evaluation.volumes().get(0);
        int plane = volume.grid().dim(1) * volume.grid().dim(2);
        for (int c = 1; c < classNames.size(); c++) {
            int k = largestSlice(volume, c, plane);
            Slice s = volume.slices().get(k);
            int[] prediction = Arrays.copyOfRange(volume.prediction(), k * plane, (k + 1) * plane);
            Path png = dir.resolve(String.format(Locale.ROOT, "overlay_%d_%s.png", c, fileName(classNames.get(c))));
            float[] firstChannel = Arrays.copyOf(s.image(), plane);
            OverlayImage.write(png, new OverlaySlice(s.height(), s.width(), firstChannel, s.label(), prediction));
            report.figure(String.format(Locale.ROOT, "Validation volume %s, slice %d (most %s): truth | prediction",
                    volume.volumeId(), s.sliceIndex(), classNames.get(c)), png);
        }
        int k = largestSlice(volume, 1, plane);
        Slice s = volume.slices().get(k);
        Grid grid = new Grid(new int[] {s.height(), s.width()}, new double[] {s.dy(), s.dx()});
        float[] map = RegionMaps.compute(MapKind.RRW, s.label(), grid, classNames.size(), MapOptions.defaults());
        Path png = dir.resolve(RRW_MAP);
        MapImage.write(png, MapImage.channel(map, 1, s.height(), s.width()), s.height(), s.width(),
                "RRW map, channel " + classNames.get(1) + ", slice " + s.sliceIndex());
        report.figure("The RRW map of the " + classNames.get(1) + " channel on validation slice " + s.sliceIndex()
                + ": -d/max d inside the class (blue), 1 outside (red)", png);
    }

    /** Writes {@code dir/report.md} and returns it. */
    static Path write(Path dir, Report report) throws IOException {
        Path file = dir.resolve(REPORT);
        ReportWriter.write(file, report);
        return file;
    }

    /** The slice of {@code volume} with the most reference voxels of class {@code c}. */
    private static int largestSlice(VolumeSegmentation volume, int c, int plane) {
        int best = 0;
        long bestCount = -1;
        int[] ref = volume.reference();
        for (int k = 0; k < volume.slices().size(); k++) {
            long n = 0;
            for (int i = k * plane; i < (k + 1) * plane; i++) if (ref[i] == c) n++;
            if (n > bestCount) {
                bestCount = n;
                best = k;
            }
        }
        return best;
    }

    private static String fileName(String className) {
        return className.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    /** Report notes from a result and the data source. */
    static List<String> notes(TrainingResult result, String dataWarning) {
        List<String> notes = new ArrayList<>();
        if (!dataWarning.isEmpty()) notes.add(dataWarning);
        if (result.reason() != StopReason.COMPLETED) notes.add(result.message());
        return notes;
    }
}
