package dev.srm.run;

import dev.srm.input.InputException;
import dev.srm.input.InputReader;
import dev.srm.input.Inputs;
import dev.srm.input.cloudformation.CloudFormationReader;
import dev.srm.model.InputFormat;
import dev.srm.model.Scenario;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader that fails in a way nobody foresaw (a bug in srm, here injected into the
 * CloudFormation reader for one template) fails that input only: it gets one problem line that
 * says it is srm's bug, and the batch evaluates and reports the other inputs. Before, the
 * exception ended the whole run as an internal error.
 */
class ReaderFailureTest {
    /** The CloudFormation reader, failing on templates whose description mentions a custom resource provider. */
    private static final class FaultyReader implements InputReader {
        private final CloudFormationReader real = new CloudFormationReader();

        @Override
        public InputFormat format() {
            return InputFormat.cloudformation;
        }

        @Override
        public boolean claims(String name, byte[] bytes) {
            return real.claims(name, bytes);
        }

        @Override
        public List<Scenario> read(String name, byte[] bytes) throws InputException {
            if (new String(bytes, StandardCharsets.UTF_8).contains("custom resource provider")) {
                String missing = null;
                return List.of(new Scenario(missing.trim(), null, null, name, null, null, List.of(), List.of()));
            }
            return real.read(name, bytes);
        }
    }

    @TempDir
    Path dir;

    private Path stacks() throws Exception {
        Path d = Files.createDirectories(dir.resolve("stacks"));
        Files.writeString(d.resolve("assets.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Description: Static assets of the shop
                Resources:
                  AssetsBucket:
                    Type: AWS::S3::Bucket
                    Properties:
                      VersioningConfiguration: {Status: Enabled}
                """);
        Files.writeString(d.resolve("dns.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Description: DNS records through a custom resource provider
                Resources:
                  Zone:
                    Type: AWS::Route53::HostedZone
                    Properties:
                      Name: shop.example.com
                """);
        Files.writeString(d.resolve("queue.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Description: Order events
                Resources:
                  OrderEvents:
                    Type: AWS::SQS::Queue
                    Properties:
                      SqsManagedSseEnabled: true
                """);
        return d;
    }

    private static Inputs faulty() {
        return new Inputs(List.of(new FaultyReader()));
    }

    @Test
    void srm_evaluate_reports_the_input_as_a_bug_in_srm_and_evaluates_the_others() throws Exception {
        Path stacks = stacks();
        EvaluationRun.Result result = new EvaluationRun(Packs.evaluator(), faulty()).run(List.of(stacks), InputFormat.auto, false);

        assertThat(result.evaluations()).extracting(e -> e.scenario().id()).containsExactlyInAnyOrder("assets", "queue");
        assertThat(result.problems()).extracting(Object::toString).containsExactly(stacks.resolve("dns.yaml")
                + ": srm failed to read this input (NullPointerException: Cannot invoke \"String.trim()\" because \"missing\" is null):"
                + " a bug in srm, please report it with the input");
    }

    @Test
    void srm_audit_counts_it_as_a_failed_input_and_reports_the_others() throws Exception {
        Path stacks = stacks();
        AuditRunTest.Recorder r = new AuditRunTest.Recorder();
        new AuditRun(Packs.evaluator(), faulty(), InputFormat.auto, 2).run(List.of(stacks), new ByteArrayInputStream(new byte[0]),
                List.of(r), new AuditRun.Listener() { });

        assertThat(r.evaluations).extracting(e -> e.scenario().id()).containsExactly("assets", "queue");
        assertThat(r.portfolio.failures()).extracting(Object::toString).containsExactly(stacks.resolve("dns.yaml")
                + ": srm failed to read this input (NullPointerException: Cannot invoke \"String.trim()\" because \"missing\" is null):"
                + " a bug in srm, please report it with the input");
    }
}
