package org.regionwise.experiments.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.regionwise.maps.Connectivity;
import org.regionwise.maps.Grid;

/**
 * Values computed with numpy 2.4 / scipy 1.17 by MedPy's own definitions ({@code medpy.metric.binary}
 * {@code dc, hd, hd95, assd} re-typed from its source: surface {@code = m ^ binary_erosion(m,
 * generate_binary_structure(ndim, connectivity))}, distances from {@code distance_transform_edt(~border,
 * sampling=spacing)}) and MONAI's ({@code max} of the two directed {@code np.percentile(d, 95)}; the mean
 * of both directions concatenated). Volumes: argmax over 3 Gaussian-smoothed noise fields
 * ({@code seed}, sigma 1). Tolerance 1e-4 mm (the distance transform stores squared distances as float).
 *
 * <pre>
 * def surface_distances(result, reference, spacing, connectivity):
 *     fp = generate_binary_structure(result.ndim, connectivity)
 *     rb = result ^ binary_erosion(result, structure=fp, iterations=1)
 *     gb = reference ^ binary_erosion(reference, structure=fp, iterations=1)
 *     return distance_transform_edt(~gb, sampling=spacing)[rb]
 * a, b = surface_distances(pred == c, ref == c, ...), surface_distances(ref == c, pred == c, ...)
 * hd = max(a.max(), b.max()); hd95_pooled = np.percentile(np.hstack((a, b)), 95)
 * hd95 = max(np.percentile(a, 95), np.percentile(b, 95))
 * assd = np.mean((a.mean(), b.mean())); assd_pooled = np.concatenate([a, b]).mean()
 * </pre>
 */
class MedPyFixturesTest {

    private static final double MM = 1e-4;

    private static final String REF_3D = "00000000000021000022220122222200002222210002222222012222"
            + "00000000000210000022220000222210002222200002222200002222"
            + "00100000022210000222211000222220000222000000222200000222"
            + "22221000222210002222100002222000000000000000022200000222"
            + "22222100222220002222100002100000010000002200022222102222";
    private static final String PRED_3D = "22220022222222222222222220022200000222000002222200122222"
            + "22221022222222222222222200022222000222000001000000022012"
            + "22222222222222222222222200122222000000000000000000000000"
            + "00021122002222220222222202220022002000000000000000022000"
            + "00110011002100120222001202220002022200001222200022222210";
    private static final String REF_2D = "2220022200022222222100222222211112222222001222111220022"
            + "10000222022100002222222201122212222001221112";
    private static final String PRED_2D = "2000000000020000222211110022222211112222221012222222200"
            + "22222222200022221122000222222220002222111100";

    /** Expected {dice, hd, hd95_pooled, hd95, assd, assd_pooled} per class. */
    private static final double[][] EXPECTED_3D_FACES = {
            {0.5038759689922481, 2.973213749463701, 2.349798984822335, 2.4000000000000004, 0.7493951219604774, 0.7697443887037674},
            {0.058823529411764705, 3.9306488014067096, 3.171010931145956, 2.958948497221285, 1.7994780151347416, 1.804222669660853},
            {0.47761194029850745, 3.3120990323358392, 2.4000000000000004, 2.616427938034113, 0.856218226151473, 0.8706276912432751},
    };
    private static final double[][] EXPECTED_3D_FULL = {
            {0.5038759689922481, 2.973213749463701, 2.340939982143925, 2.4000000000000004, 0.7092608562246837, 0.7250430519268933},
            {0.058823529411764705, 3.9306488014067096, 3.171010931145956, 2.958948497221285, 1.7994780151347416, 1.804222669660853},
            {0.47761194029850745, 3.3120990323358392, 2.4000000000000004, 2.532735220876422, 0.7387375895091562, 0.7505435297979512},
    };
    private static final double[][] EXPECTED_2D_FACES = {
            {0.18867924528301888, 3.9000000000000004, 3.02672246986865, 3.0727163176822945, 1.5705942754587006, 1.5702845763654956},
            {0.23529411764705882, 2.6925824035672523, 2.307403841248537, 2.6925824035672523, 1.0405086998745403, 1.0440902438121777},
            {0.45045045045045046, 2.6925824035672523, 2.528399793875132, 2.5934908903522844, 0.7888842008282015, 0.8110511103772167},
    };

    private static void check(String pred, String ref, Grid grid, Connectivity connectivity, double[][] expected) {
        VolumeMetrics v = SegmentationMetrics.evaluate(Masks.labels(pred), Masks.labels(ref), grid, 3, connectivity);
        for (int c = 0; c < 3; c++) {
            ClassMetrics m = v.of(c);
            assertEquals(ClassStatus.OK, m.status());
            assertEquals(expected[c][0], m.dice(), 1e-12, "dice of class " + c);
            Metric[] order = {Metric.HAUSDORFF, Metric.HD95_POOLED, Metric.HD95, Metric.ASSD, Metric.ASSD_POOLED};
            for (int k = 0; k < order.length; k++) {
                assertEquals(expected[c][k + 1], m.get(order[k]), MM, order[k].jsonName() + " of class " + c);
            }
        }
    }

    @Test
    void volume3dFaceConnectivityMatchesMedPyDefault() {
        Grid grid = new Grid(new int[] {5, 7, 8}, new double[] {2.0, 0.8, 1.1});
        check(PRED_3D, REF_3D, grid, Connectivity.SIX, EXPECTED_3D_FACES);
        check(PRED_3D, REF_3D, grid, SegmentationMetrics.defaultConnectivity(grid), EXPECTED_3D_FACES);
    }

    @Test
    void volume3dFullConnectivityMatchesMedPyConnectivity3() {
        check(PRED_3D, REF_3D, new Grid(new int[] {5, 7, 8}, new double[] {2.0, 0.8, 1.1}), Connectivity.TWENTY_SIX,
                EXPECTED_3D_FULL);
    }

    @Test
    void slice2dMatchesMedPyDefault() {
        check(PRED_2D, REF_2D, new Grid(new int[] {9, 11}, new double[] {0.7, 1.3}), Connectivity.FOUR, EXPECTED_2D_FACES);
    }
}
