package dev.srm.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An incident to triage, as a user describes it: a scenario with an incident block or an ASFF
 * findings file, and/or the incident's parts (service, kind, layer, ...). Parts given with a
 * scenario file complete or override its incident block.
 * <pre>{@code
 * TriageRequest.builder().service("RDS").kind("unpatched-vulnerability").config("Engine", "custom-oracle-ee").build()
 * TriageRequest.builder().file(Path.of("findings.json")).build()
 * }</pre>
 */
public final class TriageRequest {
    final Path file;
    final boolean asff;
    final String id;
    final String resource;
    final String service;
    final String kind;
    final String layer;
    final String summary;
    final String detectedBy;
    final List<String> config;
    final String ownerTag;
    final String component;
    final TemplateInputs templates;
    final java.time.LocalDate asOf;

    private TriageRequest(Builder b) {
        file = b.file;
        asff = b.asff;
        id = b.id;
        resource = b.resource;
        service = b.service;
        kind = b.kind;
        layer = b.layer;
        summary = b.summary;
        detectedBy = b.detectedBy;
        config = List.copyOf(b.config);
        ownerTag = b.ownerTag;
        component = b.component;
        templates = b.templates;
        asOf = b.asOf;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TriageRequest}; every part is optional, the triage says what is missing. */
    public static final class Builder {
        private Path file;
        private boolean asff;
        private String id;
        private String resource;
        private String service;
        private String kind;
        private String layer;
        private String summary;
        private String detectedBy;
        private final List<String> config = new ArrayList<>();
        private String ownerTag;
        private String component;
        private TemplateInputs templates = TemplateInputs.NONE;
        private java.time.LocalDate asOf;

        private Builder() {
        }

        /** A scenario with an incident block, or ASFF findings (recognised by content). */
        public Builder file(Path file) {
            this.file = file;
            return this;
        }

        /** Read the file as ASFF findings whatever its content looks like. */
        public Builder asff(boolean asff) {
            this.asff = asff;
            return this;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** The resource of the scenario file the incident is on. */
        public Builder resource(String resource) {
            this.resource = resource;
            return this;
        }

        /** The service (a name or a CloudFormation type) when no resource is named. */
        public Builder service(String service) {
            this.service = service;
            return this;
        }

        /** An incident kind of the pack's taxonomy, e.g. data-exposure. */
        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        public Builder layer(String layer) {
            this.layer = layer;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder detectedBy(String detectedBy) {
            this.detectedBy = detectedBy;
            return this;
        }

        /** A setting of the resource made up for {@link #service}, as {@code KEY=VALUE}. */
        public Builder config(String keyEqualsValue) {
            config.add(keyEqualsValue);
            return this;
        }

        public Builder config(String key, String value) {
            return config(key + "=" + value);
        }

        /** The tag key that names a resource's team. */
        public Builder ownerTag(String ownerTag) {
            this.ownerTag = ownerTag;
            return this;
        }

        /**
         * The component the incident sits in (os, runtime, engine, dependency, image, code: the
         * pack's {@code incidentComponents}); its duty decides who owns an unpatched vulnerability or malware.
         */
        public Builder component(String component) {
            this.component = component;
            return this;
        }

        /** Values for the parameters of a CloudFormation template given as the file. */
        public Builder templates(TemplateInputs values) {
            this.templates = values == null ? TemplateInputs.NONE : values;
            return this;
        }

        /**
         * The day end-of-support dates are judged on (a runtime or engine version past its end
         * of support moves its patching to the customer); null, the default, is today. Give the
         * day the incident happened to triage it as it stood then, and for reproducible answers.
         */
        public Builder asOf(java.time.LocalDate asOf) {
            this.asOf = asOf;
            return this;
        }

        public TriageRequest build() {
            return new TriageRequest(this);
        }
    }
}
