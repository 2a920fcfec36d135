package dev.srm.input.scenario;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import static dev.srm.testing.Results.control;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A property written with a null value (YAML {@code KmsKeyId: ~} or an empty {@code KmsKeyId:},
 * JSON {@code null}) is not set. It was a setting without a value, which the requirements took
 * for a value: "present" accepted it, and so did "does not contain alias/aws/" and "not equal".
 */
class NullValuesTest {

    @Test
    void a_null_property_is_not_set_whatever_the_requirement_compares() {
        Evaluation e = Packs.evaluateYaml("""
                srm: 1
                id: null-values
                inventory: complete
                resources:
                  - id: analytics
                    type: AWS::Redshift::Cluster
                    configuration:
                      ClusterIdentifier: analytics
                      NodeType: ra3.xlplus
                      ClusterType: multi-node
                      NumberOfNodes: 2
                      DBName: analytics
                      MasterUsername: admin
                      LoggingProperties:
                  - id: orders-db-credentials
                    type: AWS::SecretsManager::Secret
                    configuration:
                      Name: orders/db-credentials
                      KmsKeyId: null
                """);

        ControlResult logging = control(e, "analytics", "redshift-audit-logging");
        assertThat(logging.status()).as("%s", logging.evidence()).isEqualTo(Status.MISSING);
        assertThat(logging.evidence()).noneMatch(ev -> ev.startsWith("MET"));
        // no KmsKeyId: the secret is encrypted with aws/secretsmanager, not a key of the customer's
        ControlResult key = control(e, "orders-db-credentials", "secretsmanager-customer-managed-key");
        assertThat(key.status()).as("%s", key.evidence()).isEqualTo(Status.MISSING);
    }
}
