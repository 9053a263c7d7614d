package org.regionwise.autodiff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.regionwise.autodiff.backend.Storage;

/** The backward pass: reverse topological walk over the recorded graph. */
final class Autograd {
    private Autograd() {}

    static void backward(Tensor root, float[] seed) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("backward: tensor " + Shape.str(root.shape())
                    + " does not require grad (no input required grad, or it was computed under noGrad)");
        }
        if (seed.length != root.numel()) {
            throw new IllegalArgumentException("backward: seed gradient has " + seed.length
                    + " elements but the tensor has shape " + Shape.str(root.shape()));
        }
        boolean anomaly = Anomaly.isEnabled();
        if (anomaly && Anomaly.hasNonFinite(seed)) {
            throw new AnomalyException("seed", "backward: the seed gradient contains NaN or Inf", null);
        }
        seed(root, seed);

        for (Tensor t : reverseTopologicalOrder(root)) {
            Storage g = t.gradOrNull();
            if (g == null) continue;
            Function fn = t.gradFn();
            if (anomaly) {
                backwardChecked(fn, g);
            } else {
                fn.backward(g);
            }
            if (!t.retainsGrad()) t.releaseGrad();
        }
    }

    /**
     * Adds the seed to the root's gradient. A loss's first backward (one element, no gradient yet) is a fill
     * by the backend, so a device backend seeds on the device instead of moving the value both ways.
     */
    private static void seed(Tensor root, float[] seed) {
        boolean fresh = !root.hasGrad();
        if (fresh && seed.length == 1) {
            Storage g = root.gradStorage();
            g.backend().kernels().fill(g, seed[0]);
            return;
        }
        float[] rootGrad = root.gradBuffer();
        for (int i = 0; i < seed.length; i++) rootGrad[i] += seed[i];
    }

    private static void backwardChecked(Function fn, Storage g) {
        Tensor[] inputs = fn.inputs();
        boolean[] wasFinite = new boolean[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            wasFinite[i] = !Anomaly.hasNonFinite(hostOrNull(inputs[i].gradOrNull()));
        }
        fn.backward(g);
        for (int i = 0; i < inputs.length; i++) {
            float[] gi = hostOrNull(inputs[i].gradOrNull());
            if (wasFinite[i] && gi != null && Anomaly.hasNonFinite(gi)) {
                int at = Anomaly.firstNonFinite(gi);
                throw new AnomalyException(fn.name(), "backward of " + fn.name() + " produced " + gi[at]
                        + " in the gradient of its input " + i + " (shape " + Shape.str(inputs[i].shape())
                        + ", flat index " + at + "); incoming gradient was "
                        + (Anomaly.hasNonFinite(g.host()) ? "already non-finite" : "finite"), fn.creationSite());
            }
        }
    }

    /** Anomaly mode reads gradients on the host (a device backend downloads them: it is a debugging mode). */
    private static float[] hostOrNull(Storage s) {
        return s == null ? null : s.host();
    }

    /** Ops in the order their backward must run: every op after all ops that consume its output. */
    private static List<Tensor> reverseTopologicalOrder(Tensor root) {
        // Iterative post-order DFS: U-Net graphs are deep enough to make recursion a stack-overflow risk.
        List<Tensor> order = new ArrayList<>();
        Map<Tensor, Boolean> visited = new IdentityHashMap<>();
        Deque<Tensor> stack = new ArrayDeque<>();
        Deque<Integer> nextChild = new ArrayDeque<>();
        stack.push(root);
        nextChild.push(0);
        visited.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Tensor t = stack.peek();
            int i = nextChild.pop();
            Tensor[] inputs = t.gradFn() == null ? new Tensor[0] : t.gradFn().inputs();
            if (i < inputs.length) {
                nextChild.push(i + 1);
                Tensor child = inputs[i];
                if (child.gradFn() != null && visited.put(child, Boolean.TRUE) == null) {
                    stack.push(child);
                    nextChild.push(0);
                }
            } else {
                stack.pop();
                if (t.gradFn() != null) order.add(t);
            }
        }
        Collections.reverse(order);
        return order;
    }
}
