package org.regionwise.experiments.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Writing JSON: what the reader reads back, the layout, exact doubles, and rounded timings. */
class JsonTest {
    @Test
    void writesWhatTheStrictReaderReadsBack() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", 1.5);
        m.put("b", null);
        m.put("nan", Double.NaN);
        m.put("s", "quote \" backslash \\ newline \n tab \t bell \u0007");
        m.put("list", List.of(1, 2.25, "x"));
        m.put("int", 7);
        m.put("t", true);
        String text = Json.compact(m, 6);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", 1.5);
        expected.put("b", null);
        expected.put("nan", null);
        expected.put("s", m.get("s"));
        expected.put("list", Arrays.asList(1.0, 2.25, "x"));
        expected.put("int", 7.0);
        expected.put("t", true);
        assertEquals(expected, Json.read(text, "test"));
        assertEquals(expected, Json.read(Json.write(m), "test"));
    }

    @Test
    void roundsToSixSignificantDigits() {
        assertEquals("[1234.57,0.000123457,3]", Json.compact(List.of(1234.5678, 0.0001234567, 3.0), 6));
    }

    @Test
    void indentsObjectsAndKeepsArraysOfValuesOnOneLine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "rrw");
        m.put("dims", new int[] {2, 3});
        m.put("empty", Map.of());
        m.put("none", List.of());
        m.put("rows", List.of(Map.of("a", 1), Map.of("b", List.of(0.5, Double.NaN))));
        assertEquals("""
                {
                  "name": "rrw",
                  "dims": [2, 3],
                  "empty": {},
                  "none": [],
                  "rows": [
                    {
                      "a": 1
                    },
                    {
                      "b": [0.5, null]
                    }
                  ]
                }
                """, Json.write(m));
    }

    @Property
    void everyFiniteDoubleReadsBackExactly(@ForAll double d) throws Exception {
        Object back = Json.read(Json.write(new double[] {d}), "t");
        assertEquals(Arrays.asList(Double.isFinite(d) ? d : null), back);
    }
}
