package org.regionwise.autodiff.cpu;

/**
 * The two register-tiled inner loops every fast pass is built from. Both compute one MR x NR tile of a
 * product, summing over {@code kc} steps, where one operand is a packed panel and the other is read straight
 * from "source rows": row {@code i} of the source starts at {@code src[rowOff[i]]}. A source is a padded,
 * phase-split copy of an image (see {@link ShiftedSource}), so the rows of an implicit im2col matrix are
 * just offsets into it and no im2col matrix is ever written.
 *
 * <p>Why 8 x 32: with AVX-512 a tile is 8 rows x 2 vectors = 16 accumulators, enough independent FMA chains
 * to cover two FMA pipes at 4-cycle latency, while 2 operand vectors and a broadcast leave registers free
 * (32 zmm). Each step loads 2 vectors and 8 scalars for 16 FMAs, a load:FMA ratio the L1 sustains. 8 rows
 * also divide the channel counts of nnU-Net (32, 64, ..., 512) exactly, so edge tiles are rare.
 */
public interface MicroKernel {
    /** Rows of a tile (broadcast operand). */
    int MR = 8;
    /** Columns of a tile (vector operand): two 16-float AVX-512 vectors. */
    int NR = 32;
    /** Floats in one tile. */
    int TILE = MR * NR;
    /**
     * Rows of a weight-gradient tile ({@link #rowsTimesPanel}): 12 rows x 2 vectors = 24 accumulators, two
     * operand vectors and a broadcast fit in 32 registers, and each step's 2 vector loads and 12 broadcasts
     * feed 24 FMAs instead of 10 loads feeding 16. The other kernel's broadcast rows come from a packed
     * panel, so 8 suffices there; these come from the source, read along the image.
     */
    int WR = 12;
    /** Floats in one weight-gradient tile. */
    int WEIGHT_TILE = WR * NR;

    String name();

    /**
     * tile[tileOff + i * NR + j] (= or +=) sum over kk < kc of a[aOff + kk * MR + i] * src[rowOff[row0 + kk] + q0 + j].
     * The panel {@code a} holds MR rows interleaved step by step; the source rows give the columns.
     * With {@code accumulate} the tile's previous contents are added to, so a long reduction can be cut
     * into depth blocks whose source rows stay in L1.
     */
    void panelTimesRows(float[] a, int aOff, float[] src, int[] rowOff, int row0, int q0, int kc,
                        float[] tile, int tileOff, boolean accumulate);

    /**
     * acc[accOff + i * NR + j] += sum over kk < kc of src[rowOff[row0 + i] + q0 + kk] * b[bOff + kk * NR + j],
     * for the {@link #WR} rows i of a weight-gradient tile.
     * Here the source rows are the broadcast operand (one row per tile row, read along kk) and the packed
     * panel {@code b} gives the columns: the weight-gradient shape, whose reduction runs along the image.
     */
    void rowsTimesPanel(float[] src, int[] rowOff, int row0, int q0, int kc, float[] b, int bOff, float[] acc, int accOff);
}
