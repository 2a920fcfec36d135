package dev.srm.report.audit;

import dev.srm.model.Responsibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the HTML report's templates show that takes more than markup: labels, numbers, matrix cells and bar segments. */
final class HtmlView {
    private HtmlView() {
    }

    /** A number at the top of the page: its element id, value, label and extra CSS classes (each with a leading space). */
    record Card(String id, int value, String label, String cssClass) {
    }

    /** One cell of the responsibility matrix: the party for its colour, the counts as a tooltip and its label. */
    record Cell(String layer, String party, String tip, String text) {
    }

    /** One segment of a bar: its colour class, width in percent, tooltip and label. */
    record Segment(String cssClass, String width, String title, String text) {
    }

    /** A status and how many control results have it. */
    record StatusCount(String status, int count) {
    }

    /** The totals, the findings per severity and the failed inputs. */
    static List<Card> cards(Portfolio p) {
        Portfolio.Totals t = p.totals();
        List<Card> cards = new ArrayList<>(List.of(new Card("total-scenarios", t.scenarios(), "scenarios", ""),
                new Card("total-resources", t.resources(), "resources", ""),
                new Card("total-controls", t.controls(), "control results", ""),
                new Card("total-findings", t.findings(), "findings", "")));
        p.findingsBySeverity().forEach((severity, n) -> {
            String s = lower(severity.name());
            cards.add(new Card("findings-" + s, n, s, " sev-" + s));
        });
        cards.add(new Card("total-failed", t.failedInputs(), "inputs failed", t.failedInputs() > 0 ? " failed" : ""));
        return cards;
    }

    static List<Cell> cells(Portfolio.ServiceRow row, List<String> layers) {
        List<Cell> cells = new ArrayList<>();
        for (String layer : layers) {
            Responsibility only = row.party(layer);
            Map<Responsibility, Integer> counts = row.layers().getOrDefault(layer, Map.of());
            List<String> tip = new ArrayList<>();
            List<String> mixed = new ArrayList<>();
            counts.forEach((party, n) -> {
                tip.add(party.name() + " " + n);
                mixed.add(partyLetter(party) + " " + n);
            });
            String party = only == null ? (counts.isEmpty() ? "NONE" : "MIXED") : only.name();
            String text = only != null ? only.label() : String.join(" · ", mixed);
            cells.add(new Cell(layer, party, String.join(", ", tip), text));
        }
        return cells;
    }

    /** The share of a service model's layer decisions per party, labelled where the segment is wide enough. */
    static List<Segment> shares(Portfolio.ModelShare m) {
        List<Segment> segments = new ArrayList<>();
        for (Responsibility party : Portfolio.PARTIES) {
            double pct = m.percent(party);
            if (pct > 0) {
                String label = pct >= 25 ? party.label() + " " + num(pct) + "%" : pct >= 8 ? num(pct) + "%" : "";
                segments.add(new Segment("p-" + lower(party.name()), num(pct), party.name() + " " + num(pct) + "%", label));
            }
        }
        return segments;
    }

    /** The statuses a control has in the portfolio, those with no result left out. */
    static List<StatusCount> statuses(Portfolio.EvidenceItem item) {
        return item.statuses().entrySet().stream().filter(e -> e.getValue() > 0).map(e -> new StatusCount(e.getKey(), e.getValue())).toList();
    }

    /** A number with one decimal, without a trailing ".0". */
    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    static String percent(int part, int whole) {
        return num(100.0 * part / whole);
    }

    static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    /** A name as a CSS class or a label: lower case, dashes for underscores. */
    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String partyLetter(Responsibility party) {
        return switch (party) {
            case CUSTOMER -> "C";
            case SHARED -> "S";
            case AWS -> "A";
            case UNKNOWN -> "?";
            case CONFLICT -> "!";
        };
    }
}
