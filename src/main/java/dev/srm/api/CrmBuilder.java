package dev.srm.api;

import dev.srm.model.RuleInfo;
import dev.srm.model.matrix.Crm;
import dev.srm.model.matrix.Duty;
import dev.srm.rules.ServiceCatalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws the customer responsibility matrix from the pack's framework mappings
 * ({@code rules/frameworks/*.yaml}: srm control to requirement ids) and a portfolio's results:
 * a requirement is the customer's, shared or inherited from AWS according to who holds the
 * layers its controls sit on, on the resources where those controls apply.
 */
final class CrmBuilder {
    private static final String NOT_APPLICABLE = "NOT_APPLICABLE";
    /** Worst first: the status a requirement gets from its control results. */
    private static final List<String> WORST_FIRST = List.of("MISSING", "CONFLICT", "UNKNOWN", "MET", NOT_APPLICABLE);
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private CrmBuilder() {
    }

    /** The frameworks chosen by id or unique prefix; all when none is named. */
    static List<ServiceCatalog.Framework> choose(Map<String, ServiceCatalog.Framework> all, List<String> names, String flag) {
        if (names.isEmpty()) {
            return List.copyOf(all.values());
        }
        List<ServiceCatalog.Framework> out = new ArrayList<>();
        for (String n : names) {
            ServiceCatalog.Framework exact = all.get(n);
            List<ServiceCatalog.Framework> matches = exact != null ? List.of(exact)
                    : all.values().stream().filter(f -> f.id().startsWith(n)).toList();
            if (matches.size() != 1) {
                throw SrmException.usage(flag + ": " + (matches.isEmpty() ? "unknown framework '" : "ambiguous framework '") + n
                        + "' (the pack maps " + String.join(", ", all.keySet()) + ")");
            }
            if (!out.contains(matches.get(0))) {
                out.add(matches.get(0));
            }
        }
        return out;
    }

    static Crm build(String source, CrmInput input, List<ServiceCatalog.Framework> frameworks, Function<String, RuleInfo> rules,
                     List<String> warnings) {
        Set<String> services = new TreeSet<>();
        input.units.forEach(u -> {
            if (!CrmInput.ACCOUNT.equals(u.service())) {
                services.add(u.service());
            }
        });
        List<Crm.Framework> out = new ArrayList<>();
        for (ServiceCatalog.Framework f : frameworks) {
            Map<String, List<String>> byRequirement = new TreeMap<>(CrmBuilder::natural);
            f.controls().forEach((control, requirements) -> requirements.forEach(
                    r -> byRequirement.computeIfAbsent(r, k -> new ArrayList<>()).add(control)));
            List<Crm.Requirement> requirements = new ArrayList<>();
            byRequirement.forEach((id, controls) -> requirements.add(requirement(id, controls, input, rules)));
            out.add(new Crm.Framework(f.id(), f.name(), f.source(), requirements));
        }
        return new Crm(source, input.scenarios, input.resources, List.copyOf(services), out, warnings);
    }

    private static Crm.Requirement requirement(String id, List<String> controls, CrmInput input, Function<String, RuleInfo> rules) {
        List<Crm.ControlLine> lines = new ArrayList<>();
        Map<String, Map<String, Integer>> parties = new TreeMap<>();
        Map<String, Map<String, Duty>> duties = new TreeMap<>();
        Set<String> allParties = new TreeSet<>();
        Map<String, Integer> allStatuses = new TreeMap<>();
        for (String control : new TreeSet<>(controls)) {
            RuleInfo info = rules.apply(control);
            String title = info == null ? control : info.title();
            String layer = info == null ? null : info.layer();
            Map<String, Integer> statuses = new TreeMap<>();
            Set<String> on = new LinkedHashSet<>();
            for (CrmInput.Unit u : input.units) {
                for (CrmInput.ControlView c : u.controls()) {
                    if (!c.id().equals(control)) {
                        continue;
                    }
                    title = c.title() == null ? title : c.title();
                    layer = c.layer() == null ? layer : c.layer();
                    statuses.merge(c.status(), 1, Integer::sum);
                    allStatuses.merge(c.status(), 1, Integer::sum);
                    if (NOT_APPLICABLE.equals(c.status())) {
                        continue;
                    }
                    on.add(u.label());
                    String party;
                    List<Duty> layerDuties = List.of();
                    if (CrmInput.ACCOUNT.equals(u.service())) {
                        party = "CUSTOMER"; // account-wide controls: the customer's account settings
                    } else {
                        CrmInput.LayerView l = c.layer() == null ? null : u.layers().get(c.layer());
                        party = l == null ? "UNKNOWN" : l.party();
                        layerDuties = l == null ? List.of() : l.duties();
                    }
                    String key = c.layer() == null ? "account" : c.layer();
                    parties.computeIfAbsent(key, k -> new TreeMap<>()).merge(party, 1, Integer::sum);
                    Map<String, Duty> ds = duties.computeIfAbsent(key, k -> new LinkedHashMap<>());
                    layerDuties.forEach(d -> ds.putIfAbsent(d.id() + "=" + d.party(), d));
                    allParties.add(party);
                }
            }
            lines.add(new Crm.ControlLine(control, title, layer, statuses, new ArrayList<>(new TreeSet<>(on))));
        }
        List<Crm.LayerLine> layers = new ArrayList<>();
        parties.forEach((layer, counts) -> layers.add(new Crm.LayerLine(layer, counts,
                List.copyOf(duties.getOrDefault(layer, Map.of()).values()))));
        Crm.Share share = allParties.isEmpty() ? Crm.Share.NOT_IN_USE
                : allParties.equals(Set.of("AWS")) ? Crm.Share.INHERITED
                : allParties.equals(Set.of("CUSTOMER")) ? Crm.Share.CUSTOMER : Crm.Share.SHARED;
        String status = null;
        for (String s : WORST_FIRST) {
            if (allStatuses.containsKey(s)) {
                status = s;
                break;
            }
        }
        return new Crm.Requirement(id, share, status, lines, layers);
    }

    /** Orders requirement ids as people read them: AC-2 before AC-10, v3.2.1/10.5.2 before v4.0.1/2.2.6. */
    static int natural(String a, String b) {
        Matcher ma = NUMBER.matcher(a);
        Matcher mb = NUMBER.matcher(b);
        int ia = 0;
        int ib = 0;
        while (ma.find(ia) && mb.find(ib)) {
            int c = a.substring(ia, ma.start()).compareTo(b.substring(ib, mb.start()));
            if (c != 0) {
                return c;
            }
            String na = ma.group().replaceFirst("^0+(?=.)", "");
            String nb = mb.group().replaceFirst("^0+(?=.)", "");
            c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
            if (c != 0) {
                return c;
            }
            ia = ma.end();
            ib = mb.end();
        }
        int c = a.substring(ia).compareTo(b.substring(ib));
        return c != 0 ? c : a.compareTo(b);
    }

    static Comparator<String> naturalOrder() {
        return CrmBuilder::natural;
    }
}
