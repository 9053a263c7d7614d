package org.regionwise.experiments.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.layers.StateDictFile;
import org.regionwise.layers.UNet2d;

/** Building the network a checkpoint describes, with its weights. */
public final class Models {
    private Models() {}

    /** The checkpoint's network with its trained weights, in evaluation mode without deep-supervision outputs. */
    public static UNet2d fromCheckpoint(Checkpoint checkpoint) {
        UNet2d model = new UNet2d(checkpoint.network(), new java.util.Random(0)); // weights replaced below
        load(model, checkpoint.model());
        model.eval();
        model.setDeepSupervision(false);
        return model;
    }

    /**
     * Loads a state dict strictly: every name present, no extra names, every shape equal.
     *
     * @throws IllegalArgumentException naming the first mismatch
     */
    public static void load(UNet2d model, Map<String, StateDictFile.Entry> entries) {
        Map<String, Tensor> own = model.stateTensors();
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Map.Entry<String, StateDictFile.Entry> e : entries.entrySet()) {
            Tensor t = own.get(e.getKey());
            if (t != null && !Arrays.equals(t.shape(), e.getValue().shape())) {
                throw new IllegalArgumentException("checkpoint tensor '" + OneLine.visible(e.getKey()) + "' has shape "
                        + Shape.str(e.getValue().shape()) + " but the model's is " + Shape.str(t.shape()));
            }
            values.put(e.getKey(), e.getValue().data());
        }
        model.loadStateDict(values);
    }
}
