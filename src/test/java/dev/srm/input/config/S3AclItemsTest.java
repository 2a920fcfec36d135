package dev.srm.input.config;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import dev.srm.testing.Results;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AWS Config records every bucket's ACL (supplementaryConfiguration.AccessControlList, JSON text).
 * Grants to the AllUsers and AuthenticatedUsers groups make the bucket public, as the canned ACLs
 * PublicRead, PublicReadWrite and AuthenticatedRead do in a template; S3.2 and S3.3 were
 * undecided on every Config bucket, a public one included. The account's Block Public Access,
 * recorded as its own item, makes S3 ignore such grants.
 */
class S3AclItemsTest {
    private static Evaluation evaluate(String fixture) throws Exception {
        Path file = Path.of("src/test/resources/config", fixture);
        List<Evaluation> e = Packs.srm().evaluate(file.toString(), Files.readAllBytes(file), InputFormat.config, false);
        assertThat(e).hasSize(1);
        return e.get(0);
    }

    /** The control {@code id} of the bucket named {@code bucket} (its ARN is the resource's id). */
    private static ControlResult control(Evaluation e, String bucket, String id) {
        return Results.control(e, "arn:aws:s3:::" + bucket, id);
    }

    @Test
    void a_grant_to_all_users_or_to_authenticated_users_fails_the_public_read_and_write_controls() throws Exception {
        Evaluation e = evaluate("s3-acls.json");

        ControlResult read = control(e, "acme-public-assets", "s3-bucket-public-read-prohibited");
        assertThat(read.status()).isEqualTo(Status.MISSING);
        assertThat(read.evidence()).anySatisfy(ev -> assertThat(ev).startsWith("NOT_MET:").endsWith("found PublicRead"));
        assertThat(control(e, "acme-upload-drop", "s3-bucket-public-write-prohibited").status()).isEqualTo(Status.MISSING);
        assertThat(control(e, "acme-upload-drop", "s3-bucket-public-read-prohibited").status()).isEqualTo(Status.MISSING);
        assertThat(control(e, "acme-partner-share", "s3-bucket-public-read-prohibited").status()).isEqualTo(Status.MISSING);
    }

    @Test
    void an_acl_without_a_public_grant_and_a_policy_that_is_not_public_meet_them() throws Exception {
        Evaluation e = evaluate("s3-acls.json");

        // the log delivery group's grant is not public; the policy only denies plain HTTP
        assertThat(control(e, "acme-ledger", "s3-bucket-public-read-prohibited").status()).isEqualTo(Status.MET);
        assertThat(control(e, "acme-ledger", "s3-bucket-public-write-prohibited").status()).isEqualTo(Status.MET);
        assertThat(control(e, "acme-partner-share", "s3-bucket-public-write-prohibited").status()).isEqualTo(Status.MET);
        // BucketPolicy {policyText: null}: the item says the bucket has no policy, so the ACL decides
        assertThat(control(e, "acme-public-assets", "s3-bucket-public-write-prohibited").status()).isEqualTo(Status.MET);
        // an item that leaves BucketPolicy out: the ACL alone does not show the bucket is not public
        assertThat(control(e, "acme-archive", "s3-bucket-public-read-prohibited").status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void the_accounts_block_public_access_makes_s3_ignore_a_public_acl() throws Exception {
        Evaluation e = evaluate("s3-acls-account-block.json");

        ControlResult read = control(e, "acme-public-assets", "s3-bucket-public-read-prohibited");
        assertThat(read.status()).isEqualTo(Status.MET);
        assertThat(read.evidence()).singleElement().asString().contains("the account's Block Public Access ignores public ACLs");
    }
}
