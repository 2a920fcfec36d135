package dev.srm.triage;

import dev.srm.model.Responsibility;
import dev.srm.model.Triage;
import dev.srm.testing.Triages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Triage decides an unpatched vulnerability by the duty of the component it sits in, never by
 * the blurred layer: the same function is AWS's to patch in its managed runtime and the
 * customer's in its dependencies. When nothing names the component, the answer gives each
 * branch with its owner and how to tell, instead of a guess.
 */
class ComponentTriageTest {
    @Test
    void the_same_function_is_aws_in_its_managed_runtime_and_the_customers_in_its_dependencies() {
        Triage runtime = Triages.file("scenarios/incidents/unpatched-vulnerability-lambda-runtime.yaml").triage();
        Triage dependency = Triages.file("scenarios/incidents/unpatched-vulnerability-lambda-dependency-component.yaml").triage();
        assertThat(runtime.owner()).isEqualTo(Responsibility.AWS);
        assertThat(runtime.rule()).isEqualTo("triage-owner-follows-component");
        assertThat(runtime.basis().rule()).isEqualTo("lambda-runtime-patching");
        assertThat(runtime.component().id()).isEqualTo("runtime");
        assertThat(dependency.owner()).isEqualTo(Responsibility.CUSTOMER);
        assertThat(dependency.basis().rule()).isEqualTo("lambda-application-and-dependency-patching");
        assertThat(runtime.branches()).isEmpty();
    }

    @Test
    void a_pinned_runtime_version_makes_the_runtime_the_customers() {
        Triage t = Triages.file("scenarios/incidents/unpatched-vulnerability-lambda-runtime-manual.yaml").triage();
        assertThat(t.owner()).isEqualTo(Responsibility.CUSTOMER);
        assertThat(t.basis().rule()).isEqualTo("lambda-runtime-updates-manual-runtime-patching");
    }

    @Test
    void on_fargate_the_host_os_is_aws_but_an_os_package_inside_the_image_is_the_customers() {
        assertThat(Triages.file("scenarios/incidents/unpatched-vulnerability-fargate-host-os.yaml").triage().owner())
                .isEqualTo(Responsibility.AWS);
        assertThat(Triages.file("scenarios/incidents/unpatched-vulnerability-fargate-image.yaml").triage().owner())
                .isEqualTo(Responsibility.CUSTOMER);
    }

    @Test
    void without_a_component_each_branch_is_given_with_its_owner_and_how_to_tell() {
        Triage t = Triages.file("scenarios/incidents/unpatched-vulnerability-lambda.yaml").triage();
        assertThat(t.component()).isNull();
        assertThat(t.owner()).isEqualTo(Responsibility.SHARED);
        assertThat(t.branches()).extracting(Triage.Branch::component, Triage.Branch::party)
                .contains(org.assertj.core.groups.Tuple.tuple("runtime", Responsibility.AWS),
                        org.assertj.core.groups.Tuple.tuple("os", Responsibility.AWS),
                        org.assertj.core.groups.Tuple.tuple("dependency", Responsibility.CUSTOMER),
                        org.assertj.core.groups.Tuple.tuple("code", Responsibility.CUSTOMER));
        assertThat(t.branches()).allSatisfy(b -> assertThat(b.howToTell()).isNotBlank());
    }

    @Test
    void inspector_reads_the_component_from_the_package_manager_and_the_resource() {
        Triage ec2 = Triages.file("src/test/resources/asff/inspector-ec2-package-vulnerability.json").triage();
        assertThat(ec2.component().id()).isEqualTo("os");
        assertThat(ec2.owner()).isEqualTo(Responsibility.CUSTOMER);
        Triage lambda = Triages.file("src/test/resources/asff/inspector-lambda-package-vulnerability.json").triage();
        assertThat(lambda.component().id()).isEqualTo("dependency");
        assertThat(lambda.owner()).isEqualTo(Responsibility.CUSTOMER);
        // an OS package, but in a container image in ECR: the image is the customer's to rebuild; reading it as the
        // registry's OS (which AWS patches) would send the customer away from their own image
        Triage image = Triages.file("src/test/resources/asff/inspector-ecr-image-os-package.json").triage();
        assertThat(image.component().id()).isEqualTo("image");
        assertThat(image.owner()).isEqualTo(Responsibility.CUSTOMER);
        assertThat(image.basis().rule()).isEqualTo("ecr-application-and-dependency-patching");
    }
}
