package org.regionwise.studies.spark;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.gpu.BackendName;
import org.regionwise.gpu.GpuBackends;
import org.regionwise.experiments.study.Study;
import org.regionwise.experiments.study.StudyJson;
import org.regionwise.experiments.study.TrialProgress;
import org.regionwise.experiments.study.TrialResult;
import org.regionwise.experiments.study.TrialRunner;
import org.regionwise.experiments.study.TrialSpec;

/**
 * Runs a study's unfinished trials on Spark, one single-task job per trial, submitted together (the cluster runs as
 * many at once as it has {@code spark.task.cpus}-sized slots; the listener hears of each as it ends). Finished trials
 * are read back on the driver. The study folder must be on storage the driver and every worker see at the same path.
 *
 * <p>Settings it makes: {@code spark.task.cpus} = the trial's threads; {@code spark.ui.enabled=false}; the executors get
 * {@code --add-modules jdk.incubator.vector} when the driver has it (the same CPU kernels, so the same bits); the jars
 * holding this module and the study API go to the executors ({@code SparkConf.setJars}). Anything else (executor
 * memory, {@code spark.task.maxFailures}, GPU resources) comes from {@link Settings#conf} or Spark's usual
 * {@code spark-defaults} and {@code -Dspark.*} system properties.
 */
public final class SparkRunner implements TrialRunner {
    /** Most jobs waiting at once; more trials than that are submitted as earlier ones end. */
    static final int MAX_SUBMITTED = 1024;

    /**
     * @param master          the Spark master
     * @param threadsPerTrial CPU threads (and {@code spark.task.cpus}) of each trial
     * @param environment     a {@code Supplier<TrialEnvironment>} class the executors make their environment with, "" for
     *                        the default (data sets loaded by name, no observers)
     * @param conf            further Spark settings, applied last
     * @param backend         the study's {@code --backend} ({@code cpu}, {@code tornado}, {@code tornado:N}); a task that
     *                        Spark gives a "gpu" resource runs on that device instead ({@link TaskDevices})
     */
    public record Settings(String master, int threadsPerTrial, String environment, Map<String, String> conf, String backend) {
        public Settings {
            SparkMasters.check(master);
            if (threadsPerTrial < 1) throw new IllegalArgumentException("threads per trial must be at least 1, got " + threadsPerTrial);
            conf = Map.copyOf(conf);
            backend = BackendName.parse(backend).toString();
        }

        /** On the CPU unless Spark gives a task a GPU. */
        public Settings(String master, int threadsPerTrial, String environment, Map<String, String> conf) {
            this(master, threadsPerTrial, environment, conf, GpuBackends.CPU);
        }

        public static Settings of(String master, int threadsPerTrial) {
            return new Settings(master, threadsPerTrial, "", Map.of());
        }
    }

    private final Settings settings;

    public SparkRunner(Settings settings) {
        this.settings = settings;
    }

    @Override
    public List<TrialResult> run(Study study, Listener listener) throws IOException {
        TrialProgress progress = new TrialProgress(study, listener);
        List<Integer> todo = progress.todo();
        if (todo.isEmpty()) return progress.results();
        Path trials = study.folder().toAbsolutePath().normalize().resolve(Study.TRIALS);
        Files.createDirectories(trials);
        TrialTask task = new TrialTask(settings.threadsPerTrial(), settings.environment(), settings.backend());
        ExecutorService submitters = Executors.newFixedThreadPool(Math.min(MAX_SUBMITTED, todo.size()), r -> {
            Thread t = new Thread(r, "regionwise-spark-trial");
            t.setDaemon(true);
            return t;
        });
        try (JavaSparkContext spark = new JavaSparkContext(conf(study))) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i : todo) {
                futures.add(submitters.submit(() -> {
                    TrialSpec spec = progress.spec(i);
                    progress.finished(i, runOne(spark, task, spec, trials.resolve(spec.id())));
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a trial's Spark job failed outside its trial", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while trials were running on Spark", e);
                }
            }
        } finally {
            submitters.shutdownNow();
        }
        return progress.results();
    }

    /**
     * One trial as a one-task job. A job Spark gave up on (its task failed {@code spark.task.maxFailures} times:
     * executors lost, a class missing on the workers) becomes a failure record, retried by the next run.
     */
    private static TrialResult runOne(JavaSparkContext spark, TrialTask task, TrialSpec spec, Path folder) {
        spark.setJobDescription("trial " + spec.id());
        try {
            String json = spark.parallelize(List.of(new TrialJob(StudyJson.text(spec), folder.toString())), 1).map(task).collect().get(0);
            TrialResult result = StudyJson.parse(json, TrialResult.class, "the result of trial " + spec.id());
            if (!result.specId().equals(spec.id())) {
                throw new IllegalStateException("trial " + spec.id() + " came back as " + OneLine.visible(result.specId()));
            }
            return result;
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return TrialResult.failed(spec, "Spark gave up on it: " + why);
        }
    }

    SparkConf conf(Study study) {
        SparkConf conf = new SparkConf()
                .setMaster(settings.master())
                .setAppName("regionwise " + study.command() + " " + study.folder().getFileName())
                .set("spark.ui.enabled", "false")
                .set("spark.task.cpus", Integer.toString(settings.threadsPerTrial()));
        List<String> jars = applicationJars();
        if (!jars.isEmpty()) conf.setJars(jars.toArray(String[]::new));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            String given = conf.get("spark.executor.extraJavaOptions", "");
            if (!given.contains("jdk.incubator.vector")) {
                conf.set("spark.executor.extraJavaOptions", (given + " --add-modules jdk.incubator.vector").trim());
            }
        }
        settings.conf().forEach(conf::set);
        return conf;
    }

    /** The jars holding this module and the study API (the CLI jar), when they are jars (tests run from folders). */
    static List<String> applicationJars() {
        Set<String> jars = new LinkedHashSet<>();
        for (Class<?> c : List.of(SparkRunner.class, TrialSpec.class)) {
            try {
                var source = c.getProtectionDomain().getCodeSource();
                if (source == null) continue;
                Path p = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) jars.add(p.toString());
            } catch (URISyntaxException | SecurityException e) {
                // no jar to ship: the executors must have the classes on their class path already
            }
        }
        return new ArrayList<>(jars);
    }

}
