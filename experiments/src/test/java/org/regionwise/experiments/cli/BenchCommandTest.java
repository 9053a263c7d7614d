package org.regionwise.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.experiments.io.Json;

/**
 * {@code regionwise bench} through the same code path as the real run, on the tiny --quick configuration:
 * the JSON carries every documented key, and whatever could not run is null with a reason beside it.
 * No timing is asserted (this machine is shared).
 */
class BenchCommandTest {
    private static final List<String> UNET_KEYS = List.of("unet_step_ms", "peer_unet_step_ms", "ratio",
            "conv_fwd_gflops", "conv_bwd_gflops", "fma_peak_gflops", "alloc_mb_per_step", "conv_fwd_share_of_peak",
            "conv_bwd_share_of_peak", "unet_step_ms_runs", "unet_gflop_per_step", "load_before", "load_after",
            "machine", "targets", "backend", "threads");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(CliRun run) throws Exception {
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out().strip();
        assertFalse(out.contains("\n"), "one JSON line expected:\n" + out);
        return (Map<String, Object>) Json.read(out, "bench output");
    }

    @Test
    @SuppressWarnings("unchecked")
    void quickJsonHasEveryKeyAndAReasonForEachNull() throws Exception {
        var before = Backends.getDefault();
        Map<String, Object> r = json(CliRun.of("bench", "--quick", "--json", "--warmup", "1", "--steps", "2"));
        for (String key : UNET_KEYS) assertTrue(r.containsKey(key), key + " missing in " + r);
        for (Map.Entry<String, Object> e : r.entrySet()) {
            if (e.getValue() == null && !e.getKey().equals("peer")) {
                assertTrue(r.get(e.getKey() + "_reason") instanceof String, "no reason for null " + e.getKey() + " in " + r);
            }
        }
        assertNotNull(r.get("unet_step_ms"));
        assertEquals(2, ((List<?>) r.get("unet_step_ms_runs")).size());
        assertTrue(Double.isFinite((Double) r.get("unet_loss_last")));
        assertNotNull(r.get("conv_fwd_gflops"));
        assertNotNull(r.get("conv_bwd_gflops"));
        // The per-shape table: every row has every column, each pass of the net is there, and the weakest is a row.
        List<Map<String, Object>> shapes = (List<Map<String, Object>>) r.get("unet_conv_shapes");
        assertFalse(shapes.isEmpty(), r.toString());
        for (Map<String, Object> row : shapes) {
            for (String key : List.of("shape", "pass", "calls_per_step", "ms_per_step", "gflops", "share_of_peak",
                    "algorithm")) {
                assertTrue(row.containsKey(key), key + " missing in " + row);
            }
            assertTrue(row.get("share_of_peak") != null || row.get("share_of_peak_reason") instanceof String, row.toString());
        }
        assertEquals(java.util.Set.of("forward", "backward_data", "backward_weight"),
                shapes.stream().map(row -> row.get("pass")).collect(java.util.stream.Collectors.toSet()));
        assertTrue(shapes.contains(r.get("unet_conv_weakest")), r.toString());
        for (int i = 1; i < shapes.size(); i++) {
            assertTrue((Double) shapes.get(i - 1).get("ms_per_step") >= (Double) shapes.get(i).get("ms_per_step"),
                    "slowest first: " + shapes);
        }
        // The test class path has no peer module: the reason must say so plainly.
        if (r.get("peer_unet_step_ms") == null) {
            assertTrue(((String) r.get("peer_unet_step_ms_reason")).startsWith("peer: "), r.toString());
            assertNull(r.get("ratio"));
        }
        assertEquals(before, Backends.getDefault(), "the benchmark must restore the default backend");
    }

    @Test
    void quickTextRunSaysWhatIsMissing() {
        CliRun run = CliRun.of("bench", "--quick", "--no-peer", "--warmup", "0", "--steps", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("regionwise step"), run.out());
        assertTrue(run.out().contains("peer: skipped (--no-peer)"), run.out());
        assertTrue(run.out().contains("conv passes per step") && run.out().contains("<- weakest"), run.out());
    }

    @Test
    void tornadoJavaBackendRunsTheSameStep() throws Exception {
        Map<String, Object> r = json(CliRun.of("bench", "--quick", "--json", "--backend", "tornado-java", "--warmup",
                "0", "--steps", "1"));
        assertTrue(((String) r.get("backend")).contains("tornado-java"), r.toString());
        assertNotNull(r.get("unet_step_ms"));
        assertNull(r.get("peer_unet_step_ms"));
    }

    @Test
    void tornadoWithoutTornadoVmIsOneLineNamingWhatIsMissing() {
        org.junit.jupiter.api.Assumptions.assumeFalse(org.regionwise.gpu.GpuBackends.tornadoAvailable(),
                "TornadoVM is present in this JVM");
        CliRun run = CliRun.of("bench", "--quick", "--json", "--backend", "tornado");
        assertEquals(1, run.exitCode());
        assertTrue(run.oneErrorLine(), run.err());
        assertTrue(run.err().contains("--backend tornado: ") && run.err().contains("TornadoVM"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void badValuesAreUsageErrors() {
        for (String[] args : List.of(new String[] {"bench", "--threads", "0"}, new String[] {"bench", "--steps", "0"},
                new String[] {"bench", "maps", "--warmup", "-1"}, new String[] {"bench", "--backend", "cuda"})) {
            CliRun run = CliRun.of(args);
            assertEquals(args[1].equals("--backend") ? 1 : 2, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.oneErrorLine(), run.err());
        }
    }

    @Test
    void quickMapsJsonHasTheKeysAndScipyOrAReason() throws Exception {
        Map<String, Object> r = json(CliRun.of("bench", "maps", "--quick", "--json"));
        for (String key : List.of("edt_ms", "rrw_ms", "scipy_edt_ms", "edt_ratio", "edt_ms_runs", "load_before",
                "load_after", "machine", "threads")) {
            assertTrue(r.containsKey(key), key + " missing in " + r);
        }
        assertNotNull(r.get("edt_ms"));
        assertNotNull(r.get("rrw_ms"));
        if (r.get("scipy_edt_ms") == null) {
            assertTrue(((String) r.get("scipy_edt_ms_reason")).startsWith("scipy: "), r.toString());
        } else {
            assertEquals(Boolean.TRUE, r.get("same_result"), "regionwise and scipy transformed different masks: " + r);
        }
    }

    @Test
    void parentOptionsWorkOnEitherSideOfMaps() throws Exception {
        Map<String, Object> r = json(CliRun.of("bench", "--json", "--quick", "--threads", "1", "maps", "--no-scipy",
                "--steps", "1"));
        assertEquals(1.0, r.get("threads"));
        assertEquals(1.0, r.get("runs"));
        assertTrue(((String) r.get("scipy_edt_ms_reason")).contains("--no-scipy"), r.toString());
    }

    @Test
    void aMissingPythonIsAReasonNotAFailure() throws Exception {
        Map<String, Object> r = json(CliRun.of("bench", "maps", "--quick", "--json", "--python", "/nonexistent/python3"));
        assertNull(r.get("scipy_edt_ms"));
        assertTrue(((String) r.get("scipy_edt_ms_reason")).contains("/nonexistent/python3"), r.toString());
    }
}
