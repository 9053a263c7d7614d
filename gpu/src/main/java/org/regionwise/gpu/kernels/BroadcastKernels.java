package org.regionwise.gpu.kernels;

import org.regionwise.gpu.Parallel;

/**
 * Broadcasting binary ops (autodiff's {@code BinaryOp}: add, sub, mul, div by {@code Kind} ordinal) and their
 * backward, without index maps: an output index is decomposed over the output's {@code rank} dims (row-major,
 * at most {@link #MAX_RANK}), and an operand skips the dims set in its mask (where its padded shape is 1).
 * The backward of an operand runs one thread per operand element, which sums over every output position it was
 * broadcast to, in output order, straight into its gradient: the same additions in the same order as the host
 * twin ({@code autodiff.ops.HostBinary}), and no two threads write one element.
 */
public final class BroadcastKernels {
    public static final int MAX_RANK = 6;
    public static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3;
    private static final int FORWARD_DIMS = 8;
    private static final int BACKWARD_DIMS = 11;

    private BroadcastKernels() {}

    /** out = a kind b. ints: count, rank, kind, a, b, out, aMask, bMask, dims[rank]. */
    public static void forward(float[] heap, int[] ints, float[] floats) {
        int count = ints[0];
        int rank = ints[1];
        int kind = ints[2];
        int a = ints[3];
        int b = ints[4];
        int out = ints[5];
        int aMask = ints[6];
        int bMask = ints[7];
        for (@Parallel int i = 0; i < count; i++) {
            int rem = i;
            int ia = 0;
            int ib = 0;
            int sa = 1;
            int sb = 1;
            for (int d = rank - 1; d >= 0; d--) {
                int dim = ints[FORWARD_DIMS + d];
                int coord = rem % dim;
                rem = rem / dim;
                if (((aMask >> d) & 1) == 0) {
                    ia += coord * sa;
                    sa *= dim;
                }
                if (((bMask >> d) & 1) == 0) {
                    ib += coord * sb;
                    sb *= dim;
                }
            }
            float x = heap[a + ia];
            float y = heap[b + ib];
            float r;
            if (kind == ADD) {
                r = x + y;
            } else if (kind == SUB) {
                r = x - y;
            } else if (kind == MUL) {
                r = x * y;
            } else {
                r = x / y;
            }
            heap[out + i] = r;
        }
    }

    /**
     * gOp += sum over the output positions of each operand element of g * d(a kind b)/d(operand), for operand
     * {@code which} (0: a, 1: b). ints: opCount, spread (output positions per operand element), rank, kind, which,
     * a, b, g, gOp, opMask, otherMask, dims[rank].
     */
    public static void backward(float[] heap, int[] ints, float[] floats) {
        int opCount = ints[0];
        int spread = ints[1];
        int rank = ints[2];
        int kind = ints[3];
        int which = ints[4];
        int a = ints[5];
        int b = ints[6];
        int g = ints[7];
        int gOp = ints[8];
        int opMask = ints[9];
        int otherMask = ints[10];
        int op = which == 0 ? a : b;
        int other = which == 0 ? b : a;
        for (@Parallel int j = 0; j < opCount; j++) {
            float acc = heap[gOp + j];
            for (int r = 0; r < spread; r++) {
                int remJ = j;
                int remR = r;
                int i = 0;
                int io = 0;
                int si = 1;
                int so = 1;
                for (int d = rank - 1; d >= 0; d--) {
                    int dim = ints[BACKWARD_DIMS + d];
                    int coord;
                    if (((opMask >> d) & 1) == 0) {
                        coord = remJ % dim;
                        remJ = remJ / dim;
                    } else {
                        coord = remR % dim;
                        remR = remR / dim;
                    }
                    i += coord * si;
                    si *= dim;
                    if (((otherMask >> d) & 1) == 0) {
                        io += coord * so;
                        so *= dim;
                    }
                }
                float x = which == 0 ? heap[op + j] : heap[other + io];
                float y = which == 0 ? heap[other + io] : heap[op + j];
                float deriv;
                if (kind == ADD) {
                    deriv = 1f;
                } else if (kind == SUB) {
                    deriv = which == 0 ? 1f : -1f;
                } else if (kind == MUL) {
                    deriv = which == 0 ? y : x;
                } else {
                    deriv = which == 0 ? 1f / y : -x / (y * y);
                }
                acc += heap[g + i] * deriv;
            }
            heap[gOp + j] = acc;
        }
    }

    /** A forward launch; {@code aMask}/{@code bMask} from {@link #mask}, dims of the output (rank <= MAX_RANK). */
    public static Launch forwardLaunch(int kind, int[] outDims, int aMask, int bMask, int a, int b, int out) {
        int count = numel(outDims);
        int[] ints = new int[FORWARD_DIMS + outDims.length];
        int[] head = {count, outDims.length, kind, a, b, out, aMask, bMask};
        System.arraycopy(head, 0, ints, 0, head.length);
        System.arraycopy(outDims, 0, ints, FORWARD_DIMS, outDims.length);
        return Launch.of(Kernel.BROADCAST, count, ints);
    }

    /** The backward of operand {@code which} (0: a, 1: b) into its gradient gOp. */
    public static Launch backwardLaunch(int kind, int which, int[] outDims, int aMask, int bMask, int a, int b, int g, int gOp) {
        int opMask = which == 0 ? aMask : bMask;
        int otherMask = which == 0 ? bMask : aMask;
        int opCount = 1;
        int spread = 1;
        for (int d = 0; d < outDims.length; d++) {
            if (((opMask >> d) & 1) == 0) opCount *= outDims[d];
            else spread *= outDims[d];
        }
        int[] ints = new int[BACKWARD_DIMS + outDims.length];
        int[] head = {opCount, spread, outDims.length, kind, which, a, b, g, gOp, opMask, otherMask};
        System.arraycopy(head, 0, ints, 0, head.length);
        System.arraycopy(outDims, 0, ints, BACKWARD_DIMS, outDims.length);
        return Launch.of(Kernel.BROADCAST_BACKWARD, opCount, ints);
    }

    /** The mask of an operand of {@code shape} broadcast to {@code outDims}: bit d set where its (left-padded) dim is 1. */
    public static int mask(int[] shape, int[] outDims) {
        int pad = outDims.length - shape.length;
        int mask = 0;
        for (int d = 0; d < outDims.length; d++) {
            int dim = d < pad ? 1 : shape[d - pad];
            if (dim == 1) mask |= 1 << d;
        }
        return mask;
    }

    static int numel(int[] dims) {
        int n = 1;
        for (int d : dims) n *= d;
        return n;
    }
}
