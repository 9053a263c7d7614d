package org.regionwise.experiments.predict;

/**
 * What {@link SlidingWindow} runs on its tiles: a network that maps a batch of images to logits of the
 * same height and width. The U-Net ({@link UNetTiles}) in use; a stub in the tests.
 */
public interface TileNetwork {
    /** Image channels the network takes. */
    int inChannels();

    /** Classes (logit channels) it returns. */
    int classes();

    /**
     * Logits {@code (n, classes, h, w)} row-major for the images {@code (n, inChannels, h, w)}. The result
     * must be an array the caller may keep.
     */
    float[] logits(float[] images, int n, int h, int w);
}
