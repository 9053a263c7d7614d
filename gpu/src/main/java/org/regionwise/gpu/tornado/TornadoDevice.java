package org.regionwise.gpu.tornado;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.regionwise.gpu.device.Device;
import org.regionwise.gpu.kernels.ElementwiseKernels;
import org.regionwise.gpu.kernels.Kernel;
import org.regionwise.gpu.kernels.Launch;
import org.regionwise.gpu.kernels.TransferKernels;

/**
 * A {@link Device} on TornadoVM. The whole device heap is one {@code float[]} that TornadoVM keeps resident:
 * graph "heap" copies it to the device once and persists it, and every other graph consumes that buffer.
 * There is one graph per kernel, bound to the heap and to that kernel's reusable argument arrays, so each
 * kernel is compiled once (on first use) whatever tensors it is later called on. Tensor data moves only
 * through staging graphs: a staging array (a few fixed sizes) is transferred and copied into or out of a
 * heap range on the device.
 *
 * <p>Launches are synchronous; calls are serialised (TornadoVM plans are not meant to be shared by threads).
 */
public final class TornadoDevice implements Device {
    private static final String HEAP_GRAPH = "heap";
    private static final String TASK = "t";
    /** Staging sizes in floats (16 KiB, 256 KiB, 4 MiB): small tensors do not pay for a large transfer. */
    private static final int[] STAGING_SIZES = {1 << 12, 1 << 16, 1 << 20};

    private final TornadoBridge.Plan plan;
    private final float[] heap;
    private final Map<Kernel, Integer> kernelGraph = new EnumMap<>(Kernel.class);
    private final Map<Kernel, int[]> kernelInts = new EnumMap<>(Kernel.class);
    private final Map<Kernel, float[]> kernelFloats = new EnumMap<>(Kernel.class);
    private final float[][] staging = new float[STAGING_SIZES.length][];
    private final int[][] stageInInts = new int[STAGING_SIZES.length][];
    private final int[][] stageOutInts = new int[STAGING_SIZES.length][];
    private final int[] stageInGraph = new int[STAGING_SIZES.length];
    private final int[] stageOutGraph = new int[STAGING_SIZES.length];
    private final String description;

    /** On TornadoVM's default device. */
    public TornadoDevice(TornadoBridge bridge, int capacity) {
        this(bridge, capacity, -1);
    }

    /**
     * On device {@code deviceIndex} of TornadoVM's default backend ({@code -1}: its default device), so that trials run
     * side by side on a machine's GPUs each on their own.
     *
     * @throws TornadoUnavailableException when there is no such device (the message gives the count)
     */
    public TornadoDevice(TornadoBridge bridge, int capacity, int deviceIndex) {
        if (deviceIndex >= 0) bridge.checkDevice(deviceIndex); // before any graph is built: a one-line error, not a driver's
        this.heap = new float[capacity];
        List<TornadoBridge.Graph> graphs = new ArrayList<>();
        List<String> tasks = new ArrayList<>();

        // Graph 0 owns the heap: one copy to the device (zeros), then it stays there. Its task does nothing
        // (count 0) but TornadoVM needs a task to allocate the buffer.
        int[] noInts = new int[Launch.MAX_INTS];
        float[] noFloats = new float[Launch.MAX_FLOATS];
        graphs.add(bridge.graph(HEAP_GRAPH)
                .transferToDevice(false, heap, noInts, noFloats)
                .task(TASK, ElementwiseKernels.class, "fill", heap, noInts, noFloats)
                .persistOnDevice(heap));
        tasks.add(TASK);

        for (Kernel kernel : Kernel.values()) {
            int[] ints = new int[kernel.maxInts()];
            float[] floats = new float[Launch.MAX_FLOATS];
            kernelInts.put(kernel, ints);
            kernelFloats.put(kernel, floats);
            kernelGraph.put(kernel, graphs.size());
            graphs.add(bridge.graph(graphName(kernel.name()))
                    .consumeFromDevice(HEAP_GRAPH, heap)
                    .transferToDevice(true, ints, floats)
                    .task(TASK, kernel.owner(), kernel.method(), heap, ints, floats)
                    .persistOnDevice(heap));
            tasks.add(TASK);
        }

        for (int i = 0; i < STAGING_SIZES.length; i++) {
            staging[i] = new float[STAGING_SIZES[i]];
            stageInInts[i] = new int[2];
            stageOutInts[i] = new int[2];
            stageInGraph[i] = graphs.size();
            graphs.add(bridge.graph("stagein" + i)
                    .consumeFromDevice(HEAP_GRAPH, heap)
                    .transferToDevice(true, staging[i], stageInInts[i])
                    .task(TASK, TransferKernels.class, "stageIn", staging[i], heap, stageInInts[i])
                    .persistOnDevice(heap));
            tasks.add(TASK);
            stageOutGraph[i] = graphs.size();
            graphs.add(bridge.graph("stageout" + i)
                    .consumeFromDevice(HEAP_GRAPH, heap)
                    .transferToDevice(true, stageOutInts[i])
                    .task(TASK, TransferKernels.class, "stageOut", heap, staging[i], stageOutInts[i])
                    .transferToHost(staging[i])
                    .persistOnDevice(heap));
            tasks.add(TASK);
        }

        this.plan = bridge.plan(graphs, tasks);
        if (deviceIndex >= 0) plan.useDevice(deviceIndex); // every graph of the plan, before the first execution
        plan.execute(0, 1);
        this.description = "TornadoVM " + plan.deviceDescription() + " (" + capacity + " floats)";
    }

    private static String graphName(String kernelName) {
        return kernelName.toLowerCase(java.util.Locale.ROOT).replace("_", "");
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int capacity() {
        return heap.length;
    }

    @Override
    public synchronized void launch(Launch launch) {
        Kernel kernel = launch.kernel();
        // The graph is bound to these very arrays: refill them, never replace them.
        System.arraycopy(launch.ints(), 0, kernelInts.get(kernel), 0, kernel.maxInts());
        System.arraycopy(launch.floats(), 0, kernelFloats.get(kernel), 0, Launch.MAX_FLOATS);
        plan.execute(kernelGraph.get(kernel), Math.max(1, launch.threads()));
    }

    @Override
    public synchronized void upload(float[] src, int srcOffset, int heapOffset, int count) {
        for (int done = 0; done < count; ) {
            int s = stagingFor(count - done);
            int chunk = Math.min(STAGING_SIZES[s], count - done);
            System.arraycopy(src, srcOffset + done, staging[s], 0, chunk);
            stageInInts[s][0] = chunk;
            stageInInts[s][1] = heapOffset + done;
            plan.execute(stageInGraph[s], chunk);
            done += chunk;
        }
    }

    @Override
    public synchronized void download(int heapOffset, float[] dst, int dstOffset, int count) {
        for (int done = 0; done < count; ) {
            int s = stagingFor(count - done);
            int chunk = Math.min(STAGING_SIZES[s], count - done);
            stageOutInts[s][0] = chunk;
            stageOutInts[s][1] = heapOffset + done;
            plan.execute(stageOutGraph[s], chunk);
            System.arraycopy(staging[s], 0, dst, dstOffset + done, chunk);
            done += chunk;
        }
    }

    /** The smallest staging array that holds {@code count} floats, else the largest (then we loop). */
    private static int stagingFor(int count) {
        for (int i = 0; i < STAGING_SIZES.length; i++) {
            if (STAGING_SIZES[i] >= count) return i;
        }
        return STAGING_SIZES.length - 1;
    }

    /**
     * Fails loudly if TornadoVM compiled our loops as sequential code: each thread would then run the whole
     * loop, and an accumulating kernel would add once per thread. One small axpy tells the difference.
     */
    public void selfCheck() {
        int n = 1024;
        float[] ones = new float[2 * n];
        Arrays.fill(ones, 1f);
        upload(ones, 0, 0, 2 * n);
        launch(ElementwiseKernels.axpyLaunch(n, 1f, 0, n));
        float[] back = new float[n];
        download(n, back, 0, n);
        for (float v : back) {
            if (v != 2f) {
                throw new TornadoUnavailableException("TornadoVM ran a parallel kernel wrongly (" + v + " where 2 was expected): "
                        + "it does not recognise " + TornadoBridge.PARALLEL_ANNOTATION + " as its parallel-loop annotation; pass -D"
                        + TornadoBridge.PARALLEL_ANNOTATION_PROPERTY + "=" + TornadoBridge.PARALLEL_ANNOTATION
                        + " and compile the kernels with -g");
            }
        }
    }

    @Override
    public synchronized void close() {
        plan.close();
    }
}
