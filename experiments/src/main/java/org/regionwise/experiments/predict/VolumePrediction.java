package org.regionwise.experiments.predict;

/**
 * What {@link VolumeInference} returns for one image.
 *
 * @param labels           the class of every voxel, NIfTI order (x fastest)
 * @param probabilities    {@code null}, or the softmax probability of every class at every voxel,
 *                         {@code classes} volumes one after the other (index {@code voxel + voxels * class}):
 *                         the layout of a 4D NIfTI (x, y, z, class)
 * @param classes          number of classes
 * @param resampledRows    rows of a slice at the training spacing (as the network saw it)
 * @param resampledColumns its columns
 */
public record VolumePrediction(int[] labels, float[] probabilities, int classes, int resampledRows, int resampledColumns) {}
