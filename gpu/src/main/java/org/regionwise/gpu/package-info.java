/**
 * The GPU backend on TornadoVM: {@link org.regionwise.gpu.GpuBackends#create(String)} is the entry point,
 * {@link org.regionwise.gpu.GpuBackend} the autodiff Backend, {@link org.regionwise.gpu.DeviceOps} the
 * device-resident ops. Kernels are in {@code kernels}, devices in {@code device}, and everything that
 * touches TornadoVM (the only reflection in the project) in {@code tornado}. See gpu/README.md.
 */
package org.regionwise.gpu;
