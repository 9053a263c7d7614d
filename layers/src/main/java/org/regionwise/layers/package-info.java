/**
 * Neural-network layers with PyTorch's names and semantics, and nnU-Net's 2D U-Net.
 *
 * <p>{@link org.regionwise.layers.Module} is the model tree (named parameters and buffers, train/eval,
 * state dicts); {@link org.regionwise.layers.Layer} is a module with one tensor in and out;
 * {@link org.regionwise.layers.UNet2d} is the network of the paper, configured by
 * {@link org.regionwise.layers.UNet2dConfig}. Fused norm ops live in {@code org.regionwise.layers.functional}.
 */
package org.regionwise.layers;
