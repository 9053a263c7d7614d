package org.regionwise.gpu;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.regionwise.gpu.testing.TornadoSupport;
import org.regionwise.gpu.testing.UNet2dTraining;
import org.regionwise.layers.UNet2dConfig;

/**
 * {@link LossResidencyTest}'s transfer count through TornadoVM: every registry loss, with and without deep
 * supervision, and the batch-norm cases, on the real device (PoCL's CPU device here, a GPU where one is). The
 * kernels are the same Java methods as on the plain-Java device, so the counts must be the same; this proves that
 * each of them compiles and runs as a TornadoVM task. Skipped with "skipped: TornadoVM not found" without an SDK.
 */
class TornadoLossResidencyTest {

    @ParameterizedTest(name = "{0}, deep supervision {1}")
    @MethodSource("org.regionwise.gpu.LossResidencyTest#cases")
    void aSteadyStateStepMovesOnlyItsBatchAndTheLoss(String lossName, boolean deepSupervision) {
        UNet2dConfig config = deepSupervision ? UNet2dTraining.DEEP_CONFIG : UNet2dTraining.CONFIG;
        LossResidencyTest.assertResident(TornadoSupport.backend(), lossName, config);
    }

    @ParameterizedTest(name = "batch norm, {0}, deep supervision {1}")
    @MethodSource("org.regionwise.gpu.LossResidencyTest#batchNormCases")
    void batchNormStaysResident(String lossName, boolean deepSupervision) {
        UNet2dConfig config = deepSupervision ? UNet2dTraining.DEEP_CONFIG : UNet2dTraining.CONFIG;
        LossResidencyTest.assertResident(TornadoSupport.backend(), lossName, UNet2dTraining.withBatchNorm(config));
    }
}
