/**
 * Training the 2D U-Net: the options, the trainer, what a run remembers (position, history, the
 * {@link org.regionwise.experiments.train.Checkpoint} record) and how a data set is loaded for it. The
 * checkpoint's file format lives in {@code io}, inference in {@code predict}, scoring in {@code eval},
 * progress lines in {@code progress} and the demo in {@code demo}.
 *
 * <h2>Training</h2>
 * <pre>{@code
 * TrainingData data = TrainingDataLoader.load("default", 2, 0.2);           // or an nnU-Net raw folder
 * UNet2dConfig net = new UNet2dConfig(1, data.classCount(), 4, 16, 480, NormType.INSTANCE, true);
 * TrainingOptions options = TrainingOptions.defaults("rrw", 42).withEpochs(50);
 * TrainingSetup setup = TrainingSetup.builder(net, options, TrainingDataLoader.describe(data, "default", 2, 0.2, net),
 *         data.train(), data.validation(), Path.of("run/checkpoint.npz")).progress(Progress.forConsole(out)).build();
 * TrainingResult result = Trainer.start(setup).run();       // or Trainer.resume(setup, CheckpointFile.read(file))
 * }</pre>
 * {@link org.regionwise.experiments.train.Trainer} runs epochs of steps: a batch from the data module's
 * {@code BatchSampler}, the U-Net's forward pass, the registry loss under nnU-Net's deep supervision,
 * backward, Adam (L2 weight decay 3e-5) with the learning rate {@code lr0 (1 - e/E)^0.9} set per epoch;
 * validation Dice every k epochs; an atomic checkpoint and {@code history.csv} after every epoch; a
 * checkpoint and a clean return when the time budget is spent; a stop with a message (and the last good
 * checkpoint untouched) when a loss or gradient is not finite.
 *
 * <h2>Determinism and resume</h2>
 * One seed fixes everything: the initial weights ({@link org.regionwise.experiments.train.RunSeeds#weightInit})
 * and each epoch's batches (a sampler seeded with {@link org.regionwise.experiments.train.RunSeeds#epoch},
 * a SplitMix64 hash of seed and epoch). Reseeding per epoch is what makes resume exact without saving any
 * generator state: a resumed epoch re-creates its sampler and, after a mid-epoch stop, replays the batches
 * already trained on. The CPU kernels' results do not depend on which thread runs which task, so the same
 * seed gives bit-identical weights on the same machine and thread count (tested; observed across thread
 * counts 1 to 3 as well, which is not promised).
 *
 * <h2>Checkpoint format (written and read by {@link org.regionwise.experiments.io.CheckpointFile})</h2>
 * A ZIP archive laid out as NumPy's {@code .npz} ({@code numpy.load("checkpoint.npz")} opens it):
 * {@code trainer.json} (format, version, network, data description, training options, position, Adam's
 * step and learning rate, history), {@code model/NAME.npy} for every parameter and buffer (float32, with
 * its shape), {@code optimizer/exp_avg.npy} and {@code optimizer/exp_avg_sq.npy} over the flat parameter
 * layout. Written to a temporary file, forced to disk and renamed over the old one.
 *
 * <h2>Using a model</h2>
 * {@link org.regionwise.experiments.train.Models#fromCheckpoint} rebuilds the network;
 * {@link org.regionwise.experiments.predict.SlicePredictor} segments slices (pad, argmax, crop);
 * {@link org.regionwise.experiments.eval.Evaluation} scores a split in 3D with the eval package;
 * {@link org.regionwise.experiments.predict.VolumePredictor} segments a NIfTI volume on its own grid.
 */
package org.regionwise.experiments.train;
