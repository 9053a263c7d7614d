package org.regionwise.autodiff.cpu;

/**
 * The two register-tiled inner loops every fast pass is built from. Both compute one tile of a product,
 * summing over {@code kc} steps, where one operand is a packed panel and the other is read straight from
 * "source rows": row {@code i} of the source starts at {@code src[rowOff[i]]}. A source is a padded,
 * phase-split copy of an image (see {@link ShiftedSource}), so the rows of an implicit im2col matrix are
 * just offsets into it and no im2col matrix is ever written.
 *
 * <p>Each kernel names its tile ({@link #shape()}) after its registers: enough independent accumulators to
 * cover the FMA pipes' latency, plus the operand vectors and one broadcast, all in the register file, so the
 * tile never leaves registers during a reduction. The passes cut work and pack panels to that shape.
 *
 * <p>Every implementation computes each output as one chain of fused multiply-adds in step order
 * ({@code c = fma(a, b, c)}, from zero or from the tile's previous contents), so the vector kernels give the
 * same bits whatever their tile shape or vector width; {@link FmaMicroKernel} is that chain in plain loops
 * (the reference twin), and {@link ScalarMicroKernel} the fallback without the Vector API.
 */
public interface MicroKernel {
    String name();

    /** The tile this kernel computes. */
    TileShape shape();

    /**
     * tile[tileOff + i * nr + j] (= or +=) sum over kk < kc of a[aOff + kk * mr + i] * src[rowOff[row0 + kk] + q0 + j],
     * for the mr x nr tile of {@link #shape()}. The panel {@code a} holds mr rows interleaved step by step; the
     * source rows give the columns. With {@code accumulate} the tile's previous contents are added to, so a long
     * reduction can be cut into depth blocks whose source rows stay in L1.
     */
    void panelTimesRows(float[] a, int aOff, float[] src, int[] rowOff, int row0, int q0, int kc,
                        float[] tile, int tileOff, boolean accumulate);

    /**
     * acc[accOff + i * wn + j] += sum over kk < kc of src[rowOff[row0 + i] + q0 + kk] * b[bOff + kk * wn + j],
     * for the wr x wn weight-gradient tile of {@link #shape()}. Here the source rows are the broadcast operand
     * (one row per tile row, read along kk) and the packed panel {@code b} gives the columns: the
     * weight-gradient shape, whose reduction runs along the image.
     */
    void rowsTimesPanel(float[] src, int[] rowOff, int row0, int q0, int kc, float[] b, int bOff, float[] acc, int accOff);
}
