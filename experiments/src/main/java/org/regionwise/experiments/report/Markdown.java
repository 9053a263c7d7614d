package org.regionwise.experiments.report;

import java.util.List;

/** The few Markdown constructs a report needs, with the escaping that keeps user text from breaking them. */
public final class Markdown {

    private Markdown() {
    }

    /** A pipe table: header, separator, rows; cells escaped. */
    public static String table(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        row(sb, header);
        sb.append('|');
        for (int i = 0; i < header.size(); i++) {
            sb.append(i == 0 ? "---|" : "---:|"); // numbers right-aligned, names left
        }
        sb.append('\n');
        for (List<String> r : rows) {
            row(sb, r);
        }
        return sb.toString();
    }

    /** Text safe inside a table cell: one line, pipes escaped. */
    public static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
    }

    /** Text safe as an image's alt text: one line, brackets escaped. */
    static String altText(String text) {
        return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replaceAll("\\s*\\R\\s*", " ");
    }

    /** A relative path as a link target: forward slashes, and the characters that end a link encoded. */
    static String linkTarget(String relativePath) {
        return relativePath.replace('\\', '/').replace("%", "%25").replace(" ", "%20").replace("(", "%28")
                .replace(")", "%29");
    }

    private static void row(StringBuilder sb, List<String> cells) {
        sb.append('|');
        for (String c : cells) {
            sb.append(' ').append(cell(c)).append(" |");
        }
        sb.append('\n');
    }
}
