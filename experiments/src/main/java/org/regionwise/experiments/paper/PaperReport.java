package org.regionwise.experiments.paper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.regionwise.experiments.report.Markdown;

/**
 * {@code report.md} of {@code paper all}: every claim of the paper beside what was measured here, with the verdict
 * and the rule that gave it, then links to each part's tables and figures and the caveats that apply to all.
 */
public final class PaperReport {
    private PaperReport() {}

    /** The report's text. */
    public static String markdown(List<PaperClaims.Claim> claims, List<String> parts, List<String> caveats) {
        StringBuilder s = new StringBuilder("# The paper's claims, tested on this data\n\n");
        s.append("Each row: what Valverde & Tohka report, what this run measured, and whether this data shows it ")
                .append("(by the rule in the last column). Rerunning `regionwise paper all` with the same options gives the same ")
                .append("numbers (fixed seeds).\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (PaperClaims.Claim c : claims) rows.add(List.of(c.section(), c.paper(), c.measured(), c.verdict().text(), c.rule()));
        s.append(Markdown.table(List.of("where", "the paper", "measured here", "verdict", "rule"), rows)).append('\n');
        long notShown = claims.stream().filter(c -> c.verdict() == PaperClaims.Verdict.NOT_SHOWN).count();
        s.append(notShown == 0 ? "Every claim measured here is shown at least in part.\n\n"
                : notShown + " of " + claims.size() + " claims are NOT shown by this data (see the rows above).\n\n");
        s.append("## Parts\n\n");
        for (String p : parts) s.append("- ").append(p).append('\n');
        s.append("\n## Caveats\n\n");
        for (String c : caveats) s.append("- ").append(c).append('\n');
        return s.toString();
    }

    /** Writes {@code report.md} into {@code out}. */
    public static void write(Path out, List<PaperClaims.Claim> claims, List<String> parts, List<String> caveats) throws IOException {
        LossTable.write(out.resolve("report.md"), markdown(claims, parts, caveats));
    }
}
