package org.regionwise.experiments.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regionwise.experiments.data.DatasetFormatException;

/**
 * A small, strict JSON (RFC 8259) parser for dataset.json: no dependency for one small file.
 *
 * <p>Values come back as plain Java objects: an object is a {@code LinkedHashMap<String, Object>} (keys
 * in file order; a repeated key is an error), an array an {@code ArrayList<Object>}, a string a
 * {@code String}, a number a {@code Double}, {@code true}/{@code false} a {@code Boolean}, and
 * {@code null} is Java {@code null}. Anything outside the grammar (trailing commas, comments, single
 * quotes, leading zeros, text after the value) raises {@link DatasetFormatException} with the line and
 * column, because a silently misread label map would train on the wrong classes.
 */
public final class JsonReader {
    /** Deeper nesting than any dataset.json; the limit keeps a hostile file from overflowing the stack. */
    private static final int MAX_DEPTH = 256;

    private final String text;
    private final String source;
    private int pos;

    private JsonReader(String text, String source) {
        this.text = text;
        this.source = source;
    }

    /**
     * Parses one JSON value that spans all of {@code text} (whitespace around it and a leading byte-order
     * mark are allowed).
     *
     * @param source names the text in error messages (usually the file)
     * @throws DatasetFormatException at the first character that breaks the grammar
     */
    public static Object parse(String text, String source) throws DatasetFormatException {
        JsonReader reader = new JsonReader(text, source);
        if (text.startsWith("\uFEFF")) reader.pos = 1;
        reader.skipWhitespace();
        Object value = reader.value(0);
        reader.skipWhitespace();
        if (reader.pos < text.length()) throw reader.error("unexpected text after the JSON value");
        return value;
    }

    private Object value(int depth) throws DatasetFormatException {
        if (depth > MAX_DEPTH) throw error("nested deeper than " + MAX_DEPTH + " levels");
        if (pos >= text.length()) throw error("unexpected end of input, expected a value");
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) yield number();
                throw error("unexpected character " + describe(c) + ", expected a value");
            }
        };
    }

    private Map<String, Object> object(int depth) throws DatasetFormatException {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++; // '{'
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') throw error("expected a string key in double quotes");
            int keyAt = pos;
            String key = string();
            if (map.containsKey(key)) {
                pos = keyAt;
                throw error("key \"" + key + "\" appears twice in one object");
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            map.put(key, value(depth + 1));
            skipWhitespace();
            if (peek() == ',') {
                pos++;
                continue;
            }
            expect('}');
            return map;
        }
    }

    private List<Object> array(int depth) throws DatasetFormatException {
        List<Object> list = new ArrayList<>();
        pos++; // '['
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipWhitespace();
            list.add(value(depth + 1));
            skipWhitespace();
            if (peek() == ',') {
                pos++;
                continue;
            }
            expect(']');
            return list;
        }
    }

    private String string() throws DatasetFormatException {
        pos++; // opening quote
        StringBuilder s = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw error("unterminated string");
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return s.toString();
            }
            if (c < 0x20) throw error("control character " + describe(c) + " inside a string (escape it)");
            if (c != '\\') {
                s.append(c);
                pos++;
                continue;
            }
            pos++;
            if (pos >= text.length()) throw error("unterminated escape");
            char e = text.charAt(pos);
            switch (e) {
                case '"', '\\', '/' -> s.append(e);
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> {
                    if (pos + 4 >= text.length()) throw error("truncated \\u escape");
                    int code = 0;
                    for (int i = 1; i <= 4; i++) {
                        int digit = Character.digit(text.charAt(pos + i), 16);
                        if (digit < 0) throw error("\\u needs four hex digits");
                        code = code * 16 + digit;
                    }
                    s.append((char) code); // surrogate pairs arrive as two escapes and join here
                    pos += 4;
                }
                default -> throw error("unknown escape \\" + e);
            }
            pos++;
        }
    }

    /** The JSON number grammar exactly: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
    private Double number() throws DatasetFormatException {
        int start = pos;
        if (peek() == '-') pos++;
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) throw error("a number may not have a leading zero");
        } else if (isDigit(peek())) {
            while (isDigit(peek())) pos++;
        } else {
            throw error("expected a digit");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) throw error("expected a digit after the decimal point");
            while (isDigit(peek())) pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!isDigit(peek())) throw error("expected a digit in the exponent");
            while (isDigit(peek())) pos++;
        }
        return Double.valueOf(text.substring(start, pos));
    }

    private Object literal(String word, Object value) throws DatasetFormatException {
        if (!text.startsWith(word, pos)) throw error("unexpected text, expected a value");
        pos += word.length();
        return value;
    }

    private void expect(char c) throws DatasetFormatException {
        if (peek() != c) {
            throw error(pos >= text.length() ? "unexpected end of input, expected '" + c + "'"
                    : "expected '" + c + "' but found " + describe(text.charAt(pos)));
        }
        pos++;
    }

    /** The current character, or NUL past the end (NUL is never valid JSON outside strings). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private DatasetFormatException error(String problem) {
        int line = 1, column = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new DatasetFormatException(source, "invalid JSON at line " + line + ", column " + column + ": " + problem);
    }
}
