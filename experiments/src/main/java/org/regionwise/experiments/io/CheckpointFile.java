package org.regionwise.experiments.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.regionwise.autodiff.optim.OptimizerState;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.layers.NormType;
import org.regionwise.layers.StateDictFile;
import org.regionwise.layers.UNet2dConfig;
import org.regionwise.experiments.train.Checkpoint;
import org.regionwise.experiments.train.CheckpointOrigin;
import org.regionwise.experiments.train.DataSpec;
import org.regionwise.experiments.train.EpochRecord;
import org.regionwise.experiments.train.Models;
import org.regionwise.experiments.train.TrainingHistory;
import org.regionwise.experiments.train.TrainingOptions;
import org.regionwise.experiments.train.TrainingPosition;

/**
 * The checkpoint file: a ZIP archive laid out as NumPy's {@code .npz}, so that
 * {@code numpy.load("checkpoint.npz")} opens it as it is.
 *
 * <pre>
 *   trainer.json                 format, version, network, data, training options, position, optimiser
 *                                scalars, history (UTF-8 JSON; numbers round-trip exactly)
 *   model/NAME.npy               every parameter and buffer of the model, float32, with its shape
 *   optimizer/BUFFER.npy         Adam's exp_avg and exp_avg_sq over the flat parameter layout
 * </pre>
 * ZIP stores a CRC-32 per entry, checked on reading, so a damaged file is an error, not wrong weights.
 * Writes are atomic ({@link AtomicFile}): a crash while saving leaves the previous checkpoint whole.
 */
public final class CheckpointFile {
    /** What {@code trainer.json}'s "format" field holds. */
    public static final String FORMAT = "regionwise-checkpoint";
    /** The version this code writes and reads. */
    public static final int VERSION = 1;
    static final String TRAINER_JSON = "trainer.json";
    private static final String MODEL_PREFIX = "model/";
    private static final String OPTIMIZER_PREFIX = "optimizer/";
    private static final String NPY = ".npy";
    /** trainer.json holds settings and a per-epoch history: far below this, whatever the run. */
    private static final int MAX_JSON_BYTES = 64 << 20;

    private CheckpointFile() {}

    /** Writes {@code checkpoint} to {@code file} atomically. */
    public static void write(Path file, Checkpoint checkpoint) throws IOException {
        AtomicFile.write(file, out -> writeTo(out, checkpoint));
    }

    /** Writes the archive to a stream (not closed). */
    static void writeTo(OutputStream out, Checkpoint c) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(Deflater.BEST_SPEED); // weights hardly compress; the JSON does
        zip.putNextEntry(new ZipEntry(TRAINER_JSON));
        zip.write(Json.write(trainerJson(c)).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        for (Map.Entry<String, StateDictFile.Entry> e : c.model().entrySet()) {
            zip.putNextEntry(new ZipEntry(MODEL_PREFIX + e.getKey() + NPY));
            Npy.write(zip, e.getValue().shape(), e.getValue().data());
            zip.closeEntry();
        }
        for (Map.Entry<String, float[]> e : c.optimizer().buffers().entrySet()) {
            zip.putNextEntry(new ZipEntry(OPTIMIZER_PREFIX + e.getKey() + NPY));
            Npy.write(zip, new int[] {e.getValue().length}, e.getValue());
            zip.closeEntry();
        }
        zip.finish();
    }

    /**
     * Reads a checkpoint.
     *
     * @throws NoSuchFileException when the file is absent
     * @throws CheckpointFormatException naming the file (and the entry) when it is not a readable checkpoint
     *                                   of this version
     * @throws IOException         when the file cannot be read
     */
    public static Checkpoint read(Path file) throws IOException {
        if (!Files.exists(file)) throw new NoSuchFileException(file.toString(), null, "no such checkpoint");
        if (Files.isDirectory(file)) throw new CheckpointFormatException(file + ": is a folder, not a checkpoint file");
        String where = file.toString();
        Object json = null;
        Map<String, StateDictFile.Entry> model = new LinkedHashMap<>();
        Map<String, float[]> buffers = new LinkedHashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             ZipInputStream zip = new ZipInputStream(in)) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (ZipEntry e = nextEntry(zip, where); e != null; e = nextEntry(zip, where)) {
                String name = e.getName();
                if (!seen.add(name)) throw new CheckpointFormatException(where + ": damaged checkpoint (entry " + name + " appears twice)");
                if (name.equals(TRAINER_JSON)) {
                    byte[] text = zip.readNBytes(MAX_JSON_BYTES + 1);
                    if (text.length > MAX_JSON_BYTES) {
                        throw new CheckpointFormatException(where + ": " + TRAINER_JSON + " is larger than " + (MAX_JSON_BYTES >> 20) + " MB");
                    }
                    try {
                        json = Json.read(new String(text, StandardCharsets.UTF_8), where + ":" + TRAINER_JSON);
                    } catch (JsonFormatException bad) {
                        throw new CheckpointFormatException(bad.getMessage(), bad);
                    }
                } else if (name.startsWith(MODEL_PREFIX) && name.endsWith(NPY)) {
                    Npy.Array a = npy(zip, where + ":" + name);
                    FiniteValues.requireArray(a.data(), where + ":" + name);
                    model.put(name.substring(MODEL_PREFIX.length(), name.length() - NPY.length()),
                            new StateDictFile.Entry(a.shape(), a.data()));
                } else if (name.startsWith(OPTIMIZER_PREFIX) && name.endsWith(NPY)) {
                    float[] values = npy(zip, where + ":" + name).data();
                    FiniteValues.requireArray(values, where + ":" + name);
                    buffers.put(name.substring(OPTIMIZER_PREFIX.length(), name.length() - NPY.length()), values);
                }
                drain(zip); // reading to the end makes ZipInputStream check the entry's CRC
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new CheckpointFormatException(where + ": damaged checkpoint (" + e.getMessage() + ")", e);
        }
        if (json == null) throw new CheckpointFormatException(where + ": not a regionwise checkpoint (no " + TRAINER_JSON + " inside)");
        try {
            CheckpointOrigin origin = json instanceof Map<?, ?> root && root.get("origin") != null
                    ? CheckpointOrigin.fromJson(root.get("origin")) : null;
            Checkpoint checkpoint = fromJson(JsonFields.of(json, where + ":" + TRAINER_JSON), model, buffers, where).withOrigin(origin);
            checkModel(checkpoint, where);
            return checkpoint;
        } catch (IllegalArgumentException e) { // a value the records reject
            throw new CheckpointFormatException(where + ": invalid checkpoint: " + e.getMessage(), e);
        } catch (CheckpointFormatException e) {
            throw e;
        } catch (IOException e) { // a field missing or of the wrong type (JsonFields names it)
            throw new CheckpointFormatException(e.getMessage(), e);
        }
    }

    /** One {@code .npy} entry; a malformed one is a checkpoint format error naming the entry. */
    private static Npy.Array npy(InputStream zip, String source) throws IOException {
        try {
            return Npy.read(zip, source);
        } catch (ZipException | java.io.EOFException e) {
            throw e; // the archive itself is damaged: reported as such by the caller
        } catch (IOException e) {
            throw new CheckpointFormatException(e.getMessage(), e);
        }
    }

    /** Largest patch side and filter count a checkpoint may declare: far above any real 2D U-Net. */
    private static final int MAX_PATCH = 1 << 14, MAX_FILTERS = 4096, MAX_CHANNELS = 1024;

    /**
     * The settings must be in range and the weights must be exactly the network's (every name, every
     * shape), checked here so that a crafted or damaged file is an error naming it, not a failure (or an
     * allocation of gigabytes) later in predict, evaluate or --resume.
     */
    private static void checkModel(Checkpoint c, String where) throws IOException {
        UNet2dConfig n = c.network();
        if (n.classes() > HeapBudget.MAX_CLASSES || n.inChannels() > MAX_CHANNELS || n.maxFilters() > MAX_FILTERS) {
            throw new IOException(OneLine.visible(where) + ": invalid checkpoint: network of " + n.inChannels() + " channels, " + n.classes()
                    + " classes, up to " + n.maxFilters() + " filters is out of range (at most " + MAX_CHANNELS + ", "
                    + HeapBudget.MAX_CLASSES + ", " + MAX_FILTERS + ")");
        }
        DataSpec d = c.data();
        if (d.patchHeight() > MAX_PATCH || d.patchWidth() > MAX_PATCH) {
            throw new IOException(OneLine.visible(where) + ": invalid checkpoint: patch " + d.patchHeight() + "x" + d.patchWidth()
                    + " is larger than " + MAX_PATCH + " pixels a side");
        }
        for (double s : d.spacing()) {
            if (!Double.isFinite(s)) throw new IOException(OneLine.visible(where) + ": invalid checkpoint: data spacing " + s + " is not finite");
        }
        // Each level holds at most ~6 convolutions of 3x3 between filter counts up to maxFilters.
        long bound = HeapBudget.product(n.levels(), 6L * 9, n.maxFilters(), n.maxFilters() + n.inChannels() + n.classes());
        HeapBudget.require(HeapBudget.product(bound, Float.BYTES), where, "the network it describes");
        try {
            Models.fromCheckpoint(c);
        } catch (IllegalArgumentException e) {
            throw new IOException(OneLine.visible(where) + ": the weights do not fit the network it describes: " + OneLine.visible(e.getMessage()), e);
        }
    }

    /** The next entry; a name that is not UTF-8 (a damaged header) is a damaged file, not an internal error. */
    private static ZipEntry nextEntry(ZipInputStream zip, String where) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException(where + ": damaged checkpoint (an entry name is not valid UTF-8)", e);
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] skip = new byte[8192];
        while (in.read(skip) >= 0) {
            // discard
        }
    }

    // ---- trainer.json -------------------------------------------------------------------------------------

    private static Map<String, Object> trainerJson(Checkpoint c) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("written", Instant.now().toString());
        root.put("network", network(c.network()));
        root.put("data", data(c.data()));
        root.put("training", training(c.options()));
        if (c.origin() != null) root.put("origin", c.origin().toJson());
        TrainingPosition p = c.position();
        Map<String, Object> position = new LinkedHashMap<>();
        position.put("epoch", p.epoch());
        position.put("step", p.step());
        position.put("partial_loss_sum", p.partialLossSum());
        position.put("partial_seconds", p.partialSeconds());
        root.put("position", position);
        root.put("random_state", "none needed: epoch e's batches come from a sampler seeded with a SplitMix64 hash of"
                + " (seed, e); a mid-epoch resume replays the epoch's first 'step' batches");
        OptimizerState o = c.optimizer();
        Map<String, Object> optimizer = new LinkedHashMap<>();
        optimizer.put("algorithm", o.algorithm());
        optimizer.put("step", o.step());
        optimizer.put("learning_rate", o.learningRate());
        optimizer.put("buffers", new ArrayList<>(o.buffers().keySet()));
        root.put("optimizer", optimizer);
        List<Object> history = new ArrayList<>();
        for (EpochRecord r : c.history().epochs()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("epoch", r.epoch());
            e.put("loss", r.meanLoss());
            e.put("learning_rate", r.learningRate());
            e.put("steps", r.steps());
            e.put("seconds", r.seconds());
            e.put("validation_dice", r.validationDice());
            e.put("validation_seconds", r.validationSeconds());
            history.add(e);
        }
        root.put("history", history);
        return root;
    }

    private static Map<String, Object> network(UNet2dConfig n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("architecture", "nnU-Net 2D U-Net (UNet2d)");
        m.put("in_channels", n.inChannels());
        m.put("classes", n.classes());
        m.put("levels", n.levels());
        m.put("base_filters", n.baseFilters());
        m.put("max_filters", n.maxFilters());
        m.put("norm", n.norm().name().toLowerCase(Locale.ROOT));
        m.put("deep_supervision", n.deepSupervision());
        return m;
    }

    private static Map<String, Object> data(DataSpec d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("location", d.location());
        m.put("description", d.description());
        m.put("scale", d.scale());
        m.put("validation_fraction", d.validationFraction());
        m.put("class_names", d.classNames());
        m.put("channel_names", d.channelNames());
        m.put("slice_axis", d.sliceAxis());
        m.put("patch_height", d.patchHeight());
        m.put("patch_width", d.patchWidth());
        m.put("spacing", d.spacing());
        if (d.hasFold()) m.put("fold", d.fold()); // absent in checkpoints without folds, which read as -1
        if (d.preprocessingRecorded()) m.put("preprocessing", preprocessing(d));
        return m;
    }

    /**
     * What {@code predict} needs to prepare a new image as the training slices were, in nnU-Net's terms and
     * in (x, y) order: the slice's columns, then its rows, named by their NIfTI axes (x, y for axial slices).
     * Added after version 1 was released; a checkpoint without it still loads (predict then warns).
     */
    private static Map<String, Object> preprocessing(DataSpec d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("normalization", d.normalization());
        m.put("normalization_description", "z-score of each channel over its whole volume: (v - mean) / max(std, 1e-8),"
                + " population std");
        m.put("in_plane_axes", inPlaneAxes(d.sliceAxis()));
        double[] s = d.spacing();
        m.put("spacing_mm", new double[] {s[1], s[0]});
        m.put("patch_size", List.of(d.patchWidth(), d.patchHeight()));
        double[] r = d.resampledTo();
        m.put("resampled_to_mm", r == null ? null : new double[] {r[1], r[0]});
        return m;
    }

    /** The NIfTI axes of a slice's columns and rows when cut along {@code sliceAxis}. */
    static List<String> inPlaneAxes(int sliceAxis) {
        return switch (sliceAxis) {
            case 2 -> List.of("x", "y");
            case 1 -> List.of("x", "z");
            default -> List.of("y", "z");
        };
    }

    private static Map<String, Object> training(TrainingOptions o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss", o.lossName());
        m.put("epochs", o.epochs());
        m.put("steps_per_epoch", o.stepsPerEpoch());
        m.put("batch_size", o.batchSize());
        m.put("learning_rate", o.learningRate());
        m.put("weight_decay", o.weightDecay());
        m.put("seed", Long.toString(o.seed())); // a string: JSON readers hold numbers as doubles
        m.put("validate_every", o.validateEvery());
        m.put("augment", o.augment());
        m.put("optimizer", "Adam(betas 0.9, 0.999, eps 1e-8, L2 weight decay), poly LR lr0 * (1 - e/E)^0.9 per epoch");
        return m;
    }

    private static Checkpoint fromJson(JsonFields root, Map<String, StateDictFile.Entry> model, Map<String, float[]> buffers,
                                       String where) throws IOException {
        if (!FORMAT.equals(root.string("format"))) throw new CheckpointFormatException(where + ": not a regionwise checkpoint (format " + root.string("format") + ")");
        int version = root.integer("version");
        if (version != VERSION) {
            throw new CheckpointFormatException(where + ": checkpoint version " + version + " is not supported by this build (it reads version " + VERSION + ")");
        }
        JsonFields n = root.object("network");
        NormType norm;
        try {
            norm = NormType.valueOf(n.string("norm").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException(where + ": unknown norm '" + n.string("norm") + "' in checkpoint");
        }
        UNet2dConfig network = new UNet2dConfig(n.integer("in_channels"), n.integer("classes"), n.integer("levels"),
                n.integer("base_filters"), n.integer("max_filters"), norm, n.bool("deep_supervision"));

        JsonFields d = root.object("data");
        double[] spacing = d.doublesOrNull("spacing");
        String normalization = null;
        double[] resampledTo = null;
        if (d.has("preprocessing")) {
            JsonFields p = d.object("preprocessing");
            normalization = p.string("normalization");
            double[] xy = p.doublesOrNull("resampled_to_mm");
            if (xy != null) {
                if (xy.length != 2) throw new IOException(OneLine.visible(where) + ": data.preprocessing.resampled_to_mm needs 2 values (x, y)");
                resampledTo = new double[] {xy[1], xy[0]};
            }
        }
        DataSpec data = new DataSpec(d.string("location"), d.string("description"), d.integer("scale"),
                d.number("validation_fraction"), d.strings("class_names"), d.strings("channel_names"), d.integer("slice_axis"),
                d.integer("patch_height"), d.integer("patch_width"), spacing, resampledTo, normalization,
                d.has("fold") ? d.integer("fold") : -1);

        JsonFields t = root.object("training");
        long seed;
        try {
            seed = Long.parseLong(t.string("seed"));
        } catch (NumberFormatException e) {
            throw new CheckpointFormatException(where + ": training.seed is not a whole number: " + t.string("seed"));
        }
        TrainingOptions options = new TrainingOptions(t.string("loss"), t.integer("epochs"), t.integer("steps_per_epoch"),
                t.integer("batch_size"), t.number("learning_rate"), t.number("weight_decay"), seed,
                t.integer("validate_every"), t.bool("augment"), null);

        JsonFields p = root.object("position");
        TrainingPosition position = new TrainingPosition(p.integer("epoch"), p.integer("step"), p.number("partial_loss_sum"),
                p.number("partial_seconds"));

        JsonFields o = root.object("optimizer");
        for (String name : o.strings("buffers")) {
            if (!buffers.containsKey(name)) throw new CheckpointFormatException(where + ": optimizer buffer '" + name + "' is missing from the checkpoint");
        }
        OptimizerState optimizer = new OptimizerState(o.string("algorithm"), o.longValue("step"), o.number("learning_rate"), buffers);

        List<EpochRecord> records = new ArrayList<>();
        for (JsonFields e : root.objects("history")) {
            records.add(new EpochRecord(e.integer("epoch"), e.number("loss"), e.number("learning_rate"), e.integer("steps"),
                    e.number("seconds"), e.doublesOrNull("validation_dice"), e.number("validation_seconds")));
        }
        TrainingHistory history;
        try {
            history = new TrainingHistory(records);
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException(where + ": history: " + e.getMessage());
        }
        return new Checkpoint(network, options, data, position, optimizer, model, history);
    }
}
