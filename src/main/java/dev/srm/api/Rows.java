package dev.srm.api;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.IntegrationResult;
import dev.srm.model.LayerResult;
import dev.srm.model.Layers;
import dev.srm.model.ResourceResult;
import dev.srm.model.Responsibility;
import dev.srm.model.matrix.Cell;
import dev.srm.model.matrix.ControlRef;
import dev.srm.model.matrix.Duty;
import dev.srm.model.matrix.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Reads matrix rows out of evaluations, through the results' accessors: what the rules concluded, nothing added. */
final class Rows {
    private static final String NOT_APPLICABLE = "NOT_APPLICABLE";

    private final Function<String, String> sourceOfRule;

    /** {@code sourceOfRule} gives the AWS page a rule cites ({@code @source}), or null. */
    Rows(Function<String, String> sourceOfRule) {
        this.sourceOfRule = sourceOfRule;
    }

    /** The row of one resource of an evaluation. */
    Row of(String subject, Map<String, String> config, Evaluation e, ResourceResult r) {
        List<Cell> cells = new ArrayList<>();
        for (LayerResult l : r.layers()) {
            cells.add(new Cell(l.layer(), l.party(), l.rule(), l.reason(), source(l.rule()), LayerDuties.of(l)));
        }
        List<ControlRef> controls = new ArrayList<>();
        for (ControlResult c : r.controls()) {
            if (!NOT_APPLICABLE.equals(c.status())) {
                controls.add(control(c));
            }
        }
        List<String> integrations = new ArrayList<>();
        for (IntegrationResult i : e.integrations()) {
            if (i.resources().contains(r.id())) {
                integrations.add(i.name());
            }
        }
        return new Row(subject, r.service(), r.variant(), r.type(), r.serviceModel(), r.customerShare(), r.rule(), r.reason(),
                config, cells, controls, integrations);
    }

    /**
     * One row for a whole design (every resource of the evaluations): a layer is held by a party
     * when every resource leaves it to that party, SHARED when they differ (the rule by which
     * duties make a layer), UNKNOWN or CONFLICT when a resource's is. A design of one resource is
     * that resource's row.
     */
    Row fold(String subject, List<Evaluation> evaluations) {
        List<Row> rows = new ArrayList<>();
        for (Evaluation e : evaluations) {
            for (ResourceResult r : e.resources()) {
                rows.add(of(r.id(), Map.of(), e, r));
            }
        }
        if (rows.size() == 1) {
            Row only = rows.get(0);
            return new Row(subject, only.service(), only.variant(), only.type(), only.serviceModel(), only.customerShare(),
                    only.rule(), only.reason(), only.config(), only.cells(), only.controls(), only.integrations());
        }
        List<Cell> cells = new ArrayList<>();
        for (String layer : Layers.ALL) {
            Map<Responsibility, List<String>> by = new TreeMap<>();
            Map<String, Duty> duties = new LinkedHashMap<>();
            for (Row row : rows) {
                Cell c = row.cell(layer);
                if (c != null) {
                    by.computeIfAbsent(c.party(), k -> new ArrayList<>()).add(row.subject());
                    for (Duty d : c.duties()) {
                        Duty before = duties.get(d.id());
                        duties.put(d.id(), before == null || before.party().equals(d.party()) ? d
                                : new Duty(d.id(), "SHARED", null, "held by different parties on different resources", null));
                    }
                }
            }
            if (by.isEmpty()) {
                continue;
            }
            Responsibility party = by.size() == 1 ? by.keySet().iterator().next()
                    : by.containsKey(Responsibility.CONFLICT) ? Responsibility.CONFLICT
                    : by.containsKey(Responsibility.UNKNOWN) ? Responsibility.UNKNOWN : Responsibility.SHARED;
            StringBuilder reason = new StringBuilder();
            by.forEach((p, ids) -> reason.append(reason.length() == 0 ? "" : "; ").append(p.name()).append(" on ")
                    .append(String.join(", ", ids)));
            cells.add(new Cell(layer, party, null, reason.toString(), null, List.copyOf(duties.values())));
        }
        Map<String, ControlRef> controls = new TreeMap<>();
        Set<String> integrations = new LinkedHashSet<>();
        Set<String> services = new LinkedHashSet<>();
        for (Row row : rows) {
            row.controls().forEach(c -> controls.putIfAbsent(c.id(), c));
            integrations.addAll(row.integrations());
            services.add(row.service() == null ? "unknown" : row.service());
        }
        return new Row(subject, String.join(" + ", services), null, null, null, null, null,
                rows.size() + " resources", Map.of(), cells, List.copyOf(controls.values()), List.copyOf(integrations));
    }

    private ControlRef control(ControlResult c) {
        return new ControlRef(c.id(), c.title(), c.layer(), c.severity(), c.securityHub(), c.configRules(), c.source());
    }

    private String source(String rule) {
        return rule == null ? null : sourceOfRule.apply(rule);
    }
}
