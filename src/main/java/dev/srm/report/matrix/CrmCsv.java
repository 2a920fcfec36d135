package dev.srm.report.matrix;

import dev.srm.model.matrix.Crm;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The customer responsibility matrix for a spreadsheet: one record per framework requirement,
 * with who answers for it, its status, and the controls, layers and duties behind the answer.
 */
final class CrmCsv {
    static final List<String> HEADER = List.of("framework", "requirement", "responsibility", "status", "srm_controls", "layers",
            "duties", "services");

    private CrmCsv() {
    }

    static void render(Crm c, Writer out) throws IOException {
        StringBuilder b = new StringBuilder(8192);
        MatrixCsv.line(b, HEADER);
        for (Crm.Framework f : c.frameworks()) {
            for (Crm.Requirement r : f.requirements()) {
                List<String> controls = new ArrayList<>();
                List<String> services = new ArrayList<>();
                for (Crm.ControlLine l : r.controls()) {
                    controls.add(l.id() + " " + CrmText.statuses(l));
                    l.services().forEach(s -> {
                        if (!services.contains(s)) {
                            services.add(s);
                        }
                    });
                }
                MatrixCsv.line(b, List.of(f.id(), r.id(), r.share().label(), r.status() == null ? "" : r.status(),
                        String.join("; ", controls), CrmText.layers(r), CrmText.duties(r), String.join("; ", services)));
            }
        }
        out.write(b.toString());
    }
}
