/**
 * Applying a trained model.
 *
 * <p>nnU-Net-style inference of whole images ({@code regionwise predict}):
 * {@link org.regionwise.experiments.predict.VolumeInference} z-scores, slices, resamples each slice to the training
 * spacing ({@link org.regionwise.experiments.data.Resampling}), runs Gaussian-weighted sliding windows of the
 * training patch ({@link org.regionwise.experiments.predict.SlidingWindow},
 * {@link org.regionwise.experiments.predict.GaussianImportance}) on a
 * {@link org.regionwise.experiments.predict.TileNetwork}, and brings the probabilities back;
 * {@link org.regionwise.experiments.predict.SpacingCheck} says what it did about the spacing;
 * {@link org.regionwise.experiments.predict.CaseFolder} reads nnU-Net's {@code CASE_0000.nii.gz} folders.
 *
 * <p>Validation during training and on the training grid: {@link org.regionwise.experiments.predict.SlicePredictor}
 * segments slices (pad, argmax, crop), {@link org.regionwise.experiments.predict.VolumeSegmentation} holds one volume's
 * prediction next to its reference. {@link org.regionwise.experiments.predict.VolumePredictor} is the inference of
 * checkpoints that predate the preprocessing record (no resampling but the default data's scale).
 */
package org.regionwise.experiments.predict;
