/**
 * Optimisers and learning-rate schedules with PyTorch's names and update rules: {@link
 * org.regionwise.autodiff.optim.Adam} ({@code torch.optim.Adam}), {@link org.regionwise.autodiff.optim.SGD}
 * ({@code torch.optim.SGD}, with momentum and Nesterov as nnU-Net uses it) and {@link
 * org.regionwise.autodiff.optim.PolyLR} (nnU-Net's {@code poly_lr}).
 *
 * <h2>Memory layout: where the "one flat buffer" is, and where it is not</h2>
 * The ops of this library read a tensor's whole {@code float[]} from index 0, so a parameter tensor cannot
 * be a view into a slice of a larger array without giving every kernel an offset. We chose not to do that.
 * Instead:
 * <ul>
 *   <li>each parameter keeps its own value array and gradient array (what the ops read and write);</li>
 *   <li>{@link org.regionwise.autodiff.optim.FlatParameters} gives the ordered parameter list one flat index
 *       space: parameter {@code i} owns {@code [offset(i), offset(i) + numel)};</li>
 *   <li>every optimiser state (Adam's two moments, SGD's momentum buffer) is ONE contiguous {@code float[]}
 *       over that index space, so checkpointing it is one array per moment;</li>
 *   <li>the update is one pass over that index space: an outer loop over the (few hundred at most)
 *       parameter arrays and an inner loop over their elements, with the moment index running
 *       contiguously through the flat state buffer. Adam hands the whole pass to its own kernel,
 *       {@link org.regionwise.autodiff.optim.AdamKernel}, in one call (PyTorch's multi-tensor Adam): on the
 *       CPU its host body is that loop; a device backend runs it as one launch over a table of the
 *       parameters' blocks, so no flat parameter buffer is needed for that either;</li>
 *   <li>a device copy or a state dict packs values (or gradients) into one contiguous array with
 *       {@link org.regionwise.autodiff.optim.FlatParameters#gatherData(float[])} and unpacks with
 *       {@link org.regionwise.autodiff.optim.FlatParameters#scatterData(float[])}.</li>
 * </ul>
 * The cost of this choice, honestly: packing is one extra host copy of all parameters (one
 * {@code System.arraycopy} per tensor; for the 5-level U-Net capped at 512 filters, about 7.8 million floats, 31 MB)
 * each time a contiguous image is needed, and the optimiser's outer loop adds one array lookup per
 * tensor. Neither is visible next to a convolution. The gain: no op needs offset-aware indexing.
 *
 * <p>Parameters are passed as a {@code List<Tensor>} (PyTorch's {@code Adam(model.parameters(), lr)});
 * the order of that list is the layout of the flat state, so a model's parameter order must be stable
 * (the layers module's {@code Module.parameters()} is).
 */
package org.regionwise.autodiff.optim;
