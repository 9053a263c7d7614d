/**
 * File formats, each read and written in one place: NIfTI-1, NumPy's {@code .npy}, JSON, the checkpoint
 * archive, and the atomic write that every command's output goes through.
 *
 * <p>{@link org.regionwise.experiments.io.NiftiReader} reads {@code .nii} and {@code .nii.gz} in both byte orders into a
 * {@link org.regionwise.experiments.io.NiftiImage} (header plus {@code float[]} in NIfTI order, x fastest);
 * {@link org.regionwise.experiments.io.NiftiWriter} writes one back, keeping the qform/sform. Anything malformed raises
 * {@link org.regionwise.experiments.io.NiftiFormatException} with the file name and the problem.
 *
 * <p>{@link org.regionwise.experiments.io.CheckpointFile} writes and reads a training checkpoint (a ZIP laid out as
 * {@code .npz}, arrays as {@link org.regionwise.experiments.io.Npy}); {@link org.regionwise.experiments.io.AtomicFile} writes any file through a
 * temporary file in the same folder, forced to disk and renamed over the target.
 */
package org.regionwise.experiments.io;
