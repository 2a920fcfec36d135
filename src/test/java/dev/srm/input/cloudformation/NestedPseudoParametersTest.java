package dev.srm.input.cloudformation;

import dev.srm.facts.Setting;
import dev.srm.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A nested stack is deployed in its parent's account and region: the pseudo parameters given for the parent are its own. */
class NestedPseudoParametersTest {
    @Test
    void a_nested_stack_takes_the_region_and_account_given_for_its_parent(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("logging.yaml"), """
                AWSTemplateFormatVersion: 2010-09-09
                Resources:
                  AccessLogs:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub 'access-logs-${AWS::Region}-${AWS::AccountId}'
                """);
        Path app = dir.resolve("app.yaml");
        Files.writeString(app, """
                AWSTemplateFormatVersion: 2010-09-09
                Resources:
                  Logging:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: ./logging.yaml
                """);
        TemplateParameters given = new TemplateParameters(Map.of("AWS::Region", "eu-west-1", "AWS::AccountId", "210987654321"),
                Map.of());
        Scenario s = new CloudFormationReader(given).readFile(app, Files.readAllBytes(app)).get(0);
        assertThat(s.resource("Logging/AccessLogs").settings()).extracting(Setting::path, Setting::value)
                .contains(org.assertj.core.groups.Tuple.tuple("BucketName", "access-logs-eu-west-1-210987654321"));
    }
}
