package org.regionwise.tests.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A markdown file read for its tests: the fenced code blocks marked runnable (```java tour) and the relative
 * links outside code. Line numbers are 1-based, as an editor shows them, so a failure points at the page.
 */
final class MarkdownFile {
    /** The info string that marks a block the tests compile and run. */
    static final String RUNNABLE_INFO = "java tour";

    /** A runnable block: its number in the file (from 1), the line of its first code line, its lines. */
    record Block(int number, int firstLine, List<String> lines) {}

    /** A relative link: its target as written and the line it is on. */
    record Link(String target, int line) {}

    // [text](target) or [text](target "title"); images (![alt](src)) match too, which is wanted.
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final Path path;
    private final List<String> lines;

    private MarkdownFile(Path path, List<String> lines) {
        this.path = path;
        this.lines = lines;
    }

    static MarkdownFile read(Path path) {
        try {
            return new MarkdownFile(path, Files.readAllLines(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    Path path() {
        return path;
    }

    /** Every block fenced as ```java tour, in order. */
    List<Block> runnableBlocks() {
        List<Block> blocks = new ArrayList<>();
        List<String> current = null;
        int start = 0;
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.trim();
            if (!inFence && trimmed.startsWith("```")) {
                inFence = true;
                if (trimmed.substring(3).trim().equals(RUNNABLE_INFO)) {
                    current = new ArrayList<>();
                    start = i + 2;
                }
            } else if (inFence && trimmed.equals("```")) {
                inFence = false;
                if (current != null) blocks.add(new Block(blocks.size() + 1, start, List.copyOf(current)));
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        if (inFence) throw new IllegalStateException(path + ": a code fence is never closed");
        return blocks;
    }

    /**
     * The first block fenced as {@code ```info} (exactly) between the heading line {@code heading} and the next
     * heading of the same or a higher level: what a page shows as "this example".
     *
     * @throws IllegalStateException naming the page and heading when there is no such heading or block
     */
    Block blockUnder(String heading, String info) {
        int at = lines.indexOf(heading);
        if (at < 0) throw new IllegalStateException(path + " has no heading '" + heading + "'");
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        boolean inFence = false;
        for (int i = at + 1; i < lines.size(); i++) {
            String trimmed = lines.get(i).trim();
            if (!inFence && isHeadingUpTo(lines.get(i), level)) break;
            if (!trimmed.startsWith("```")) continue;
            if (!inFence && trimmed.substring(3).trim().equals(info)) {
                List<String> code = new ArrayList<>();
                for (int j = i + 1; j < lines.size() && !lines.get(j).trim().equals("```"); j++) code.add(lines.get(j));
                return new Block(1, i + 2, List.copyOf(code));
            }
            inFence = !inFence;
        }
        throw new IllegalStateException(path + " has no ```" + info + " block under '" + heading + "'");
    }

    /** Whether {@code line} is a heading of level {@code level} ("## ") or higher ("# "). */
    private static boolean isHeadingUpTo(String line, String level) {
        for (String l = level; l.length() >= 2; l = l.substring(1)) if (line.startsWith(l)) return true;
        return false;
    }

    /** Links outside code whose target has no scheme and is not a bare #anchor; the anchor part is dropped. */
    List<Link> relativeLinks() {
        List<Link> links = new ArrayList<>();
        for (Link link : linksOutsideCode()) {
            String target = link.target();
            if (target.startsWith("#") || SCHEME.matcher(target).find()) continue;
            int hash = target.indexOf('#');
            links.add(new Link(hash < 0 ? target : target.substring(0, hash), link.line()));
        }
        return links;
    }

    /** Links to a heading of this page ({@code #anchor}), with the anchor as written, without its '#'. */
    List<Link> anchorLinks() {
        List<Link> links = new ArrayList<>();
        for (Link link : linksOutsideCode()) {
            if (link.target().startsWith("#")) links.add(new Link(link.target().substring(1), link.line()));
        }
        return links;
    }

    /** Every link target as written, skipping fenced blocks and inline code (where brackets are code). */
    private List<Link> linksOutsideCode() {
        List<Link> links = new ArrayList<>();
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.trim().startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            if (inFence) continue;
            Matcher m = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
            while (m.find()) links.add(new Link(m.group(1), i + 1));
        }
        return links;
    }

    /**
     * The anchors GitHub gives this page's headings: lower case, punctuation other than '-' and '_' dropped,
     * spaces turned into '-' (repeated headings, which get numbered suffixes, are not needed here).
     */
    Set<String> headingAnchors() {
        Set<String> anchors = new HashSet<>();
        boolean inFence = false;
        for (String line : lines) {
            if (line.trim().startsWith("```")) inFence = !inFence;
            if (inFence || !line.startsWith("#")) continue;
            String title = line.replaceFirst("^#+\\s*", "").trim().toLowerCase(Locale.ROOT);
            anchors.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
        }
        return anchors;
    }

    /**
     * A file of the repository, found from the working directory: the repository root is the nearest folder
     * at or above it holding {@code marker} (Maven runs the tests in {@code tests/}, an IDE often at the root).
     */
    static Path repositoryFile(String marker, String relative) {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(marker))) return d.resolve(relative);
        }
        throw new IllegalStateException(marker + " not found in " + dir + " or any folder above it");
    }
}
