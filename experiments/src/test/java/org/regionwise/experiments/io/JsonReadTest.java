package org.regionwise.experiments.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading JSON: every value kind, escapes, and clear errors (file, line, column) outside the grammar. */
class JsonReadTest {

    @Test
    void parsesEveryKindOfValue() throws JsonFormatException {
        Object v = Json.read("\uFEFF { \"a\": [1, -2.5e3, 0.25, true, false, null, \"x\"], \"b\": {}, \"c\": [] }\n", "t");

        Map<?, ?> map = (Map<?, ?>) v;
        assertEquals(List.of("a", "b", "c"), List.copyOf(map.keySet()), "keys in file order");
        assertEquals(Arrays.asList(1.0, -2500.0, 0.25, true, false, null, "x"), map.get("a"));
        assertEquals(Map.of(), map.get("b"));
        assertEquals(List.of(), map.get("c"));
    }

    @Test
    void decodesEscapesIncludingSurrogatePairs() throws JsonFormatException {
        Object v = Json.read("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00\"", "t");
        assertEquals("q\" b\\ s/ \b\f\n\r\t \u00e9 \ud83d\ude00", v);
    }

    @Test
    void scalarsAtTheTopLevel() throws JsonFormatException {
        assertEquals(0.0, Json.read("0", "t"));
        assertEquals(-0.5, Json.read(" -0.5 ", "t"));
        assertNull(Json.read("null", "t"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[1,]", "{\"a\":1,}", "{'a': 1}", "01", "1.", "-", "1e", ".5", "+1", "tru", "nul",
            "\"abc", "\"a\\x\"", "\"\\u12\"", "{\"a\" 1}", "{1: 2}", "[1 2]", "{} {}", "// c\n{}", "\"tab\tinside\"", "NaN"})
    void rejectsTextOutsideTheGrammar(String text) {
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> Json.read(text, "dataset.json"));
        assertTrue(e.getMessage().startsWith("dataset.json: invalid JSON at line "), e.getMessage());
    }

    @Test
    void errorsGiveLineAndColumn() {
        JsonFormatException e = assertThrows(JsonFormatException.class,
                () -> Json.read("{\n  \"labels\": {\"a\": 1,}\n}", "f.json"));
        assertTrue(e.getMessage().contains("line 2, column 21"), e.getMessage());
    }

    @Test
    void aRepeatedKeyIsAnError() {
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> Json.read("{\"a\": 1, \"a\": 2}", "f"));
        assertTrue(e.getMessage().contains("\"a\" appears twice"), e.getMessage());
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> Json.read(deep, "f"));
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
    }
}
