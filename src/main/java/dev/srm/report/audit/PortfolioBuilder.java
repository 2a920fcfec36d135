package dev.srm.report.audit;

import dev.srm.facts.Severity;
import dev.srm.model.Status;
import dev.srm.model.ControlResult;
import dev.srm.model.Status;
import dev.srm.model.Evaluation;
import dev.srm.model.Status;
import dev.srm.model.FindingResult;
import dev.srm.model.Status;
import dev.srm.model.InputProblem;
import dev.srm.model.Status;
import dev.srm.model.LayerResult;
import dev.srm.model.Status;
import dev.srm.model.Layers;
import dev.srm.model.Status;
import dev.srm.model.ResourceResult;
import dev.srm.model.Status;
import dev.srm.model.Responsibility;
import dev.srm.model.Status;
import dev.srm.model.RuleInfo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Adds evaluations up into a {@link Portfolio}, one at a time, keeping counts only. The result
 * does not depend on the order evaluations arrive in, nor on how they were split between
 * builders that are {@linkplain #merge merged} afterwards (a distributed audit builds one per
 * task and ships it as {@linkplain #toBytes bytes}). Not thread-safe.
 */
public final class PortfolioBuilder implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Service models in report order; resources no rule classified are counted as UNCLASSIFIED. */
    static final List<String> MODELS = List.of("IAAS", "PAAS", "SERVERLESS");
    static final String UNCLASSIFIED = "UNCLASSIFIED";
    static final List<String> SHARE_LEVELS = List.of("HIGH", "MEDIUM", "LOW");

    private transient AuditCatalog catalog;
    private transient Set<String> knownControls;
    private int scenarios;
    private int resources;
    private int controls;
    private int findings;
    private int warnings;
    private final Set<String> extraLayers = new TreeSet<>();
    private final Map<Severity, Map<String, Integer>> bySeverityOwner = new EnumMap<>(Severity.class);
    private final Map<RuleKey, int[]> byRule = new HashMap<>();
    private final Map<RuleKey, First<String[]>> ruleText = new HashMap<>();
    private final Map<RowKey, Row> rows = new HashMap<>();
    private final Map<String, Share> shares = new HashMap<>();
    private final Map<String, Map<String, Integer>> statusSeverity = new HashMap<>();
    private final Map<String, Map<String, Integer>> controlStatuses = new HashMap<>();
    private final Map<String, int[]> integrationCounts = new HashMap<>();
    private final Map<String, Set<String>> integrationControls = new HashMap<>();
    private final Map<String, First<UnknownControl>> unknownControls = new TreeMap<>();
    private final Map<Severity, Integer> waived = new EnumMap<>(Severity.class);
    private final Map<Severity, Integer> fresh = new EnumMap<>(Severity.class);
    private int unchanged;
    private int reopened;

    private record RuleKey(String rule, Severity severity) implements Serializable {
    }

    private record RowKey(String service, String variant, String model) implements Serializable {
    }

    /**
     * A value as the first scenario in audit order (by id, then file) gave it: where two scenarios
     * disagree, the one {@code srm audit} would have added first wins, whatever order they came in.
     */
    private record First<T>(String scenario, String file, T value) implements Serializable {
        boolean before(First<?> other) {
            int c = scenario.compareTo(other.scenario);
            return c < 0 || c == 0 && InputOrder.NAMES.compare(file, other.file) < 0;
        }

        static <K, T> void keep(Map<K, First<T>> map, K key, First<T> candidate) {
            map.merge(key, candidate, (old, now) -> now.before(old) ? now : old);
        }
    }

    /** What the evidence checklist shows of a control the pack's catalogue does not list. */
    private record UnknownControl(String title, String layer, String severity, List<String> configRules, List<String> securityHub,
                                  String source) implements Serializable {
        static UnknownControl of(ControlResult c) {
            return new UnknownControl(c.title(), c.layer(), c.severity(), List.copyOf(c.configRules()), List.copyOf(c.securityHub()),
                    c.source());
        }
    }

    private static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        int resources;
        final Map<String, Map<Responsibility, Integer>> layers = new HashMap<>();
    }

    private static final class Share implements Serializable {
        private static final long serialVersionUID = 1L;
        int resources;
        final Map<String, Integer> levels = new HashMap<>();
        final Map<Responsibility, Integer> layers = new EnumMap<>(Responsibility.class);
    }

    public PortfolioBuilder(AuditCatalog catalog) {
        attach(catalog);
    }

    private void attach(AuditCatalog c) {
        this.catalog = Objects.requireNonNull(c);
        this.knownControls = new HashSet<>();
        c.controls().forEach(r -> knownControls.add(r.id()));
    }

    private static <K> void inc(Map<K, Integer> m, K key) {
        m.merge(key, 1, Integer::sum);
    }

    public void add(Evaluation e) {
        scenarios++;
        warnings += e.warnings().size();
        for (ResourceResult r : e.resources()) {
            addResource(r);
        }
        Set<String> closedHere = new HashSet<>();
        for (ControlRow row : ControlRow.of(e)) {
            addControl(e, row.control(), closedHere);
        }
        closedHere.forEach(name -> integrationCounts.computeIfAbsent(name, k -> new int[2])[1]++);
        Set<RuleKey> rulesHere = new HashSet<>();
        for (FindingResult f : e.findings()) {
            findings++;
            if (!f.counts()) {
                inc(waived, f.severity());
            } else if (f.novelty() != null && f.novelty().fresh()) {
                inc(fresh, f.severity());
            }
            if (f.novelty() == dev.srm.model.Novelty.UNCHANGED) {
                unchanged++;
            } else if (f.novelty() == dev.srm.model.Novelty.REOPENED && f.counts()) {
                reopened++;
            }
            inc(bySeverityOwner.computeIfAbsent(f.severity(), k -> new HashMap<>()), f.owner() == null ? "" : f.owner().name());
            RuleKey key = new RuleKey(f.rule(), f.severity());
            byRule.computeIfAbsent(key, k -> new int[2])[0]++;
            First.keep(ruleText, key, new First<>(e.scenario().id(), e.scenario().file(), new String[] {f.title(), f.remediation()}));
            if (rulesHere.add(key)) {
                byRule.get(key)[1]++;
            }
        }
    }

    private void addResource(ResourceResult r) {
        resources++;
        Row row = rows.computeIfAbsent(new RowKey(r.service(), r.variant(), r.serviceModel()), k -> new Row());
        row.resources++;
        String model = r.serviceModel() == null ? UNCLASSIFIED : r.serviceModel();
        Share share = shares.computeIfAbsent(model, k -> new Share());
        share.resources++;
        inc(share.levels, r.customerShare() == null ? "UNKNOWN" : r.customerShare());
        for (LayerResult l : r.layers()) {
            if (!Layers.isKnown(l.layer())) {
                extraLayers.add(l.layer());
            }
            inc(row.layers.computeIfAbsent(l.layer(), k -> new EnumMap<>(Responsibility.class)), l.party());
            inc(share.layers, l.party());
        }
    }

    private void addControl(Evaluation e, ControlResult c, Set<String> closedHere) {
        controls++;
        inc(statusSeverity.computeIfAbsent(c.status().name(), k -> new HashMap<>()), c.severity() == null ? "" : c.severity());
        inc(controlStatuses.computeIfAbsent(c.id(), k -> new HashMap<>()), c.status().name());
        if (!knownControls.contains(c.id())) {
            First.keep(unknownControls, c.id(), new First<>(e.scenario().id(), e.scenario().file(), UnknownControl.of(c)));
        }
        if (c.status() == Status.MISSING) {
            for (String name : c.integrations()) {
                integrationCounts.computeIfAbsent(name, k -> new int[2])[0]++;
                integrationControls.computeIfAbsent(name, k -> new TreeSet<>()).add(c.id());
                closedHere.add(name);
            }
        }
    }

    /**
     * Adds the counts of another builder (of the same pack, over other scenarios) to this one:
     * the result is what one builder given both sets of evaluations would hold.
     */
    public void merge(PortfolioBuilder o) {
        scenarios += o.scenarios;
        resources += o.resources;
        controls += o.controls;
        findings += o.findings;
        warnings += o.warnings;
        extraLayers.addAll(o.extraLayers);
        o.bySeverityOwner.forEach((s, m) -> sum(bySeverityOwner.computeIfAbsent(s, k -> new HashMap<>()), m));
        o.byRule.forEach((k, v) -> sum(byRule.computeIfAbsent(k, x -> new int[2]), v));
        o.ruleText.forEach((k, v) -> First.keep(ruleText, k, v));
        o.rows.forEach((k, v) -> {
            Row row = rows.computeIfAbsent(k, x -> new Row());
            row.resources += v.resources;
            v.layers.forEach((l, m) -> sum(row.layers.computeIfAbsent(l, x -> new EnumMap<>(Responsibility.class)), m));
        });
        o.shares.forEach((k, v) -> {
            Share share = shares.computeIfAbsent(k, x -> new Share());
            share.resources += v.resources;
            sum(share.levels, v.levels);
            sum(share.layers, v.layers);
        });
        o.statusSeverity.forEach((k, m) -> sum(statusSeverity.computeIfAbsent(k, x -> new HashMap<>()), m));
        o.controlStatuses.forEach((k, m) -> sum(controlStatuses.computeIfAbsent(k, x -> new HashMap<>()), m));
        o.integrationCounts.forEach((k, v) -> sum(integrationCounts.computeIfAbsent(k, x -> new int[2]), v));
        o.integrationControls.forEach((k, v) -> integrationControls.computeIfAbsent(k, x -> new TreeSet<>()).addAll(v));
        o.unknownControls.forEach((k, v) -> First.keep(unknownControls, k, v));
        o.waived.forEach((k, v) -> waived.merge(k, v, Integer::sum));
        o.fresh.forEach((k, v) -> fresh.merge(k, v, Integer::sum));
        unchanged += o.unchanged;
        reopened += o.reopened;
    }

    private static <K> void sum(Map<K, Integer> into, Map<K, Integer> from) {
        from.forEach((k, n) -> into.merge(k, n, Integer::sum));
    }

    private static void sum(int[] into, int[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    /** The counts as bytes, for {@link #fromBytes} in another process that has the same pack. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A builder from {@link #toBytes}, attached to the catalogue of this process's pack. Only the
     * builder's own classes and the JDK's collections are accepted: anything else is refused.
     */
    public static PortfolioBuilder fromBytes(AuditCatalog catalog, byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(PortfolioBuilder::accept);
            PortfolioBuilder b = (PortfolioBuilder) in.readObject();
            b.attach(catalog);
            return b;
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("not the portfolio of this version of srm: " + e.getMessage(), e);
        }
    }

    private static ObjectInputFilter.Status accept(ObjectInputFilter.FilterInfo info) {
        Class<?> c = info.serialClass();
        if (c == null) {
            return info.depth() > 20 ? ObjectInputFilter.Status.REJECTED : ObjectInputFilter.Status.UNDECIDED;
        }
        while (c.isArray()) {
            c = c.getComponentType();
        }
        String name = c.getName();
        boolean ok = c.isPrimitive() || c == PortfolioBuilder.class || c.getEnclosingClass() == PortfolioBuilder.class
                || c == Severity.class || c == Responsibility.class || c == Enum.class
                || name.startsWith("java.util.") && !name.startsWith("java.util.concurrent.") || name.equals("java.lang.String")
                || name.equals("java.lang.Integer") || name.equals("java.lang.Number") || name.equals("java.lang.Record")
                || name.equals("java.lang.Object");
        return ok ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    }

    /** The roll-ups so far, with the inputs that failed (sorted by file, then place). */
    public Portfolio build(List<InputProblem> failures) {
        return build(failures, null);
    }

    /** The roll-ups so far, with the inputs that failed and what the policy step did (null: no waivers, no baseline). */
    public Portfolio build(List<InputProblem> failures, dev.srm.model.PolicySummary summary) {
        List<InputProblem> sortedFailures = new ArrayList<>(failures);
        sortedFailures.sort(InputOrder.PROBLEMS);
        List<String> layers = new ArrayList<>(Layers.ALL);
        layers.addAll(extraLayers);

        Map<Severity, Map<String, Integer>> sevOwner = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            sevOwner.put(s, ordered(bySeverityOwner.getOrDefault(s, Map.of()), Portfolio.OWNERS));
        }

        List<Portfolio.RuleTally> ruleTallies = new ArrayList<>();
        byRule.forEach((k, v) -> ruleTallies.add(new Portfolio.RuleTally(k.rule(), ruleText.get(k).value()[0], k.severity(), v[0], v[1],
                ruleText.get(k).value()[1])));
        ruleTallies.sort(Comparator.comparing(Portfolio.RuleTally::severity)
                .thenComparing(Portfolio.RuleTally::findings, Comparator.reverseOrder())
                .thenComparing(Portfolio.RuleTally::rule));

        List<Portfolio.ServiceRow> serviceRows = new ArrayList<>();
        rows.forEach((k, v) -> {
            Map<String, Map<Responsibility, Integer>> byLayer = new LinkedHashMap<>();
            for (String l : layers) {
                if (v.layers.containsKey(l)) {
                    byLayer.put(l, v.layers.get(l));
                }
            }
            serviceRows.add(new Portfolio.ServiceRow(k.service(), k.variant(), k.model(), v.resources, byLayer));
        });
        serviceRows.sort(Comparator.comparing(Portfolio.ServiceRow::service, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Portfolio.ServiceRow::variant, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Portfolio.ServiceRow::serviceModel, Comparator.nullsFirst(Comparator.naturalOrder())));

        List<Portfolio.ModelShare> modelShares = new ArrayList<>();
        List<String> models = new ArrayList<>(MODELS);
        shares.keySet().stream().filter(m -> !MODELS.contains(m)).sorted().forEach(models::add);
        for (String m : models) {
            Share s = shares.get(m);
            if (s != null) {
                modelShares.add(new Portfolio.ModelShare(m, s.resources, ordered(s.levels, SHARE_LEVELS), s.layers));
            }
        }

        Map<String, Map<String, Integer>> statusSev = new LinkedHashMap<>();
        List<String> severities = new ArrayList<>();
        for (Severity s : Severity.values()) {
            severities.add(s.name());
        }
        List<String> statuses = new ArrayList<>(Portfolio.STATUSES);
        statusSeverity.keySet().stream().filter(k -> !statuses.contains(k)).sorted().forEach(statuses::add);
        for (String status : statuses) {
            statusSev.put(status, ordered(statusSeverity.getOrDefault(status, Map.of()), severities));
        }

        List<Portfolio.IntegrationTally> tallies = new ArrayList<>();
        integrationCounts.forEach((name, v) -> {
            if (v[0] > 0) {
                tallies.add(new Portfolio.IntegrationTally(name, catalog.why(name), v[0], v[1],
                        List.copyOf(integrationControls.get(name))));
            }
        });
        tallies.sort(Comparator.comparing(Portfolio.IntegrationTally::closes, Comparator.reverseOrder())
                .thenComparing(Portfolio.IntegrationTally::name));

        List<Portfolio.EvidenceItem> evidence = new ArrayList<>();
        for (RuleInfo r : catalog.controls()) {
            evidence.add(new Portfolio.EvidenceItem(r.id(), r.title(), r.layer(), r.severity(), r.configRules(),
                    r.securityHub(), r.source(), ordered(controlStatuses.getOrDefault(r.id(), Map.of()), Portfolio.STATUSES)));
        }
        unknownControls.forEach((id, first) -> {
            UnknownControl c = first.value();
            evidence.add(new Portfolio.EvidenceItem(id, c.title(), c.layer(), c.severity(), c.configRules(),
                    c.securityHub(), c.source(), ordered(controlStatuses.getOrDefault(id, Map.of()), Portfolio.STATUSES)));
        });

        return new Portfolio(new Portfolio.Totals(scenarios, resources, controls, findings, warnings, sortedFailures.size()),
                sevOwner, ruleTallies, layers, serviceRows, modelShares, statusSev, tallies, evidence, sortedFailures,
                new Portfolio.Policy(waived, fresh, reopened, unchanged, summary));
    }

    /** A copy in the given key order (0 for keys it lacks), then any other keys, sorted. */
    private static Map<String, Integer> ordered(Map<String, Integer> m, List<String> order) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String k : order) {
            out.put(k, m.getOrDefault(k, 0));
        }
        m.keySet().stream().filter(k -> !order.contains(k)).sorted().forEach(k -> out.put(k, m.get(k)));
        return out;
    }
}
