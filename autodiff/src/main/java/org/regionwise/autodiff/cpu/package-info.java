/**
 * Fast CPU kernels: {@link org.regionwise.autodiff.cpu.FastKernels#best()} picks
 * {@link org.regionwise.autodiff.cpu.VectorKernels} (Vector API, AVX-512) or, without the incubator module,
 * {@link org.regionwise.autodiff.cpu.ScalarKernels}. Both run the same passes:
 * <ul>
 *   <li>{@link org.regionwise.autodiff.cpu.MicroKernel}: the 8 x 32 register tile, k innermost;</li>
 *   <li>{@link org.regionwise.autodiff.cpu.Panels}: packing into 8-row panels (transposes, flips);</li>
 *   <li>{@link org.regionwise.autodiff.cpu.ShiftedSource}: implicit im2col from a padded, phase-split image;</li>
 *   <li>GemmPass, ConvForwardPass, ConvBackwardDataPass, ConvBackwardWeightPass: one pass each;</li>
 *   <li>{@link org.regionwise.autodiff.cpu.WorkerPool} and grow-only {@link org.regionwise.autodiff.cpu.Scratch}.</li>
 * </ul>
 * Every kernel is tested against {@link org.regionwise.autodiff.backend.ReferenceKernels}.
 */
package org.regionwise.autodiff.cpu;
