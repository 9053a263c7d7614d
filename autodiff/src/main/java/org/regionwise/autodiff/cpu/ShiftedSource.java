package org.regionwise.autodiff.cpu;

import java.util.Arrays;

/**
 * The rows of an implicit im2col matrix, served from a zero-padded, phase-split copy of one image.
 *
 * <p>Row (c, r, s) of im2col at output position (oh, ow) reads input pixel
 * (oh * strideH + r * dilH - padTop, ow * strideW + s * dilW - padLeft). Split the padded image into
 * strideH x strideW phase planes (plane (ph, pw) holds padded rows i * strideH + ph and columns
 * j * strideW + pw) and that pixel sits in plane ((r * dilH) % strideH, (s * dilW) % strideW) at
 * (oh + (r * dilH) / strideH, ow + (s * dilW) / strideW). So with positions numbered q = oh * pitch + ow,
 * pitch being the plane width, every im2col row is one offset into the copy plus q: the micro-kernels
 * read vectors of consecutive positions straight from it. Columns ow >= outW of each pitch are junk
 * positions the passes compute and discard; they cost (pitch - outW) / pitch, under 2% at 128 wide.
 *
 * <p>The copy costs one pass over the image, against R * S passes for a written im2col matrix. Padding
 * may be negative (a crop), which the backward-data pass uses. One instance is reused for every image
 * and call; its buffers only grow.
 */
final class ShiftedSource {
    private final Scratch scratch;
    private final TileShape shape;

    private int channels, h, w, kernelH, kernelW, strideH, strideW, padTop, padLeft, dilH, dilW;
    private int outH, outW, planeH, pitch, planeSize, planesEnd;
    private int rows, tiles;
    private boolean onesRow;
    private float[] data;
    private int[] rowOff;

    ShiftedSource(Scratch scratch, TileShape shape) {
        this.scratch = scratch;
        this.shape = shape;
    }

    /**
     * Sets the geometry for the next {@link #fill} calls: an image of {@code channels} x h x w read by an
     * R x S kernel producing outH x outW positions. With {@code onesRow}, an extra row (index
     * {@link #rows()}) reads 1 at every position, so a product with it sums the other operand (bias grad).
     */
    void configure(int channels, int h, int w, int kernelH, int kernelW, int strideH, int strideW,
                   int padTop, int padLeft, int dilH, int dilW, int outH, int outW, boolean onesRow) {
        this.channels = channels;
        this.h = h;
        this.w = w;
        this.kernelH = kernelH;
        this.kernelW = kernelW;
        this.strideH = strideH;
        this.strideW = strideW;
        this.padTop = padTop;
        this.padLeft = padLeft;
        this.dilH = dilH;
        this.dilW = dilW;
        this.outH = outH;
        this.outW = outW;
        this.onesRow = onesRow;
        planeH = outH + (kernelH - 1) * dilH / strideH;
        pitch = outW + (kernelW - 1) * dilW / strideW;
        planeSize = Math.multiplyExact(planeH, pitch);
        planesEnd = Math.multiplyExact(Math.multiplyExact(channels, strideH * strideW), planeSize);
        rows = channels * kernelH * kernelW;
        int valid = (outH - 1) * pitch + outW;
        int nr = shape.nr();
        tiles = (valid + nr - 1) / nr;
        int span = tiles * nr;
        // Reads run at most nr - 1 past the end of a plane; the ones row sits after that slack.
        data = scratch.floats(Scratch.SOURCE, planesEnd + nr + (onesRow ? span : 0));
        // Whole tiles of either height, mr-row panels (convolution) or wr-row tiles (weight gradient): mr * wr is
        // a multiple of both.
        int tableRows = roundUp(rows + (onesRow ? 1 : 0), shape.mr() * shape.wr());
        rowOff = scratch.ints(Scratch.SOURCE, tableRows);
        int row = 0;
        for (int c = 0; c < channels; c++) {
            for (int r = 0; r < kernelH; r++) {
                for (int s = 0; s < kernelW; s++) {
                    int plane = (c * strideH + (r * dilH) % strideH) * strideW + (s * dilW) % strideW;
                    rowOff[row++] = plane * planeSize + (r * dilH / strideH) * pitch + s * dilW / strideW;
                }
            }
        }
        if (onesRow) rowOff[row++] = planesEnd + nr;
        // Rows that only pad the last tile read real memory; their results are discarded.
        while (row < tableRows) rowOff[row++] = 0;
        Arrays.fill(data, planesEnd, planesEnd + nr, 0f);
        if (onesRow) Arrays.fill(data, planesEnd + nr, planesEnd + nr + span, 1f);
    }

    /** Copies image {@code x[offset ..]} (channels x h x w) into the planes, channels split over the pool. */
    void fill(float[] x, int offset, WorkerPool pool) {
        pool.run(channels, (c, worker) -> fillChannel(x, offset + c * h * w, c));
    }

    private void fillChannel(float[] x, int channelOffset, int c) {
        for (int ph = 0; ph < strideH; ph++) {
            for (int pw = 0; pw < strideW; pw++) {
                int plane = ((c * strideH + ph) * strideW + pw) * planeSize;
                for (int i = 0; i < planeH; i++) {
                    int dst = plane + i * pitch;
                    int xr = i * strideH + ph - padTop;
                    if (xr < 0 || xr >= h) {
                        Arrays.fill(data, dst, dst + pitch, 0f);
                        continue;
                    }
                    int src = channelOffset + xr * w;
                    if (strideW == 1) {
                        // Columns j whose input column j - padLeft lies inside the image.
                        int lo = Math.max(0, padLeft);
                        int hi = Math.min(pitch, padLeft + w);
                        if (hi <= lo) {
                            Arrays.fill(data, dst, dst + pitch, 0f);
                            continue;
                        }
                        Arrays.fill(data, dst, dst + lo, 0f);
                        System.arraycopy(x, src + lo - padLeft, data, dst + lo, hi - lo);
                        Arrays.fill(data, dst + hi, dst + pitch, 0f);
                    } else {
                        for (int j = 0; j < pitch; j++) {
                            int xc = j * strideW + pw - padLeft;
                            data[dst + j] = xc >= 0 && xc < w ? x[src + xc] : 0f;
                        }
                    }
                }
            }
        }
    }

    float[] data() {
        return data;
    }

    int[] rowOffsets() {
        return rowOff;
    }

    /** im2col rows: channels * R * S (the ones row, when asked for, comes after them). */
    int rows() {
        return rows;
    }

    /** Position stride between output rows: q = oh * pitch + ow. */
    int pitch() {
        return pitch;
    }

    int outH() {
        return outH;
    }

    int outW() {
        return outW;
    }

    /** Tiles of {@link TileShape#nr()} positions covering every valid position. */
    int tiles() {
        return tiles;
    }

    boolean hasOnesRow() {
        return onesRow;
    }

    static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }
}
