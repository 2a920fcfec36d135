package dev.srm.input;

import dev.srm.input.config.ConfigReader;
import dev.srm.input.mapping.Mapping;
import dev.srm.input.mapping.MappingSet;
import dev.srm.input.terraform.TerraformReader;
import dev.srm.rules.RuleSources;
import dev.srm.rules.ServiceCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mapping files are data that must agree with the catalogue: every target type and property exists
 * (a type the catalogue deliberately leaves unclassified is checked against its CloudFormation schema).
 */
class MappingDataTest {
    @ParameterizedTest
    @ValueSource(strings = {TerraformReader.INPUT, ConfigReader.INPUT})
    void every_mapping_targets_a_catalogued_type_and_its_CloudFormation_properties(String input) throws Exception {
        RuleSources sources = RuleSources.bundled();
        ServiceCatalog catalog = ServiceCatalog.load(sources);
        MappingSet set = MappingSet.load(sources, input);
        assertThat(set.sources()).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (String source : set.sources()) {
            for (Mapping m : set.variants(source)) {
                List<String> types = new ArrayList<>();
                if (m.type() != null) {
                    types.add(m.type());
                }
                if (m.type() == null) {
                    for (Mapping.Fold fold : m.into()) { // every resource it folds into takes its properties
                        for (String into : fold.targets()) {
                            Mapping target = set.variants(into).stream().filter(Mapping::isResource).findFirst().orElse(null);
                            if (target == null) {
                                problems.add(source + ": folds into " + into + ", which is not mapped to a resource");
                                continue;
                            }
                            types.add(target.type());
                        }
                    }
                }
                for (String type : types) {
                    check(catalog, source, m, type, problems);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Whether the mapping's targets are properties (or srm keys, or attributes) of {@code type}. */
    private static void check(ServiceCatalog catalog, String source, Mapping m, String type, List<String> problems) {
        if (catalog.byType(type).isEmpty() && catalog.notClassified(type).isPresent() && catalog.schema().knows(type)) {
            // a setting of the service itself (a registry's scanning configuration) that rules read across:
            // not classified, but its properties are CloudFormation's
            for (String target : m.properties().keySet()) {
                catalog.schema().check(type, target.split("#")[0])
                        .ifPresent(k -> problems.add(source + ": " + target + " is not a property of " + type + " (" + k.key() + ")"));
            }
            crossesNoList(catalog, source, m, type, problems);
            return;
        }
        if (catalog.byType(type).isEmpty()) {
            problems.add(source + ": " + type + " is not in the service catalogue");
            return;
        }
        crossesNoList(catalog, source, m, type, problems);
        Set<String> known = catalog.byType(type).get().properties().get(catalog.canonicalType(type));
        for (String target : m.properties().keySet()) {
            String top = target.split("[.#]")[0];
            // a read-only attribute (Arn) is what Config and data sources report of a resource too
            if (known != null && !known.isEmpty() && !known.contains(top) && !catalog.isSrmKey(top)
                    && !catalog.schema().isAttribute(type, top)) {
                problems.add(source + ": " + target + " is not a property of " + type);
            }
        }
    }

    /**
     * A target written through a property CloudFormation holds as a list ({@code S3Encryptions.S3EncryptionMode}
     * where the schema has {@code S3Encryptions: [{S3EncryptionMode}]}) gives a path no control reads
     * ({@code S3Encryptions[0].S3EncryptionMode}): such a list is built with {@code each}, or indexed.
     */
    private static void crossesNoList(ServiceCatalog catalog, String source, Mapping m, String type, List<String> problems) {
        for (String target : m.properties().keySet()) {
            String path = target.split("#")[0];
            int last = path.lastIndexOf('.');
            if (last < 0) {
                continue;
            }
            catalog.schema().misshapen(type, path.substring(0, last), "{}", false)
                    .ifPresent(p -> problems.add(source + ": " + target + " crosses a list as if it were an object (" + p + ")"));
        }
    }
}
