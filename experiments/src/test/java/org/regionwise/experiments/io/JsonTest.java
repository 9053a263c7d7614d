package org.regionwise.experiments.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
        String text = Json.write(m);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", 1.5);
        expected.put("b", null);
        expected.put("nan", null);
        expected.put("s", m.get("s"));
        expected.put("list", Arrays.asList(1.0, 2.25, "x"));
        expected.put("int", 7.0);
        expected.put("t", true);
        assertEquals(expected, JsonReader.parse(text, "test"));
    }

    @Test
    void roundsToSixSignificantDigits() {
        assertEquals("[1234.57,0.000123457,3]", Json.write(List.of(1234.5678, 0.0001234567, 3.0)));
    }
}
