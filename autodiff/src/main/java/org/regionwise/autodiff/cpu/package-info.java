/**
 * Fast CPU kernels: {@link org.regionwise.autodiff.cpu.FastKernels#best()} picks
 * {@link org.regionwise.autodiff.cpu.VectorKernels} (Vector API: AVX-512, or AVX2's 256-bit vectors) or, without the
 * incubator module,
 * {@link org.regionwise.autodiff.cpu.ScalarKernels}. Both run the same passes:
 * <ul>
 *   <li>{@link org.regionwise.autodiff.cpu.MicroKernel}: the register tile, k innermost, shaped for the CPU's registers
 *       ({@link org.regionwise.autodiff.cpu.TileShape}): 8 x 32 with AVX-512 (12 x 32 for the weight gradient, whose
 *       broadcast rows come from the image rather than a packed panel), 6 x 16 for both with AVX2; every shape gives
 *       the bits of the reference twin {@link org.regionwise.autodiff.cpu.FmaMicroKernel};</li>
 *   <li>{@link org.regionwise.autodiff.cpu.Panels}: packing into panels of the tile's rows (transposes, flips);</li>
 *   <li>{@link org.regionwise.autodiff.cpu.ShiftedSource}: implicit im2col from a padded, phase-split image;</li>
 *   <li>GemmPass, ConvForwardPass, ConvBackwardDataPass, ConvBackwardWeightPass: one pass each;</li>
 *   <li>WinogradConvolution: F(2x2, 3x3) for stride-1 3x3 forward and backward-data passes, transforms plus 16
 *       GEMMs (double twin WinogradReference); opt-in: ConvChoice, when asked, times it against the direct pass
 *       at a shape's first call and keeps the faster;</li>
 *   <li>{@link org.regionwise.autodiff.cpu.Elementwise}: leaky ReLU, Adam, instance norm and (in TiledKernels) the
 *       fused softmax cross entropy, vectorised and split over the same threads, bit-identical to
 *       {@link org.regionwise.autodiff.backend.HostOps} but for instance norm's double sums (summed in lanes);</li>
 *   <li>{@link org.regionwise.autodiff.cpu.WorkerPool} and grow-only {@link org.regionwise.autodiff.cpu.Scratch}.</li>
 * </ul>
 * Every kernel is tested against {@link org.regionwise.autodiff.backend.ReferenceKernels} or HostOps. The other
 * tensor ops of the Kernels SPI (copies, bias sums, the RW loss) keep its host defaults.
 */
package org.regionwise.autodiff.cpu;
