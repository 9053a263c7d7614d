package org.regionwise.experiments.paper;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.regionwise.experiments.data.Slice;
import org.regionwise.experiments.data.TrainingData;
import org.regionwise.experiments.study.LocalRunner;
import org.regionwise.experiments.study.Study;
import org.regionwise.experiments.study.StudyExecution;
import org.regionwise.experiments.study.TrialEnvironment;
import org.regionwise.experiments.study.TrialResult;
import org.regionwise.experiments.study.TrialRunner;
import org.regionwise.experiments.study.TrialSpec;

/**
 * Fig. 3 of the paper (SPEC.md section 7): during training on real label maps, how many components of the
 * RW loss's logit gradient are negative at each validation pixel. A correct map gives exactly one (the
 * true class); the paper shows RW-Boundary maps giving two or three over regions that shrink during training
 * but never vanish, and RRW (the contrast) giving one everywhere.
 *
 * <p>A study ({@link Study}, command {@code fig3}): for each loss (an RW loss, e.g. {@code rw-boundary},
 * {@code rrw}) {@code models} independent runs (seeds 0, 1, ...), each a trial whose {@link Fig3Observer}
 * measures the model at the chosen epochs. Then, into the output folder:
 *
 * <pre>
 * fig3-&lt;loss&gt;.png / .csv      per loss: rows = runs, columns = time points, the shown validation slice
 *                             coloured by negatives per pixel (CSV: run,seed,epoch,row,col,negatives)
 * fig3-neg2plus.png / .csv    the share of validation pixels with >= 2 negatives per loss, run and epoch
 * fig3.txt                    the printed lines
 * </pre>
 *
 * and one line per loss, run and time point: {@code fig3 map=rw-boundary run=1 epoch=10 neg2plus=0.1234 ...}.
 * Everything is read back from the trial folders, so a study killed at any point and rerun gives the same files.
 */
public final class Fig3 {
    private Fig3() {}

    /**
     * What to run.
     *
     * @param template the trials' shared settings (its loss, seed and observer are replaced per trial)
     * @param losses   RW losses, in output order
     * @param models   independent runs per loss (seeds 0 .. models-1)
     * @param at       the time points, epochs trained, each in {@code [0, template.epochs()]}
     * @param parallel trials at a time
     * @param threads  CPU threads in all
     */
    public record Plan(TrialSpec template, List<String> losses, int models, SortedSet<Integer> at, int parallel, int threads) {
        public Plan {
            losses = List.copyOf(losses);
            at = new TreeSet<>(at);
            if (losses.isEmpty()) throw new IllegalArgumentException("fig3 needs at least one loss");
            if (losses.stream().distinct().count() != losses.size()) throw new IllegalArgumentException("a loss is listed twice: " + losses);
            for (String loss : losses) NegativeCountAnalysis.mapOf(loss);
            if (models < 1) throw new IllegalArgumentException("fig3 needs at least one model per loss, got " + models);
            if (at.isEmpty()) throw new IllegalArgumentException("fig3 needs at least one time point");
            if (at.first() < 0 || at.last() > template.epochs()) {
                throw new IllegalArgumentException("time points must be epochs in 0.." + template.epochs() + ", got " + at);
            }
        }

        /** The trials, loss by loss, run by run. */
        public List<TrialSpec> specs() {
            List<TrialSpec> specs = new ArrayList<>();
            String observer = Fig3Observer.name(at);
            for (String loss : losses) {
                for (int run = 0; run < models; run++) {
                    TrialSpec t = template;
                    specs.add(new TrialSpec(t.data(), t.scale(), t.validationFraction(), loss, run, t.epochs(), t.stepsPerEpoch(),
                            t.batch(), t.lr(), t.levels(), t.baseFilters(), t.validateEvery(), t.augment(), observer));
                }
            }
            return specs;
        }

        /** What must match for two runs of fig3 to share a folder. */
        Map<String, String> configuration() {
            TrialSpec t = template;
            Map<String, String> m = new LinkedHashMap<>();
            m.put("data", t.data());
            m.put("scale", Integer.toString(t.scale()));
            m.put("validation-fraction", Double.toString(t.validationFraction()));
            m.put("epochs", Integer.toString(t.epochs()));
            m.put("steps-per-epoch", Integer.toString(t.stepsPerEpoch()));
            m.put("batch", Integer.toString(t.batch()));
            m.put("lr", Double.toString(t.lr()));
            m.put("levels", Integer.toString(t.levels()));
            m.put("base-filters", Integer.toString(t.baseFilters()));
            m.put("validate-every", Integer.toString(t.validateEvery()));
            m.put("augment", Boolean.toString(t.augment()));
            m.put("losses", String.join(",", losses));
            m.put("models", Integer.toString(models));
            m.put("at", Fig3Observer.name(at).substring(Fig3Observer.PREFIX.length()));
            return m;
        }
    }

    /**
     * One loss, run and time point.
     *
     * @param histogram pixels by number of negative components, or null when not measured ({@code missing} says why)
     * @param slice     the shown slice's counts, or null
     */
    public record Point(String loss, int run, long seed, int epoch, long[] histogram, int[] slice, String missing) {
        long pixels() {
            long n = 0;
            for (long h : histogram) n += h;
            return n;
        }

        public double share(int negatives) {
            return negatives < histogram.length ? (double) histogram[negatives] / pixels() : 0;
        }

        public double twoOrMore() {
            long n = 0;
            for (int k = 2; k < histogram.length; k++) n += histogram[k];
            return (double) n / pixels();
        }

        public String line() {
            if (histogram == null) {
                return String.format(Locale.ROOT, "fig3 map=%s run=%d epoch=%d missing=%s", loss, run, epoch, missing);
            }
            return String.format(Locale.ROOT, "fig3 map=%s run=%d epoch=%d neg2plus=%.4f neg1=%.4f neg0=%.4f pixels=%d seed=%d",
                    loss, run, epoch, twoOrMore(), share(1), share(0), pixels(), seed);
        }
    }

    /** Every point, and the files written. */
    public record Result(List<Point> points, List<Path> files) {
        public List<String> lines() {
            return points.stream().map(Point::line).toList();
        }
    }

    /**
     * Runs (or finishes) the study in {@code out} in this process ({@link LocalRunner}, the plan's parallel and threads)
     * and writes the figure.
     *
     * @param data     the plan's data set, already loaded and checked by the caller
     * @param progress where one line per finished trial goes
     * @throws org.regionwise.experiments.study.StudyConflictException when {@code out} holds another study
     * @throws IllegalStateException naming the first failed trial (the others are kept; a rerun retries it)
     */
    public static Result run(Plan plan, Path out, TrainingData data, PrintWriter progress) throws IOException {
        TrialEnvironment environment = new TrialEnvironment(Map.of(Fig3Observer.name(plan.at()), new Fig3Observer(plan.at())));
        environment.put(plan.specs().get(0), data);
        return run(plan, out, data, new LocalRunner(plan.parallel(), plan.threads(), environment), progress);
    }

    /**
     * Runs (or finishes) the study in {@code out} with {@code runner} (any study engine's: its trials name the observer
     * {@code fig3@<epochs>}, which {@link PaperEnvironment} provides) and writes the figure.
     *
     * @param data     the plan's data set, already loaded and checked by the caller (for the figure's slice)
     * @param progress where one line per finished trial goes
     * @throws org.regionwise.experiments.study.StudyConflictException when {@code out} holds another study
     * @throws org.regionwise.experiments.study.StudyFailedException naming the first failed trial (the others are kept;
     *                                                               a rerun retries it)
     */
    public static Result run(Plan plan, Path out, TrainingData data, TrialRunner runner, PrintWriter progress) throws IOException {
        if (data.validation().isEmpty()) throw new IllegalArgumentException(plan.template().data() + ": the validation split has no slices");
        List<TrialSpec> specs = plan.specs();
        Study study = Study.open(out, "fig3", plan.configuration(), specs);
        List<TrialResult> results = StudyExecution.run(study, runner, progress);
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            TrialSpec spec = specs.get(i);
            Path folder = study.trialFolder(spec);
            for (int epoch : plan.at()) points.add(read(spec, (int) spec.seed() + 1, epoch, folder, results.get(i)));
        }
        return write(plan, out, data, points);
    }

    private static Point read(TrialSpec spec, int run, int epoch, Path folder, TrialResult result) throws IOException {
        Path histogramFile = Fig3Observer.histogramFile(folder, epoch);
        if (!Files.exists(histogramFile)) {
            String why = result.status() == TrialResult.Status.DIVERGED ? "diverged" : "not-measured";
            return new Point(spec.loss(), run, spec.seed(), epoch, null, null, why);
        }
        List<String> lines = Files.readAllLines(histogramFile);
        long[] histogram = new long[lines.size() - 1];
        for (int k = 1; k < lines.size(); k++) histogram[k - 1] = Long.parseLong(lines.get(k).split(",")[1]);
        List<Integer> values = new ArrayList<>();
        for (String row : Files.readAllLines(Fig3Observer.sliceFile(folder, epoch))) {
            for (String v : row.split(",")) values.add(Integer.parseInt(v));
        }
        return new Point(spec.loss(), run, spec.seed(), epoch, histogram, values.stream().mapToInt(Integer::intValue).toArray(), null);
    }

    private static Result write(Plan plan, Path out, TrainingData data, List<Point> points) throws IOException {
        List<Slice> validation = data.validation().slices();
        Slice shown = validation.get(NegativeCountAnalysis.pickShown(validation));
        int classes = data.classCount();
        List<Path> files = new ArrayList<>();
        for (String loss : plan.losses()) {
            List<String> rowNames = new ArrayList<>();
            List<List<NegativeCountPanels.Cell>> rows = new ArrayList<>();
            List<String> csv = new ArrayList<>(List.of("run,seed,epoch,row,col,negatives"));
            for (int run = 1; run <= plan.models(); run++) {
                rowNames.add("run " + run);
                List<NegativeCountPanels.Cell> cells = new ArrayList<>();
                for (Point p : points) {
                    if (!p.loss().equals(loss) || p.run() != run) continue;
                    if (p.histogram() == null) {
                        cells.add(new NegativeCountPanels.Cell("epoch " + p.epoch() + "\n" + p.missing(), null));
                        continue;
                    }
                    cells.add(new NegativeCountPanels.Cell(String.format(Locale.ROOT, "epoch %d\n>= 2 negatives: %.1f%%", p.epoch(),
                            100 * p.twoOrMore()), p.slice()));
                    for (int i = 0; i < p.slice().length; i++) {
                        csv.add(run + "," + p.seed() + "," + p.epoch() + "," + i / shown.width() + "," + i % shown.width() + ","
                                + p.slice()[i]);
                    }
                }
                rows.add(cells);
            }
            String title = String.format(Locale.ROOT, "Fig. 3: negative RW-gradient components per pixel, loss %s\nvalidation slice %s[%d]",
                    loss, shown.volumeId(), shown.sliceIndex());
            Path png = out.resolve("fig3-" + loss + ".png"), csvFile = out.resolve("fig3-" + loss + ".csv");
            PaperFiles.writeLines(csvFile, csv);
            PaperFiles.writePng(png, NegativeCountPanels.render(title, rowNames, rows, shown.label(), classes, shown.height(), shown.width()));
            files.add(png);
            files.add(csvFile);
        }
        List<String> summary = new ArrayList<>();
        StringBuilder header = new StringBuilder("map,run,seed,epoch,pixels");
        for (int k = 0; k < classes; k++) header.append(",neg").append(k);
        summary.add(header.append(",neg2plus").toString());
        List<Neg2PlusChart.Series> series = new ArrayList<>();
        for (String loss : plan.losses()) {
            for (int run = 1; run <= plan.models(); run++) {
                List<Integer> epochs = new ArrayList<>();
                List<Double> shares = new ArrayList<>();
                for (Point p : points) {
                    if (!p.loss().equals(loss) || p.run() != run || p.histogram() == null) continue;
                    StringBuilder row = new StringBuilder(loss + "," + run + "," + p.seed() + "," + p.epoch() + "," + p.pixels());
                    for (long h : p.histogram()) row.append(',').append(h);
                    summary.add(row.append(String.format(Locale.ROOT, ",%.6f", p.twoOrMore())).toString());
                    epochs.add(p.epoch());
                    shares.add(p.twoOrMore());
                }
                series.add(new Neg2PlusChart.Series(loss + " run " + run, epochs, shares));
            }
        }
        Path chart = out.resolve("fig3-neg2plus.png"), chartCsv = out.resolve("fig3-neg2plus.csv");
        PaperFiles.writeLines(chartCsv, summary);
        PaperFiles.writePng(chart, Neg2PlusChart.render("Fig. 3: validation pixels whose RW gradient has >= 2 negative components", series));
        Result result = new Result(points, List.copyOf(files));
        Path txt = out.resolve("fig3.txt");
        PaperFiles.writeLines(txt, result.lines());
        List<Path> all = new ArrayList<>(files);
        all.add(chart);
        all.add(chartCsv);
        all.add(txt);
        return new Result(points, all);
    }
}
