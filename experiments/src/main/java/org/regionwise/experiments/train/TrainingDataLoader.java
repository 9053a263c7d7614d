package org.regionwise.experiments.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.regionwise.experiments.data.DefaultDataset;
import org.regionwise.experiments.data.NnUnetRawDataset;
import org.regionwise.experiments.data.Padding;
import org.regionwise.experiments.data.Slice;
import org.regionwise.experiments.data.SliceDataset;
import org.regionwise.experiments.data.TrainingData;
import org.regionwise.layers.UNet2dConfig;

/**
 * The commands' {@code --data DIR|default}: loads the data set through the data module and describes it
 * for checkpoints ({@link DataSpec}). A thin adapter; the loading itself is
 * {@link DefaultDataset} and {@link NnUnetRawDataset}.
 */
public final class TrainingDataLoader {
    private TrainingDataLoader() {}

    /**
     * The data set at {@code location}.
     *
     * @param location           {@value DataSpec#DEFAULT} or an nnU-Net raw folder
     * @param scale              the default data set's in-plane factor (must be 1 for a folder)
     * @param validationFraction the share of a folder's cases held out
     */
    public static TrainingData load(String location, int scale, double validationFraction) throws IOException {
        return load(location, scale, validationFraction, null);
    }

    /**
     * The data set at {@code location}, a folder's slices resampled in-plane to {@code spacing} when given.
     *
     * @param spacing {@code null} (each volume's own spacing), or a folder's target (row, column) spacing in mm
     */
    public static TrainingData load(String location, int scale, double validationFraction, double[] spacing) throws IOException {
        if (DataSpec.DEFAULT.equals(location)) {
            if (spacing != null) throw new IllegalArgumentException("--spacing applies to nnU-Net folders; the default data set has --scale");
            return DefaultDataset.load(scale);
        }
        if (scale != 1) throw new IllegalArgumentException("--scale applies to the default data set only");
        return NnUnetRawDataset.load(Path.of(location), validationFraction, spacing);
    }

    /** Fold {@code fold} of a folder's {@code splits_final.json} (written first when absent). */
    public static TrainingData loadFold(String location, int fold) throws IOException {
        return loadFold(location, fold, null);
    }

    /** Fold {@code fold} of a folder, its slices resampled in-plane to {@code spacing} when given (see {@link #load}). */
    public static TrainingData loadFold(String location, int fold, double[] spacing) throws IOException {
        if (DataSpec.DEFAULT.equals(location)) {
            throw new IllegalArgumentException("--fold applies to nnU-Net raw folders; the default data set splits by hemisphere");
        }
        return NnUnetRawDataset.loadFold(Path.of(location), fold, spacing);
    }

    /** The data set a checkpoint was trained on, split as it was. */
    public static TrainingData load(DataSpec spec) throws IOException {
        if (spec.hasFold()) return loadFold(spec.location(), spec.fold(), spec.resampledTo());
        return load(spec.location(), spec.scale(), spec.validationFraction(), spec.resampledTo());
    }

    /**
     * {@link #describe(TrainingData, String, int, double, int, UNet2dConfig)}, recording a folder's resampling target
     * ({@code null}: none).
     */
    public static DataSpec describe(TrainingData data, String location, int scale, double validationFraction, int fold,
                                    double[] spacing, UNet2dConfig network) {
        DataSpec spec = describe(data, location, scale, validationFraction, fold, network);
        return spacing == null ? spec : spec.withResampling(spacing);
    }

    /**
     * The description saved with a model trained on {@code data}: the patch is the largest training slice
     * rounded up to the network's divisibility (every slice fits whole), the spacing the median of the
     * training slices' (row, column) spacing.
     */
    public static DataSpec describe(TrainingData data, String location, int scale, double validationFraction,
                                    UNet2dConfig network) {
        return describe(data, location, scale, validationFraction, -1, network);
    }

    /** As {@link #describe(TrainingData, String, int, double, UNet2dConfig)}, for fold {@code fold} (-1: none). */
    public static DataSpec describe(TrainingData data, String location, int scale, double validationFraction, int fold,
                                    UNet2dConfig network) {
        SliceDataset train = data.train();
        int d = network.spatialDivisor();
        return new DataSpec(location, data.source().name(), scale, validationFraction, data.classNames(),
                train.channelNames(), train.sliceAxis(), Padding.roundUp(train.maxHeight(), d),
                Padding.roundUp(train.maxWidth(), d), medianSpacing(train), null, DataSpec.ZSCORE, fold);
    }

    /**
     * The median (row, column) spacing of the slices. Distance maps use one spacing per batch; the
     * slices of a data set that is not resampled (as nnU-Net would) differ a little, and the median is
     * what nnU-Net resamples to.
     */
    static double[] medianSpacing(SliceDataset slices) {
        double[] dy = new double[slices.size()], dx = new double[slices.size()];
        for (int i = 0; i < slices.size(); i++) {
            Slice s = slices.get(i);
            dy[i] = s.dy();
            dx[i] = s.dx();
        }
        return new double[] {median(dy), median(dx)};
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
