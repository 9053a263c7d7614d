package org.regionwise.autodiff.cpu;

/**
 * The register tile a {@link MicroKernel} is written for; the passes pack panels and cut tiles to match it.
 *
 * @param mr rows of a convolution/GEMM tile: the broadcast operand, read from a packed panel
 * @param nr columns of such a tile: the vector operand, consecutive source positions
 * @param wr rows of a weight-gradient tile: broadcast from source rows, read along the image
 * @param wn columns of a weight-gradient tile: output channels, from a packed dy^T panel
 */
record TileShape(int mr, int nr, int wr, int wn) {
    TileShape {
        if (mr < 1 || nr < 1 || wr < 1 || wn < 1) throw new IllegalArgumentException("tile dimensions must be positive: " + this);
    }

    /** Floats in one convolution/GEMM tile. */
    int tile() {
        return mr * nr;
    }

    /** Floats in one weight-gradient tile. */
    int weightTile() {
        return wr * wn;
    }

    /** Panels of {@link #mr} rows covering {@code rows} rows (the last zero-padded). */
    int panels(int rows) {
        return (rows + mr - 1) / mr;
    }
}
