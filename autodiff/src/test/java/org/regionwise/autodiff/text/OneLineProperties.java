package org.regionwise.autodiff.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** What a user typed, quoted in a message, never breaks the line and is otherwise kept as typed. */
class OneLineProperties {

    @Property
    void anyTextBecomesOneLineWithNothingHidden(@ForAll String text) {
        String shown = OneLine.visible(text);
        assertTrue(OneLine.isVisible(shown), shown);
        assertTrue(shown.lines().count() <= 1, shown);
        assertEquals(shown, OneLine.visible(shown), "escaping twice changes nothing");
    }

    @Property
    void textWithoutControlsIsKeptAsItIs(@ForAll String text) {
        String plain = text.codePoints().filter(c -> !Character.isISOControl(c) && c != '\u2028' && c != '\u2029')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        assertEquals(plain, OneLine.visible(plain));
    }

    @Example
    void controlsAreWrittenAsJavaEscapes() {
        assertEquals("a\\nb\\r\\tc\\u0001\\u0085\\u2028\\u2029\\u007f", OneLine.visible("a\nb\r\tc\u0001\u0085\u2028\u2029\u007f"));
        assertEquals("C:\\dir\\new", OneLine.visible("C:\\dir\\new"));
        assertEquals("/data/x\\ny.nii.gz", OneLine.visible(Path.of("/data/x\ny.nii.gz")));
        assertEquals("null", OneLine.visible(null));
        assertEquals("éß 中 😀", OneLine.visible("éß 中 😀"));
    }
}
