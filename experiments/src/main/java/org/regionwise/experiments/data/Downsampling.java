package org.regionwise.experiments.data;

/**
 * Coarser in-plane grids for quick runs: a factor {@code s} turns every s x s block of (x, y) voxels
 * into one, leaving z alone (slices stay slices). Images average the block (a box filter, the least
 * aliasing a block reduction can do); labels take the block's most frequent class, ties going to the
 * class met first in raster order (so a 2x2 tie keeps the top-left voxel's class, i.e. nearest
 * neighbour), because an average of class ids means nothing.
 */
public final class Downsampling {
    private Downsampling() {}

    /**
     * {@code volume} with x and y reduced by {@code factor} (1 returns it unchanged).
     *
     * @throws IllegalArgumentException when the factor is below 1 or does not divide nx and ny
     */
    public static Volume inPlane(Volume volume, int factor) {
        if (factor < 1) throw new IllegalArgumentException("the downsampling factor must be >= 1, got " + factor);
        if (factor == 1) return volume;
        if (volume.nx() % factor != 0 || volume.ny() % factor != 0) {
            throw new IllegalArgumentException(volume.id() + ": downsampling by " + factor + " needs x and y sizes divisible by it, got "
                    + volume.nx() + "x" + volume.ny());
        }
        int mx = volume.nx() / factor, my = volume.ny() / factor, nz = volume.nz();
        float[][] channels = new float[volume.channels().length][];
        for (int c = 0; c < channels.length; c++) channels[c] = average(volume, volume.channels()[c], factor, mx, my);
        int[] labels = majority(volume, factor, mx, my);
        double[] sp = volume.spacing();
        return new Volume(volume.id(), mx, my, nz, new double[] {sp[0] * factor, sp[1] * factor, sp[2]}, channels, labels);
    }

    private static float[] average(Volume v, float[] data, int f, int mx, int my) {
        float[] out = new float[mx * my * v.nz()];
        for (int z = 0; z < v.nz(); z++) {
            for (int y = 0; y < my; y++) {
                for (int x = 0; x < mx; x++) {
                    double sum = 0;
                    for (int by = 0; by < f; by++) {
                        for (int bx = 0; bx < f; bx++) sum += data[v.index(x * f + bx, y * f + by, z)];
                    }
                    out[x + mx * (y + my * z)] = (float) (sum / (f * f));
                }
            }
        }
        return out;
    }

    private static int[] majority(Volume v, int f, int mx, int my) {
        int[] out = new int[mx * my * v.nz()];
        int[] block = new int[f * f];
        for (int z = 0; z < v.nz(); z++) {
            for (int y = 0; y < my; y++) {
                for (int x = 0; x < mx; x++) {
                    int n = 0;
                    for (int by = 0; by < f; by++) {
                        for (int bx = 0; bx < f; bx++) block[n++] = v.labels()[v.index(x * f + bx, y * f + by, z)];
                    }
                    out[x + mx * (y + my * z)] = mostFrequent(block);
                }
            }
        }
        return out;
    }

    /** The most frequent value; among equals, the first in the array. O(n^2) over a tiny block. */
    static int mostFrequent(int[] block) {
        int best = block[0], bestCount = 0;
        for (int i = 0; i < block.length; i++) {
            int count = 0;
            for (int v : block) if (v == block[i]) count++;
            if (count > bestCount) {
                best = block[i];
                bestCount = count;
            }
        }
        return best;
    }
}
