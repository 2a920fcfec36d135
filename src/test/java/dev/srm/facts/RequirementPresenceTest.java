package dev.srm.facts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What "the property is set" means for an empty string: CloudFront removes a default root object with "". */
class RequirementPresenceTest {
    private static final Requirement ROOT_OBJECT = new Requirement("site", "cloudfront-default-root-object",
            "DistributionConfig.DefaultRootObject", Requirement.Op.PRESENT, null, "rule");

    @Test
    void an_empty_string_written_for_the_property_does_not_set_it() {
        assertThat(ROOT_OBJECT.accepts(new Setting("site", "DistributionConfig.DefaultRootObject", "DistributionConfig.DefaultRootObject", "")))
                .isFalse();
        assertThat(ROOT_OBJECT.accepts(new Setting("site", "DistributionConfig.DefaultRootObject", "DistributionConfig.DefaultRootObject", "  ")))
                .isFalse();
        assertThat(ROOT_OBJECT.accepts(new Setting("site", "DistributionConfig.DefaultRootObject", "DistributionConfig.DefaultRootObject",
                "index.html"))).isTrue();
    }

    @Test
    void an_empty_child_does_not_unset_the_object_a_presence_check_names() {
        Requirement logging = new Requirement("bucket", "s3-access-logging", "LoggingConfiguration", Requirement.Op.PRESENT, null, "rule");
        Setting prefix = new Setting("bucket", "LoggingConfiguration.LogFilePrefix", "LoggingConfiguration.LogFilePrefix", "");

        assertThat(logging.covers(prefix.pattern())).isTrue();
        assertThat(logging.accepts(prefix)).isTrue();
    }

    @Test
    void other_operators_read_the_empty_string_as_a_value() {
        Requirement notEmpty = new Requirement("q", "c", "KmsMasterKeyId", Requirement.Op.NOT_EMPTY, null, "rule");
        Requirement notEquals = new Requirement("q", "c", "KmsMasterKeyId", Requirement.Op.NOT_EQUALS, "alias/aws/sqs", "rule");
        Setting empty = new Setting("q", "KmsMasterKeyId", "KmsMasterKeyId", "");

        assertThat(notEmpty.accepts(empty)).isFalse();
        assertThat(notEquals.accepts(empty)).isTrue();
        assertThat(empty.shown()).isEqualTo("\"\" (an empty string)");
    }
}
