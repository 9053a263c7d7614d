/**
 * Applying a trained model: {@link org.regionwise.experiments.predict.SlicePredictor} segments slices (pad, argmax, crop),
 * {@link org.regionwise.experiments.predict.VolumePredictor} segments a NIfTI volume on its own grid, and a
 * {@link org.regionwise.experiments.predict.VolumeSegmentation} holds one volume's prediction next to its reference.
 */
package org.regionwise.experiments.predict;
