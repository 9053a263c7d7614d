package org.regionwise.autodiff.text;

import java.util.Locale;

/**
 * Text from outside the program (an option value, a file name, a field of a file the user gave) made safe to
 * quote in a one-line message: every control character and Unicode line or paragraph separator is written as its
 * Java escape ({@code \n}, {@code \r}, {@code \t}, {@code \u0001}, {@code \u2028}), everything else is kept.
 *
 * <p>Errors promise one line naming the file and field; a name holding a newline would otherwise split that line
 * (and a terminal or log reader could not tell where the message ends). Backslashes are kept as they are, so text
 * that is already escaped passes unchanged: applying this twice is the same as applying it once.
 *
 * <p>It lives in the lowest module so every module that quotes what a user typed uses the same escapes.
 */
public final class OneLine {
    private OneLine() {}

    /** {@code text} (its {@code String.valueOf}, so a path or {@code null} too) with line breaks and other controls escaped. */
    public static String visible(Object text) {
        String s = String.valueOf(text);
        if (s.chars().noneMatch(OneLine::breaksOrHides)) return s;
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (breaksOrHides(ch)) out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    else out.append(ch);
                }
            }
        }
        return out.toString();
    }

    /** Whether {@code s} holds no character that {@link #visible} would escape. */
    public static boolean isVisible(String s) {
        return s.chars().noneMatch(OneLine::breaksOrHides);
    }

    /** C0 and C1 controls (newline, carriage return, tab, NEL U+0085 among them), U+2028 and U+2029. */
    private static boolean breaksOrHides(int ch) {
        return Character.isISOControl(ch) || Character.getType(ch) == Character.LINE_SEPARATOR
                || Character.getType(ch) == Character.PARAGRAPH_SEPARATOR;
    }
}
