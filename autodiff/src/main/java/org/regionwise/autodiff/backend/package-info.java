/**
 * The Backend SPI: where tensor data lives and which kernels run the hot ops.
 *
 * <p>A {@link org.regionwise.autodiff.backend.Backend} allocates {@link org.regionwise.autodiff.backend.Storage}
 * and supplies {@link org.regionwise.autodiff.backend.Kernels}. Storage hands out its host array only when
 * asked ({@link org.regionwise.autodiff.backend.Storage#host()}), so a device backend can keep data resident
 * between ops and move it lazily; the CPU backend's storage simply is a {@code float[]}.
 *
 * <p>The ops on a U-Net's training path (convolutions, transposed convolutions, concatenation, instance norm,
 * leaky ReLU, the fused softmax cross entropy, gradient accumulation, Adam, zeroing) pass storages to the
 * kernels and allocate their outputs with {@link org.regionwise.autodiff.backend.Backend#allocateScratch}, and
 * gradients are storages too ({@code Tensor.gradStorage()}), so a device backend that overrides those
 * kernels runs a whole training step without moving tensors. Every other op reads and writes host arrays,
 * which is always correct: a device backend then moves that op's data, nothing more.
 * {@link org.regionwise.autodiff.backend.HostOps} holds the reference bodies of the tensor kernels.
 */
package org.regionwise.autodiff.backend;
