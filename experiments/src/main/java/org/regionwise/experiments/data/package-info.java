/**
 * Data sets and slicing: what a model trains and is scored on.
 *
 * <p>Volumes are read with the NIfTI reader of the {@code io} package.
 *
 * <p>Axis order: a NIfTI volume (nx, ny, nz) in x-fastest order is a row-major (D = nz, H = ny, W = nx)
 * array with spacing (dz, dy, dx); a 2D slice of it is one z plane.
 *
 * <p>Data sets for training: {@link org.regionwise.experiments.data.DefaultDataset} (Colin27 + AAL from
 * mricron-data, split by hemisphere; a {@link org.regionwise.experiments.data.Phantom} when absent) and
 * {@link org.regionwise.experiments.data.NnUnetRawDataset} (nnU-Net's raw layout) both give a
 * {@link org.regionwise.experiments.data.TrainingData}: two
 * {@link org.regionwise.experiments.data.SliceDataset}s of z-scored 2D
 * {@link org.regionwise.experiments.data.Slice}s, from which a
 * {@link org.regionwise.experiments.data.BatchSampler} draws seeded, optionally augmented (B, C, H, W)
 * batches padded to the network's divisibility ({@link org.regionwise.experiments.data.Padding}).
 */
package org.regionwise.experiments.data;
