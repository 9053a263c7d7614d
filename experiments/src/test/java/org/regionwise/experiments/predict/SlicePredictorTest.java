package org.regionwise.experiments.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.regionwise.experiments.data.Slice;
import org.regionwise.layers.UNet2d;
import org.regionwise.experiments.eval.DiceScores;
import org.regionwise.experiments.train.TinyData;

/** Inference pads to the network's divisibility, crops back, and leaves the model's modes as it found them. */
class SlicePredictorTest {

    @Test
    void oddSizedSlicesComeBackInTheirOwnSize() {
        UNet2d model = new UNet2d(TinyData.network(), new Random(0));
        Slice odd = new Slice("v", 0, 1, 13, 10, new float[130], new int[130], 1, 1, 1);
        Slice even = new Slice("v", 1, 1, 16, 16, new float[256], new int[256], 1, 1, 1);

        List<int[]> labels = new SlicePredictor(model, 4).predict(List.of(odd, even, odd));

        assertEquals(130, labels.get(0).length);
        assertEquals(256, labels.get(1).length);
        assertArrayEquals(labels.get(0), labels.get(2), "the same slice gets the same labels whatever it is batched with");
        for (int[] l : labels) for (int c : l) assertTrue(c >= 0 && c < 3);
        assertTrue(model.isTraining() && model.deepSupervision(), "modes restored");
    }

    @Test
    void batchSizeDoesNotChangePredictions() {
        UNet2d model = new UNet2d(TinyData.network(), new Random(1));
        List<Slice> slices = TinyData.validation().slices();
        List<int[]> one = new SlicePredictor(model, 1).predict(slices);
        List<int[]> four = new SlicePredictor(model, 4).predict(slices);
        for (int i = 0; i < slices.size(); i++) assertArrayEquals(one.get(i), four.get(i));
    }

    @Test
    void aReusedPredictorRecyclesItsBuffersWithoutChangingPredictions() {
        // The predictor runs each pass in a BufferArena: buffers of one pass serve the next, of any size.
        UNet2d model = new UNet2d(TinyData.network(), new Random(2));
        List<Slice> slices = TinyData.validation().slices();
        Slice odd = new Slice("v", 0, 1, 13, 10, new float[130], new int[130], 1, 1, 1);
        SlicePredictor reused = new SlicePredictor(model, 3);
        List<int[]> first = reused.predict(slices);
        reused.predict(List.of(odd, odd));
        List<int[]> again = reused.predict(slices);
        List<int[]> fresh = new SlicePredictor(model, 3).predict(slices);
        for (int i = 0; i < slices.size(); i++) {
            assertArrayEquals(fresh.get(i), first.get(i));
            assertArrayEquals(fresh.get(i), again.get(i));
        }
    }

    @Test
    void argmaxTakesTheFirstOfEqualLogits() {
        // two pixels, three classes, channel-major: pixel 0 ties classes 1 and 2, pixel 1 prefers 0
        float[] logits = {0, 5, 1, 2, 1, 2};
        assertArrayEquals(new int[] {1, 0}, SlicePredictor.argmax(logits, 0, 3, 2));
    }

    @Test
    void diceFollowsTheEvalDefinitions() {
        int[] prediction = {0, 1, 1, 0, 2, 2};
        int[] reference = {0, 1, 0, 0, 0, 0};
        double[] dice = DiceScores.of(prediction, reference, 4);
        assertEquals(2.0 * 2 / (2 + 5), dice[0], 1e-12);
        assertEquals(2.0 * 1 / (2 + 1), dice[1], 1e-12);
        assertEquals(0.0, dice[2]);
        assertTrue(Double.isNaN(dice[3]), "a class in neither mask has no Dice");
    }
}
