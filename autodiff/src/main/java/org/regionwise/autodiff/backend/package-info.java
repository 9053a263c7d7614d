/**
 * The Backend SPI: where tensor data lives and which kernels run the hot ops.
 *
 * <p>A {@link org.regionwise.autodiff.backend.Backend} allocates {@link org.regionwise.autodiff.backend.Storage}
 * and supplies {@link org.regionwise.autodiff.backend.Kernels}. Storage hands out its host array only when
 * asked ({@link org.regionwise.autodiff.backend.Storage#host()}), so a device backend can keep data resident
 * between ops and move it lazily; the CPU backend's storage simply is a {@code float[]}.
 */
package org.regionwise.autodiff.backend;
