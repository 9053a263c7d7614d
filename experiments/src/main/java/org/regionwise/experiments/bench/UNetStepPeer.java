package org.regionwise.experiments.bench;

/**
 * The benchmark peer's service interface: another framework training the same U-Net step
 * ({@link UNetStepSpec}), found by {@link java.util.ServiceLoader}. The implementation (PyTorch through
 * DJL) lives in the optional {@code bench-peer} module, built only with {@code mvn -Ppeer}, so the normal
 * build never downloads PyTorch's native libraries.
 */
public interface UNetStepPeer {

    /** The peer and its versions, e.g. "PyTorch 2.7.1 (DJL 0.36.0, CPU)". */
    String name();

    /**
     * Builds the network, optimiser and batch described by {@code spec}, on {@code spec.threads()} threads.
     *
     * @throws Exception when the peer cannot start (a missing native library, for instance)
     */
    TrainingStep open(UNetStepSpec spec) throws Exception;
}
