package dev.srm.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A mistake in the list of deliberately unclassified types is one line naming the file and the entry. */
class NotClassifiedListTest {
    private static final String SERVICES = "services:\n- name: EC2\n  types: ['AWS::EC2::Instance']\n";

    private static ServiceCatalog load(String list) throws RulesException {
        return ServiceCatalog.load(RuleSources.of(List.of(
                new RuleFile("rules/catalog/services.yaml", "catalog/services.yaml", SERVICES),
                new RuleFile("rules/catalog/not-classified.yaml", "catalog/not-classified.yaml", list))));
    }

    private static String problem(String list) {
        try {
            load(list);
        } catch (RulesException e) {
            assertThat(e.problems()).as("one line per mistake").hasSize(1);
            return e.problems().get(0);
        }
        throw new AssertionError("no problem reported for " + list);
    }

    @Test
    void a_listed_type_carries_its_reason_whatever_the_spelling() throws RulesException {
        ServiceCatalog c = load("notClassified:\n- {type: AWS::EC2::Host, reason: capacity construct}\n"
                + "- reason: network plumbing\n  types: [AWS::EC2::VPNGateway, AWS::EC2::CustomerGateway]\n");
        assertThat(c.notClassified("aws::ec2::host")).get().extracting(ServiceCatalog.NotClassified::reason)
                .isEqualTo("capacity construct");
        assertThat(c.notClassifiedTypes()).extracting(ServiceCatalog.NotClassified::type)
                .containsExactly("AWS::EC2::CustomerGateway", "AWS::EC2::Host", "AWS::EC2::VPNGateway");
        assertThat(c.notClassified("AWS::EC2::Instance")).isEmpty();
    }

    @Test
    void a_type_listed_twice_is_refused() {
        assertThat(problem("notClassified:\n- {type: AWS::EC2::Host, reason: a}\n- {types: [AWS::EC2::Host], reason: b}\n"))
                .contains("rules/catalog/not-classified.yaml: /notClassified/1: type 'AWS::EC2::Host' is already listed at "
                        + "rules/catalog/not-classified.yaml: /notClassified/0");
    }

    @Test
    void a_type_both_classified_and_listed_is_refused() {
        assertThat(problem("notClassified:\n- {type: AWS::EC2::Instance, reason: a}\n"))
                .contains("rules/catalog/not-classified.yaml: /notClassified/0: type 'AWS::EC2::Instance' is listed as not "
                        + "classified but is classified as EC2");
    }

    @Test
    void an_entry_without_a_reason_or_a_type_is_refused() {
        assertThat(problem("notClassified:\n- {type: AWS::EC2::Host}\n"))
                .contains("rules/catalog/not-classified.yaml: /notClassified/0: expected a 'reason' for AWS::EC2::Host");
        assertThat(problem("notClassified:\n- {reason: orphan}\n"))
                .contains("rules/catalog/not-classified.yaml: /notClassified/0: expected 'type' or 'types'");
    }
}
