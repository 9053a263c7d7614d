package org.regionwise.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** An unknown {@code --loss} name, whatever it holds, is refused in one line that lists the valid names. */
class LossRegistryNameProperties {

    @Property
    void anUnknownNameIsOneLineWhateverItHolds(@ForAll @StringLength(max = 12) String name) {
        Assume.that(!LossRegistry.names().contains(name.trim().toLowerCase(Locale.ROOT)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LossRegistry.create(name));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith("unknown loss '") && e.getMessage().contains("; valid names: "), e.getMessage());
    }

    @Example
    void aNewlineInTheNameIsShownAsAnEscape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LossRegistry.create("rr\nw"));
        assertTrue(e.getMessage().startsWith("unknown loss 'rr\\nw'"), e.getMessage());
    }
}
