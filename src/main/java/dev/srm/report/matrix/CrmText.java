package dev.srm.report.matrix;

import dev.srm.model.matrix.Crm;
import dev.srm.model.matrix.Duty;

import java.util.LinkedHashSet;
import java.util.Set;

/** Wording of a requirement's parts shared by the CRM renderers (unescaped: callers escape). */
final class CrmText {
    private CrmText() {
    }

    /** {@code (MET 3, MISSING 1)} or {@code (not in use)}. */
    static String statuses(Crm.ControlLine l) {
        if (l.statuses().isEmpty()) {
            return "(not in use)";
        }
        StringBuilder b = new StringBuilder("(");
        l.statuses().forEach((s, n) -> b.append(b.length() == 1 ? "" : ", ").append(s).append(' ').append(n));
        return b.append(')').toString();
    }

    /** {@code iam-access-control: CUSTOMER 4, SHARED 1}. */
    static String layers(Crm.Requirement r) {
        StringBuilder b = new StringBuilder();
        for (Crm.LayerLine l : r.layers()) {
            b.append(b.length() == 0 ? "" : "; ").append(l.layer()).append(':');
            l.parties().forEach((p, n) -> b.append(' ').append(p).append(' ').append(n));
        }
        return b.toString();
    }

    /** {@code key-management CUSTOMER; encryption-at-rest AWS}. */
    static String duties(Crm.Requirement r) {
        Set<String> out = new LinkedHashSet<>();
        for (Crm.LayerLine l : r.layers()) {
            for (Duty d : l.duties()) {
                out.add(d.id() + " " + d.party());
            }
        }
        return String.join("; ", out);
    }
}
