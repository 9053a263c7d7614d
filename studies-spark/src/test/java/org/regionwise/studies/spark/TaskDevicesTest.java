package org.regionwise.studies.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.spark.resource.ResourceInformation;
import org.junit.jupiter.api.Test;

/** Which device a Spark task's trial runs on, from the resources Spark gave the task (a fake map: no GPU needed). */
class TaskDevicesTest {

    private static Map<String, ResourceInformation> gpus(String... addresses) {
        return Map.of(TaskDevices.GPU, new ResourceInformation(TaskDevices.GPU, addresses));
    }

    @Test
    void aTaskGivenAGpuRunsOnThatDeviceWithTornado() {
        assertEquals("tornado:0", TaskDevices.backendName("cpu", gpus("0")));
        assertEquals("tornado:3", TaskDevices.backendName("cpu", gpus(" 3 ")));
        assertEquals("tornado:1", TaskDevices.backendName("tornado:0", gpus("1")), "Spark's assignment wins over the study's index");
    }

    @Test
    void withoutAGpuTheStudysBackendIsUsed() {
        assertEquals("cpu", TaskDevices.backendName("cpu", Map.of()));
        assertEquals("tornado:2", TaskDevices.backendName("Tornado:2", Map.of()));
        assertEquals("cpu", TaskDevices.backendName("cpu", gpus()), "an empty gpu entry is no gpu");
        Map<String, ResourceInformation> fpga = Map.of("fpga", new ResourceInformation("fpga", new String[] {"0"}));
        assertEquals("cpu", TaskDevices.backendName("cpu", fpga), "other resources do not matter");
    }

    @Test
    void anAddressThatIsNotOneDeviceIndexIsOneLineSayingWhatToFix() {
        IllegalArgumentException uuid = assertThrows(IllegalArgumentException.class,
                () -> TaskDevices.backendName("cpu", gpus("GPU-5e1f7c2a")));
        assertTrue(uuid.getMessage().contains("GPU address 'GPU-5e1f7c2a', which is not a device index")
                && uuid.getMessage().contains("spark.worker.resource.gpu.discoveryScript"), uuid.getMessage());
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class, () -> TaskDevices.backendName("cpu", gpus("0", "1")));
        assertTrue(two.getMessage().contains("2 GPUs 0,1") && two.getMessage().contains("spark.task.resource.gpu.amount=1"),
                two.getMessage());
        assertEquals(1, two.getMessage().lines().count());
        assertThrows(IllegalArgumentException.class, () -> TaskDevices.backendName("tornado:x", Map.of()));
        IllegalArgumentException newline = assertThrows(IllegalArgumentException.class,
                () -> TaskDevices.backendName("cpu", gpus("GPU\n5")));
        assertTrue(newline.getMessage().contains("GPU address 'GPU\\n5'"), newline.getMessage());
        assertEquals(1, newline.getMessage().lines().count(), newline.getMessage());
    }

    @Test
    void theSettingsCarryTheBackendCheckedWhereItEnters() {
        assertEquals("cpu", SparkRunner.Settings.of("local[1]", 1).backend());
        assertEquals("tornado:1", new SparkRunner.Settings("local[1]", 1, "", Map.of(), " TORNADO:1").backend());
        assertThrows(IllegalArgumentException.class, () -> new SparkRunner.Settings("local[1]", 1, "", Map.of(), "gpu"));
    }
}
