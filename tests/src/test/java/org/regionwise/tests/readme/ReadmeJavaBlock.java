package org.regionwise.tests.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The first {@code ```java} block after a heading of README.md, found from the module directory upwards. */
final class ReadmeJavaBlock {
    private ReadmeJavaBlock() {}

    static String under(String heading) throws IOException {
        String readme = Files.readString(readme());
        int at = readme.indexOf("\n" + heading + "\n");
        if (at < 0) throw new IllegalStateException("README.md has no heading '" + heading + "'");
        int open = readme.indexOf("```java\n", at);
        int nextHeading = readme.indexOf("\n## ", at + 1);
        if (open < 0 || (nextHeading >= 0 && open > nextHeading)) {
            throw new IllegalStateException("README.md has no ```java block under '" + heading + "'");
        }
        int start = open + "```java\n".length();
        int close = readme.indexOf("\n```", start);
        return readme.substring(start, close + 1);
    }

    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("README.md");
            if (Files.isRegularFile(candidate) && Files.isDirectory(dir.resolve("autodiff"))) return candidate;
        }
        throw new IllegalStateException("no README.md above " + Path.of("").toAbsolutePath());
    }
}
