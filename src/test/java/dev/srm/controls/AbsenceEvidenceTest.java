package dev.srm.controls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.srm.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.srm.testing.Packs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A property a control wants absent and finds set as an object or a list is one answer naming the
 * first value under it, not a line per value: IAM.2 on a user with an inline policy listed the
 * policy's version, effect, action and resource as four findings' evidence.
 */
class AbsenceEvidenceTest {
    @TempDir
    Path dir;

    @Test
    void an_inline_policy_on_a_user_is_one_line_of_evidence() throws Exception {
        Path template = dir.resolve("build-user.yaml");
        Files.writeString(template, """
                AWSTemplateFormatVersion: '2010-09-09'
                Description: CI user that uploads build artifacts
                Resources:
                  BuildUser:
                    Type: AWS::IAM::User
                    Properties:
                      UserName: ci-artifact-uploader
                      Policies:
                        - PolicyName: upload-artifacts
                          PolicyDocument:
                            Version: '2012-10-17'
                            Statement:
                              - Effect: Allow
                                Action: ['s3:PutObject', 's3:AbortMultipartUpload']
                                Resource: arn:aws:s3:::acme-build-artifacts/*
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(Packs.LOADER, new PrintWriter(out), new PrintWriter(err), "evaluate", template.toString(), "--format", "json",
                "--fail-on", "none");
        assertThat(code).as(err.toString()).isZero();
        JsonNode control = null;
        for (JsonNode r : new ObjectMapper().readTree(out.toString()).path("resources")) {
            for (JsonNode c : r.path("controls")) {
                if (c.path("id").asText().equals("iam-user-no-attached-policies")) {
                    control = c;
                }
            }
        }
        assertThat(control).isNotNull();
        assertThat(control.path("status").asText()).isEqualTo("MISSING");
        List<String> notMet = new ArrayList<>();
        control.path("evidence").forEach(e -> {
            if (e.asText().startsWith("NOT_MET")) {
                notMet.add(e.asText());
            }
        });
        assertThat(notMet).containsExactly("NOT_MET: expected Policies is not set, found it set (6 values under it, the first"
                + " Policies[0].PolicyDocument.Statement[0].Action[0] = s3:PutObject)");
    }
}
