package dev.srm.api;

import dev.srm.model.Responsibility;
import dev.srm.model.matrix.Duty;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Duties are read from a layer result's record accessors once the engine gives them. */
class LayerDutiesTest {
    record FakeDuty(String duty, Responsibility party, String rule, String reason, String source) {
    }

    record FakeLayer(String layer, List<FakeDuty> duties) {
    }

    record OldLayer(String layer) {
    }

    @Test
    void duties_of_a_layer_record_are_read_by_their_component_names() {
        List<Duty> d = LayerDuties.ofRecord(new FakeLayer("guest-os-and-app-patching",
                List.of(new FakeDuty("runtime-patching", Responsibility.AWS, "lambda-runtime-patching", "AWS patches", "https://x"))));
        assertThat(d).containsExactly(new Duty("runtime-patching", "AWS", "lambda-runtime-patching", "AWS patches", "https://x"));
    }

    @Test
    void a_layer_without_duties_has_none() {
        assertThat(LayerDuties.ofRecord(new OldLayer("x"))).isEmpty();
    }
}
