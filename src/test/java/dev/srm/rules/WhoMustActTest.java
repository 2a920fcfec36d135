package dev.srm.rules;

import dev.srm.model.Evaluation;
import dev.srm.model.FindingResult;
import dev.srm.model.LayerResult;
import dev.srm.model.ResourceResult;
import dev.srm.model.Responsibility;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over every bundled scenario: a finding raised from a customer control is owned by the
 * customer, whoever runs the rest of its layer; every layer of a classified resource is made of
 * duties, and its party is the one its duties give.
 */
class WhoMustActTest {
    private static final List<Evaluation> ALL = new ArrayList<>();

    @BeforeAll
    static void evaluateEveryBundledScenario() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("srm-waivers.yaml")).sorted().toList()) {
                ALL.add(Packs.evaluate(f));
            }
        }
        assertThat(ALL).hasSizeGreaterThan(100);
    }

    @Test
    void no_finding_from_a_customer_control_is_owned_by_aws_or_shared() {
        List<FindingResult> fromControls = ALL.stream().flatMap(e -> e.findings().stream())
                .filter(f -> Packs.bundled().controls().containsKey(f.rule())).toList();
        assertThat(fromControls).hasSizeGreaterThan(500);
        assertThat(fromControls).allSatisfy(f -> assertThat(f.owner()).as(f.id()).isEqualTo(Responsibility.CUSTOMER));
        // the point: many of them sit on layers AWS runs, alone or with the customer
        assertThat(fromControls).filteredOn(f -> f.layerParty() != Responsibility.CUSTOMER).hasSizeGreaterThan(100);
    }

    @Test
    void every_layer_of_every_classified_resource_carries_duties_and_the_party_they_give() {
        int layers = 0;
        for (Evaluation e : ALL) {
            for (ResourceResult r : e.resources()) {
                if (r.serviceModel() == null) {
                    continue; // not in the catalogue: UNKNOWN, and said so
                }
                for (LayerResult l : r.layers()) {
                    String where = e.scenario().file() + " " + r.id() + " " + l.layer();
                    assertThat(l.duties()).as(where).isNotEmpty();
                    Set<Responsibility> parties = EnumSet.noneOf(Responsibility.class);
                    l.duties().forEach(d -> parties.add(d.party()));
                    Responsibility derived = parties.equals(EnumSet.of(Responsibility.AWS)) ? Responsibility.AWS
                            : parties.equals(EnumSet.of(Responsibility.CUSTOMER)) ? Responsibility.CUSTOMER : Responsibility.SHARED;
                    assertThat(l.party()).as(where).isEqualTo(derived);
                    assertThat(l.duties()).as(where).allSatisfy(d -> {
                        assertThat(d.rule()).isNotBlank();
                        assertThat(d.source()).as(d.rule()).startsWith("https://");
                        assertThat(d.reason()).as(d.rule()).hasSizeGreaterThan(25);
                    });
                    layers++;
                }
            }
        }
        assertThat(layers).isGreaterThan(3000);
    }
}
