package dev.clientele.examples.cli;

import dev.clientele.ImportResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What an import says when it is done: counts, then the refused and failed rows, identical reasons grouped. */
final class ImportReport {
    /** Different reasons listed in full; the rest are counted. */
    private static final int LISTED = 100;
    /** Rows named for a reason many rows share. */
    private static final int EXAMPLES = 3;

    private final Base command;
    private final String file;
    private final boolean ldif;

    ImportReport(Base command, String file, boolean ldif) {
        this.command = command;
        this.file = file;
        this.ldif = ldif;
    }

    /** Prints the report (text or JSON); returns the exit code. */
    int print(ImportSource source, ImportResult result, int linksStored, List<ImportSource.Problem> linkFailures,
            double secs) {
        List<ImportSource.Problem> failed = new ArrayList<>(source.failed);
        failed.addAll(linkFailures);
        List<ImportSource.Problem> refused = new ArrayList<>();
        for (ImportResult.Refused r : result.refused()) {
            List<String> why = new ArrayList<>();
            r.errors().forEach((k, v) -> why.add(k + " " + v));
            why.sort(null);
            refused.add(new ImportSource.Problem(source.whereOfRow(r.row()), r.login(), String.join("; ", why)));
        }
        boolean clean = refused.isEmpty() && failed.isEmpty() && !result.stopped() && source.stoppedBecause == null;
        if (command.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", file);
            m.put("format", ldif ? "ldif" : "csv");
            m.put("dryRun", result.dryRun());
            m.put("recordsRead", source.recordsRead());
            m.put("added", result.added());
            m.put("updated", result.updated());
            m.put("skipped", result.skipped().size());
            m.put("refused", problems(refused));
            m.put("failed", problems(failed));
            m.put("linksStored", linksStored);
            m.put("stopped", result.stopped() || source.stoppedBecause != null);
            m.put("seconds", Math.round(secs * 10) / 10.0);
            command.cli().printJson(m);
        } else {
            text(source, result, linksStored, linkFailures, refused, failed, secs);
        }
        return clean ? Exit.OK : Exit.REFUSED;
    }

    private void text(ImportSource source, ImportResult result, int linksStored,
            List<ImportSource.Problem> linkFailures, List<ImportSource.Problem> refused,
            List<ImportSource.Problem> failed, double secs) {
        var out = command.out();
        String verb = result.dryRun() ? "dry run of import of %s (nothing written): %d would be added" : "import of"
                + " %s: %d added";
        out.printf(Locale.ROOT, verb + "%s%s, %d refused, %d failed (%d records read in %.1f s)%n", file,
                result.added(), result.updated() > 0 ? ", " + result.updated() + " updated" : "",
                result.skipped().isEmpty() ? "" : ", " + result.skipped().size() + " skipped (login exists)",
                refused.size(), failed.size(), source.recordsRead(), secs);
        list("refused (the directory's rules)", refused);
        list("failed (could not be read or linked)", failed);
        if (linksStored > 0 || !linkFailures.isEmpty()) {
            out.println("group links stored: " + linksStored);
        }
        if (source instanceof LdifFormat.Source && ((LdifFormat.Source) source).passedOver > 0) {
            out.println("entries without uid passed over: " + ((LdifFormat.Source) source).passedOver);
        }
        if (result.stopped()) {
            out.println("stopped at the first refused row (--stop-on-error); the rows before it were "
                    + (result.dryRun() ? "checked." : "added."));
        }
        if (source.stoppedBecause != null) {
            out.println("reading stopped early: " + source.stoppedBecause);
        }
    }

    /** One line per reason: alone with its row, or "N rows: reason (first at ...)". */
    private void list(String title, List<ImportSource.Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        Map<String, List<ImportSource.Problem>> byReason = new LinkedHashMap<>();
        problems.forEach(p -> byReason.computeIfAbsent(p.message(), k -> new ArrayList<>()).add(p));
        var out = command.out();
        out.println(title + ":");
        int shown = 0;
        for (Map.Entry<String, List<ImportSource.Problem>> e : byReason.entrySet()) {
            if (shown++ == LISTED) {
                out.println("  ... and " + (byReason.size() - LISTED) + " more reasons (--json lists every row)");
                break;
            }
            List<ImportSource.Problem> rows = e.getValue();
            if (rows.size() == 1) {
                out.println("  " + rows.get(0));
                continue;
            }
            List<String> first = new ArrayList<>();
            rows.subList(0, Math.min(EXAMPLES, rows.size())).forEach(p -> first.add(p.where()
                    + (p.login() == null ? "" : " (" + p.login() + ")")));
            out.println("  " + rows.size() + " rows: " + e.getKey() + " - first at " + String.join(", ", first)
                    + (rows.size() > EXAMPLES ? ", ..." : ""));
        }
    }

    private static List<Map<String, Object>> problems(List<ImportSource.Problem> problems) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ImportSource.Problem p : problems) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("where", p.where());
            m.put("login", p.login());
            m.put("message", p.message());
            out.add(m);
        }
        return out;
    }
}
