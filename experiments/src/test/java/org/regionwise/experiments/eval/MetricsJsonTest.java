package org.regionwise.experiments.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.regionwise.maps.Connectivity;
import org.regionwise.maps.Grid;
import org.regionwise.experiments.io.Json;

class MetricsJsonTest {

    private static final Grid GRID = new Grid(new int[] {2, 3, 4}, new double[] {2.5, 0.5, 0.5});

    private static VolumeMetrics sample() {
        return new VolumeMetrics(GRID, Connectivity.SIX, List.of(
                new ClassMetrics(0, ClassStatus.OK, 20, 19, 0.95, 1.5, 1.0, 1.25, 0.25, 0.3),
                ClassMetrics.withoutDistances(1, 0, 4),
                ClassMetrics.withoutDistances(2, 0, 0)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    @Test
    void volumeHasEveryClassWithNullForUndefinedValues() {
        Map<String, Object> root = object(StrictJson.parse(MetricsJson.volume("case \"7\"", sample())));
        assertEquals("case \"7\"", root.get("case"));
        assertEquals(List.of(2.0, 3.0, 4.0), root.get("dims"));
        assertEquals(List.of(2.5, 0.5, 0.5), root.get("spacing"));
        assertEquals(6.0, root.get("connectivity"));
        List<Object> classes = list(root.get("classes"));
        assertEquals(3, classes.size());

        Map<String, Object> c0 = object(classes.get(0));
        assertEquals(List.of("class", "status", "prediction_voxels", "reference_voxels", "dice", "hd", "hd95_pooled",
                "hd95_directed", "assd", "assd_pooled"), List.copyOf(c0.keySet()));
        assertEquals("OK", c0.get("status"));
        assertEquals(0.95, c0.get("dice"));
        assertEquals(1.5, c0.get("hd"));
        assertEquals(1.0, c0.get("hd95_pooled"));
        assertEquals(1.25, c0.get("hd95_directed"));
        assertEquals(0.25, c0.get("assd"));
        assertEquals(0.3, c0.get("assd_pooled"));

        Map<String, Object> c1 = object(classes.get(1));
        assertEquals("PREDICTION_EMPTY", c1.get("status"));
        assertEquals(0.0, c1.get("dice"));
        assertTrue(c1.containsKey("hd"));
        assertNull(c1.get("hd"), "an undefined distance is null, not NaN and not absent");

        Map<String, Object> c2 = object(classes.get(2));
        assertEquals("BOTH_EMPTY", c2.get("status"));
        assertTrue(c2.containsKey("dice"));
        assertNull(c2.get("dice"));
    }

    @Test
    void volumeWithoutNameHasNoCaseMember() {
        Map<String, Object> root = object(StrictJson.parse(MetricsJson.volume(sample())));
        assertFalse(root.containsKey("case"));
        assertFalse(MetricsJson.volume(sample()).contains("NaN"));
    }

    @Test
    void reportHasCasesInOrderAndTheSummaryWithExclusions() {
        Map<String, VolumeMetrics> cases = new LinkedHashMap<>();
        cases.put("b", sample());
        cases.put("a", sample());
        Map<String, Object> root = object(StrictJson.parse(MetricsJson.report(cases)));
        List<Object> listed = list(root.get("cases"));
        assertEquals("b", object(listed.get(0)).get("case"));
        assertEquals("a", object(listed.get(1)).get("case"));

        List<Object> summary = list(root.get("summary"));
        assertEquals(3, summary.size());
        Map<String, Object> c1 = object(summary.get(1));
        assertEquals(1.0, c1.get("class"));
        assertEquals(2.0, c1.get("volumes"));
        assertEquals(Map.of("PREDICTION_EMPTY", 2.0), c1.get("statuses"));
        Map<String, Object> hd = object(c1.get("hd"));
        assertNull(hd.get("mean"), "no defined HD: the mean is null and the counts say why");
        assertNull(hd.get("std"));
        assertEquals(0.0, hd.get("included"));
        assertEquals(Map.of("PREDICTION_EMPTY", 2.0), hd.get("excluded"));
        Map<String, Object> dice = object(c1.get("dice"));
        assertEquals(0.0, dice.get("mean"));
        assertEquals(Map.of(), dice.get("excluded"));

        Map<String, Object> c0hd95 = object(object(summary.get(0)).get("hd95_directed"));
        assertEquals(1.25, c0hd95.get("mean"));
        assertEquals(0.0, c0hd95.get("std"));

        assertThrows(IllegalArgumentException.class, () -> MetricsJson.report(Map.of()));
    }

    @Test
    void summaryAloneIsAnArray() {
        Object parsed = StrictJson.parse(MetricsJson.summary(MetricsAggregation.perClass(List.of(sample()))));
        assertEquals(3, list(parsed).size());
    }

    @Test
    void stringsAreEscaped() {
        String s = "a\"b\\c\nd\te\r\b\f\u0001\u001f/ caf\u00e9 \ud83e\udde0";
        String json = Json.write(List.of(s));
        assertTrue(json.chars().noneMatch(c -> c < 0x20 && c != '\n'), "control characters are escaped: " + json);
        assertEquals(List.of(s), StrictJson.parse(json));
    }

    @Test
    void nonFiniteNumbersBecomeNull() {
        String json = Json.write(java.util.Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY, -0.5, 1e-300, 7L,
                new double[] {Double.NaN, 2}));
        assertEquals(List.of(-0.5, 1e-300, 7.0), list(StrictJson.parse(json)).subList(2, 5));
        List<Object> parsed = list(StrictJson.parse(json));
        assertNull(parsed.get(0));
        assertNull(parsed.get(1));
        assertEquals(java.util.Arrays.asList(null, 2.0), parsed.get(5));
    }

    @Test
    void emptyContainersAndNesting() {
        Map<String, Object> value = new java.util.LinkedHashMap<>();
        value.put("a", List.of());
        value.put("b", Map.of());
        value.put("c", List.of(List.of(1L)));
        String json = Json.write(value);
        Map<String, Object> root = object(StrictJson.parse(json));
        assertEquals(List.of(), root.get("a"));
        assertEquals(Map.of(), root.get("b"));
        assertEquals(List.of(List.of(1.0)), root.get("c"));
        assertTrue(json.endsWith("}\n"));
    }

    @Property(tries = 300)
    void anyStringRoundTrips(@ForAll String s) {
        // Every Java string, lone surrogates included, survives writing and strict parsing.
        String json = Json.write(Map.of(s, s));
        Map<String, Object> root = object(StrictJson.parse(json));
        assertEquals(Map.of(s, s), root);
    }
}
