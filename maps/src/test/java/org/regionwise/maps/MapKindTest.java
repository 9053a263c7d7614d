package org.regionwise.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MapKindTest {

    @Test
    void parsesEveryCommandLineName() {
        assertEquals(MapKind.RRW, MapKind.parse("rrw"));
        assertEquals(MapKind.RRW_WEIGHTED, MapKind.parse("rrw-weighted"));
        assertEquals(MapKind.BOUNDARY, MapKind.parse("boundary"));
        assertEquals(MapKind.BOUNDARY_KERVADEC, MapKind.parse("boundary-kervadec"));
        assertEquals(MapKind.AC, MapKind.parse("ac"));
        assertEquals(MapKind.CAO, MapKind.parse("cao"));
        assertEquals(MapKind.HD, MapKind.parse("hd"));
        for (MapKind kind : MapKind.values()) {
            assertEquals(kind, MapKind.parse(kind.cliName()));
        }
    }

    @Test
    void ignoresCaseBlanksAndUnderscores() {
        assertEquals(MapKind.RRW_WEIGHTED, MapKind.parse(" RRW_Weighted "));
    }

    @Test
    void unknownNameListsTheValidOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> MapKind.parse("dice"));
        assertTrue(e.getMessage().contains("'dice'"), e.getMessage());
        assertTrue(e.getMessage().contains("rrw|rrw-weighted|boundary|boundary-kervadec|ac|cao|hd"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MapKind.parse(null));
    }
}
