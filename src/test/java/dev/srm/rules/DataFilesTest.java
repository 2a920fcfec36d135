package dev.srm.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the loaders of a pack read its data files: the catalogues report a file that does not parse (one line, naming it and
 * the parser's first line), skip the input mappings under importers/, and the tables read only mappings and stay silent.
 */
class DataFilesTest {
    private static final RuleFile SERVICES = new RuleFile("rules/catalog/services.yaml", "catalog/services.yaml",
            "services:\n- name: EC2\n  types: ['AWS::EC2::Instance']\n");
    private static final RuleFile BROKEN = new RuleFile("rules/catalog/extra.yaml", "catalog/extra.yaml",
            "services:\n- name: [S3\n");
    private static final RuleFile MAPPING = new RuleFile("rules/importers/terraform/aws.yaml", "importers/terraform/aws.yaml",
            "terraform:\n  aws_instance: {type: 'AWS::EC2::Instance'}\nservices:\n- name: Mapped\n  types: ['AWS::Mapped::Thing']\n");
    private static final RuleFile LIST = new RuleFile("rules/catalog/empty.yaml", "catalog/empty.yaml", "- just\n- a list\n");

    @Test
    void a_data_file_that_does_not_parse_is_one_problem_naming_it_for_each_catalogue() {
        RuleSources sources = RuleSources.of(List.of(SERVICES, BROKEN));
        assertThatThrownBy(() -> ServiceCatalog.load(sources)).isInstanceOfSatisfying(RulesException.class,
                e -> assertThat(e.problems()).singleElement().asString().startsWith("rules/catalog/extra.yaml: "));
        assertThatThrownBy(() -> IncidentCatalog.load(sources)).isInstanceOfSatisfying(RulesException.class,
                e -> assertThat(e.problems()).singleElement().asString().startsWith("rules/catalog/extra.yaml: "));
    }

    @Test
    void the_catalogues_leave_the_input_mappings_to_their_readers() throws RulesException {
        RuleSources sources = RuleSources.of(List.of(SERVICES, MAPPING));
        assertThat(sources.catalogTrees(new java.util.ArrayList<>())).extracting(t -> t.file().relative())
                .containsExactly("catalog/services.yaml");
        ServiceCatalog catalog = ServiceCatalog.load(sources);
        assertThat(catalog.byType("AWS::EC2::Instance")).isPresent();
        assertThat(catalog.byType("AWS::Mapped::Thing")).isEmpty();
    }

    @Test
    void the_tables_read_the_mappings_of_every_file_that_parses_and_leave_problems_to_the_catalogues() throws RulesException {
        RuleSources sources = RuleSources.of(List.of(SERVICES, BROKEN, MAPPING, LIST));
        assertThat(sources.objectTrees()).extracting(t -> t.file().relative())
                .containsExactly("catalog/services.yaml", "importers/terraform/aws.yaml");
        assertThat(TagControlTable.load(sources)).isNotNull();
        assertThat(DutyTable.load(sources).duties()).isEmpty();
    }
}
