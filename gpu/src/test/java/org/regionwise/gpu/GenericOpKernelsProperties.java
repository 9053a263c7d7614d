package org.regionwise.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.backend.ReferenceKernels;
import org.regionwise.autodiff.backend.Storage;
import org.regionwise.autodiff.ops.BinaryKernel;
import org.regionwise.autodiff.ops.BinaryOp;
import org.regionwise.autodiff.ops.InstanceNormKernel;
import org.regionwise.autodiff.ops.Pointwise;
import org.regionwise.autodiff.ops.PointwiseKernel;
import org.regionwise.autodiff.ops.ReduceKernel;
import org.regionwise.autodiff.ops.SoftmaxKernel;
import org.regionwise.gpu.device.TransferStats;
import org.regionwise.gpu.kernels.PointwiseKernels;
import org.regionwise.gpu.testing.Tolerance;
import org.regionwise.layers.functional.BatchNormKernel;

/**
 * The device kernels of the generic ops every loss is made of (pointwise, broadcast binary, axis sums, axis
 * softmax) and of batch norm and instance norm, on the plain-Java device, against their host twins (the op-owned kernel
 * interfaces' HOST bodies on the CPU backend): the same calls on the same random inputs, every output compared.
 * On resident storages the device calls move nothing. Pointwise and binary kernels do the same float operations
 * in the same order as their twins, so they must agree exactly; sums and softmax accumulate in float where the
 * host uses double (softmax 1e-5 + 1e-5 |ref|; sums 1e-6 of the bound 2 x inputs per output, see the test);
 * batch norm's statistics likewise (1e-5 + 1e-4 |ref|).
 */
class GenericOpKernelsProperties {
    private static final Tolerance EXACT = new Tolerance(0, 0);
    private static final Tolerance SUMS = new Tolerance(1e-5, 1e-5);
    private static final Tolerance NORM = new Tolerance(1e-5, 1e-4);

    /** One program run on both backends: storages made from the same arrays, compared afterwards. */
    private static final class Twin {
        final Backend cpu = new CpuBackend(new ReferenceKernels());
        final GpuBackend gpu = GpuBackends.create(GpuBackends.TORNADO_JAVA, 1 << 18);
        final List<Storage> host = new ArrayList<>();
        final List<Storage> device = new ArrayList<>();
        final Random random;

        Twin(long seed) {
            random = new Random(seed);
        }

        /** A pair of storages with the same uniform values in [lo, hi) (away from zero by {@code gap} if > 0). */
        int storage(int size, float lo, float hi, float gap) {
            float[] v = new float[size];
            for (int i = 0; i < size; i++) {
                float x = lo + (hi - lo) * random.nextFloat();
                if (gap > 0 && Math.abs(x) < gap) x = x < 0 ? -gap : gap;
                v[i] = x;
            }
            host.add(cpu.fromHost(v.clone()));
            GpuStorage d = gpu.fromHost(v.clone());
            d.deviceOffset();
            device.add(d);
            return host.size() - 1;
        }

        int storage(int size) {
            return storage(size, -2f, 2f, 0f);
        }

        /** Runs {@code program} on both sides (the device side through the backend's registered kernels). */
        void run(Consumer<Side> program) {
            program.accept(new Side(cpu, host, true));
            TransferStats stats = gpu.stats();
            long up = stats.uploads();
            long down = stats.downloads();
            program.accept(new Side(gpu, device, false));
            assertEquals(up, stats.uploads(), "uploads during resident device calls");
            assertEquals(down, stats.downloads(), "downloads during resident device calls");
        }

        void assertClose(Tolerance t, String what, int... indices) {
            for (int i : indices) t.assertClose(what + " (storage " + i + ")", host.get(i).host(), device.get(i).host());
        }
    }

    /** The kernels of one backend and its storages by index. */
    private record Side(Backend backend, List<Storage> storages, boolean hostBodies) {
        Storage s(int i) {
            return i < 0 ? null : storages.get(i);
        }

        <K> K kernel(Class<K> type, K host) {
            return hostBodies ? host : backend.kernels().fused(type, host);
        }
    }

    @Test
    void pointwiseCodesFollowThePointwiseKinds() {
        Pointwise.Kind[] kinds = Pointwise.Kind.values();
        assertEquals(PointwiseKernels.NEG, Pointwise.Kind.NEG.ordinal());
        assertEquals(PointwiseKernels.DIV_SCALAR, Pointwise.Kind.DIV_SCALAR.ordinal());
        assertEquals(Pointwise.Kind.CUSTOM, kinds[kinds.length - 1]);
    }

    @Property(tries = 40)
    void pointwiseMatchesTheLambdasExactly(@ForAll @IntRange(min = 1, max = 300) int count,
                                           @ForAll @IntRange(min = 0, max = 10_000) int seed) {
        List<Pointwise> fns = List.of(Pointwise.NEG, Pointwise.EXP, Pointwise.LOG, Pointwise.SQRT, Pointwise.ABS, Pointwise.RELU,
                Pointwise.pow(2f), Pointwise.pow(0f), Pointwise.pow(1.5f), Pointwise.clamp(-0.5f, 0.7f), Pointwise.addScalar(0.3f),
                Pointwise.mulScalar(-2.5f), Pointwise.divScalar(3f),
                new Pointwise("custom cube", x -> x * x * x, (x, y) -> 3 * x * x));
        for (Pointwise fn : fns) {
            Twin t = new Twin(seed);
            boolean positive = fn.kind() == Pointwise.Kind.LOG || fn.kind() == Pointwise.Kind.SQRT || fn.kind() == Pointwise.Kind.POW;
            int x = positive ? t.storage(count, 0.05f, 3f, 0f) : t.storage(count);
            int y = t.storage(count);
            int gy = t.storage(count);
            int gx = t.storage(count);
            t.run(side -> {
                PointwiseKernel k = side.kernel(PointwiseKernel.class, PointwiseKernel.HOST);
                k.forward(fn, side.s(x), side.s(y));
                k.backward(fn, side.s(x), side.s(y), side.s(gy), side.s(gx));
            });
            t.assertClose(EXACT, fn.name(), y, gx);
        }
    }

    /** An output shape (rank 0 to 4) and, per operand, a rank and which of its axes are broadcast (size 1). */
    record Broadcast(int[] out, int[] a, int[] b) {}

    @Provide
    Arbitrary<Broadcast> broadcasts() {
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 1 << 20))
                .as((rank, bits) -> {
                    Random r = new Random(bits);
                    int[] out = new int[rank];
                    for (int d = 0; d < rank; d++) out[d] = 1 + r.nextInt(4);
                    return new Broadcast(out, operand(out, r), operand(out, r));
                });
    }

    private static int[] operand(int[] out, Random r) {
        int rank = out.length == 0 ? 0 : out.length - r.nextInt(out.length + 1);
        int[] shape = new int[rank];
        for (int d = 0; d < rank; d++) shape[d] = r.nextBoolean() ? out[out.length - rank + d] : 1;
        return shape;
    }

    @Property(tries = 60)
    void broadcastBinaryMatchesItsHostTwinExactly(@ForAll("broadcasts") Broadcast shapes,
                                                  @ForAll @IntRange(min = 0, max = 10_000) int seed) {
        int[] out = Shape.broadcast("test", shapes.a(), shapes.b());
        for (BinaryOp.Kind kind : BinaryOp.Kind.values()) {
            Twin t = new Twin(seed);
            int a = t.storage(Shape.numel(shapes.a()));
            int b = t.storage(Shape.numel(shapes.b()), -2f, 2f, 0.25f);
            int z = t.storage(Shape.numel(out));
            int g = t.storage(Shape.numel(out));
            int ga = t.storage(Shape.numel(shapes.a()));
            int gb = t.storage(Shape.numel(shapes.b()));
            t.run(side -> {
                BinaryKernel k = side.kernel(BinaryKernel.class, BinaryKernel.HOST);
                k.forward(kind, out, shapes.a(), shapes.b(), side.s(a), side.s(b), side.s(z));
                k.backward(kind, out, shapes.a(), shapes.b(), side.s(a), side.s(b), side.s(g), side.s(ga), side.s(gb));
            });
            t.assertClose(EXACT, kind + " " + Shape.str(shapes.a()) + " with " + Shape.str(shapes.b()), z, ga, gb);
        }
    }

    @Property(tries = 60)
    void axisSumsMatchTheirHostTwin(@ForAll @IntRange(min = 1, max = 4) int rank,
                                    @ForAll @IntRange(min = 0, max = 1 << 20) int bits) {
        Random r = new Random(bits);
        int[] shape = new int[rank];
        boolean[] reduced = new boolean[rank];
        for (int d = 0; d < rank; d++) {
            shape[d] = 1 + r.nextInt(5);
            reduced[d] = r.nextBoolean();
        }
        // Half the time one axis long enough that an output's inputs span several chunks.
        if (r.nextBoolean()) shape[r.nextInt(rank)] = 200 + r.nextInt(600);
        reduced[r.nextInt(rank)] = true;
        int kept = 1;
        for (int d = 0; d < rank; d++) if (!reduced[d]) kept *= shape[d];
        int outSize = kept;
        for (boolean mean : new boolean[] {false, true}) {
            Twin t = new Twin(bits);
            int x = t.storage(Shape.numel(shape));
            int out = t.storage(outSize);
            int g = t.storage(outSize);
            int gx = t.storage(Shape.numel(shape));
            t.run(side -> {
                ReduceKernel k = side.kernel(ReduceKernel.class, ReduceKernel.HOST);
                k.forward(shape, reduced, mean, side.s(x), side.s(out));
                k.backward(shape, reduced, mean, side.s(g), side.s(gx));
            });
            // Float partial sums against a double sum: the error grows with the sum of |x| (here up to 2 per input),
            // so the allowance is 1e-6 of that bound (far inside the worst case of a 256-term float sum, 1.5e-5 of it).
            int spread = Shape.numel(shape) / outSize;
            Tolerance sums = new Tolerance(1e-6 * 2 * spread / (mean ? spread : 1), 1e-5);
            t.assertClose(sums, (mean ? "mean" : "sum") + " of " + Shape.str(shape), out);
            t.assertClose(EXACT, (mean ? "mean" : "sum") + " backward of " + Shape.str(shape), gx);
        }
    }

    @Property(tries = 40)
    void axisSoftmaxMatchesItsHostTwin(@ForAll @IntRange(min = 1, max = 3) int outer, @ForAll @IntRange(min = 1, max = 6) int len,
                                       @ForAll @IntRange(min = 1, max = 40) int inner,
                                       @ForAll @IntRange(min = 0, max = 10_000) int seed) {
        int count = outer * len * inner;
        for (boolean log : new boolean[] {false, true}) {
            Twin t = new Twin(seed);
            int x = t.storage(count, -30f, 30f, 0f);
            int probs = t.storage(count);
            int out = t.storage(count);
            int g = t.storage(count);
            int gx = t.storage(count);
            t.run(side -> {
                SoftmaxKernel k = side.kernel(SoftmaxKernel.class, SoftmaxKernel.HOST);
                k.forward(outer, len, inner, log, side.s(x), side.s(probs), side.s(out));
                k.backward(outer, len, inner, log, side.s(probs), side.s(g), side.s(gx));
            });
            String what = (log ? "log-softmax " : "softmax ") + outer + "x" + len + "x" + inner;
            t.assertClose(SUMS, what, probs, gx);
            if (log) t.assertClose(SUMS, what, out);
        }
    }

    /** Up to 600 values per channel: one to three chunks of the chunked statistics. */
    @Property(tries = 30)
    void batchNormMatchesItsHostTwin(@ForAll @IntRange(min = 1, max = 3) int n, @ForAll @IntRange(min = 1, max = 5) int c,
                                     @ForAll @IntRange(min = 1, max = 200) int plane, @ForAll boolean affine,
                                     @ForAll @IntRange(min = 0, max = 10_000) int seed) {
        int count = n * c * plane;
        Twin t = new Twin(seed);
        int x = t.storage(count, -3f, 5f, 0f);
        int gamma = affine ? t.storage(c, 0.5f, 1.5f, 0f) : -1;
        int beta = affine ? t.storage(c) : -1;
        int mean = t.storage(c);
        int var = t.storage(c);
        int invStd = t.storage(c);
        int y = t.storage(count);
        int dy = t.storage(count);
        int dx = t.storage(count);
        int dgamma = t.storage(c);
        int dbeta = t.storage(c);
        int runningMean = t.storage(c);
        int runningVar = t.storage(c, 0.5f, 2f, 0f);
        int evalInvStd = t.storage(c);
        int evalY = t.storage(count);
        int evalDx = t.storage(count);
        t.run(side -> {
            BatchNormKernel k = side.kernel(BatchNormKernel.class, BatchNormKernel.HOST);
            k.statistics(n, c, plane, 1e-5, side.s(x), side.s(mean), side.s(var), side.s(invStd));
            k.forward(n, c, plane, side.s(x), side.s(mean), side.s(invStd), side.s(gamma), side.s(beta), side.s(y));
            k.backward(n, c, plane, true, side.s(x), side.s(dy), side.s(mean), side.s(invStd), side.s(gamma), side.s(dx),
                    affine ? side.s(dgamma) : null, affine ? side.s(dbeta) : null);
            k.updateRunning(c, 0.1, (double) n * plane / Math.max(1, n * plane - 1), side.s(mean), side.s(var),
                    side.s(runningMean), side.s(runningVar));
            k.invStd(c, 1e-5, side.s(runningVar), side.s(evalInvStd));
            k.forward(n, c, plane, side.s(x), side.s(runningMean), side.s(evalInvStd), side.s(gamma), side.s(beta), side.s(evalY));
            k.backward(n, c, plane, false, side.s(x), side.s(dy), side.s(runningMean), side.s(evalInvStd), side.s(gamma),
                    side.s(evalDx), null, null);
        });
        t.assertClose(NORM, "batch norm " + n + "x" + c + "x" + plane, mean, var, invStd, y, dx, dgamma, dbeta, runningMean,
                runningVar, evalInvStd, evalY, evalDx);
    }

    /** Planes of 1 to 700: one work-item per plane up to 256 values, chunked statistics and backward sums above. */
    @Property(tries = 30)
    void instanceNormMatchesItsHostTwin(@ForAll @IntRange(min = 1, max = 2) int n, @ForAll @IntRange(min = 1, max = 3) int c,
                                        @ForAll @IntRange(min = 1, max = 700) int plane, @ForAll boolean affine,
                                        @ForAll @IntRange(min = 0, max = 10_000) int seed) {
        int count = n * c * plane;
        Twin t = new Twin(seed);
        int x = t.storage(count, -3f, 5f, 0f);
        int gamma = affine ? t.storage(c, 0.5f, 1.5f, 0f) : -1;
        int beta = affine ? t.storage(c) : -1;
        int mean = t.storage(n * c);
        int invStd = t.storage(n * c);
        int y = t.storage(count);
        int dy = t.storage(count);
        int dx = t.storage(count);
        int dgamma = t.storage(c);
        int dbeta = t.storage(c);
        t.run(side -> {
            InstanceNormKernel k = side.kernel(InstanceNormKernel.class, InstanceNormKernel.HOST);
            k.forward(n, c, plane, 1e-5f, side.s(x), side.s(gamma), side.s(beta), side.s(y), side.s(mean), side.s(invStd));
            k.backward(n, c, plane, side.s(x), side.s(dy), side.s(mean), side.s(invStd), side.s(gamma), side.s(dx),
                    affine ? side.s(dgamma) : null, affine ? side.s(dbeta) : null);
        });
        // Sums of up to 700 float terms against double ones: the allowance grows with the plane, as the kernel tests'.
        Tolerance norm = new Tolerance(2e-6 * plane, 1e-4);
        t.assertClose(norm, "instance norm " + n + "x" + c + "x" + plane, mean, invStd, y, dx, dgamma, dbeta);
    }
}
