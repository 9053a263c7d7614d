package org.regionwise.studies.spark;

import java.util.Map;
import org.apache.spark.resource.ResourceInformation;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.gpu.BackendName;
import org.regionwise.gpu.GpuBackends;
import org.regionwise.experiments.study.TrialBackends;

/**
 * Which backend a trial's task computes on. When Spark's scheduler gave the task a GPU (the job asked for
 * {@code spark.task.resource.gpu.amount=1} and the worker announced its GPUs with a discovery script), the task runs on
 * that device with the tornado backend: {@code tornado:<address>}, the address being the device index the discovery
 * script printed. Otherwise it runs on the study's {@code --backend}. Spark gives each GPU to one task at a time, so
 * the cluster's scheduler does what the local engine's round robin does on one machine.
 */
final class TaskDevices {
    /** Spark's resource name for GPUs (its {@code ResourceUtils.GPU}). */
    static final String GPU = "gpu";

    private TaskDevices() {}

    /**
     * The backend name for a task with {@code resources} (from {@code TaskContext.resourcesJMap()}) of a study on
     * {@code requested}.
     *
     * @throws IllegalArgumentException (one line) when Spark gave more than one GPU, or an address that is not a device
     *                                  index
     */
    static String backendName(String requested, Map<String, ResourceInformation> resources) {
        ResourceInformation gpu = resources.get(GPU);
        if (gpu == null || gpu.addresses().length == 0) return BackendName.parse(requested).toString();
        String[] addresses = gpu.addresses();
        if (addresses.length > 1) {
            throw new IllegalArgumentException("Spark gave this task " + addresses.length + " GPUs " + OneLine.visible(String.join(",", addresses))
                    + "; a trial runs on one: set spark.task.resource.gpu.amount=1");
        }
        String address = addresses[0].trim();
        if (!address.matches("\\d{1,4}")) {
            throw new IllegalArgumentException("Spark gave this task GPU address '" + OneLine.visible(address) + "', which is not a device index: the "
                    + "workers' discovery script (spark.worker.resource.gpu.discoveryScript) must print indices (0, 1, ...) "
                    + "in TornadoVM's order");
        }
        return BackendName.parse(GpuBackends.TORNADO + ":" + address).toString();
    }

    /** The backend itself (with {@code threads} CPU threads for a CPU trial); the caller closes it with {@link TrialBackends#close}. */
    static Backend backend(String requested, Map<String, ResourceInformation> resources, int threads) {
        return GpuBackends.byName(backendName(requested, resources), threads, k -> k);
    }
}
