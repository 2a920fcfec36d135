package dev.srm.run;

import java.util.function.Function;

/**
 * The parts of a triage request, named in messages by whoever asked: the CLI says
 * {@code --service}, an embedder or the HTTP API says {@code service}. The run layer words its
 * errors with these names and never with one front end's spelling.
 */
public enum TriageField {
    FILE("file", "FILE"), ID("id", "--id"), RESOURCE("resource", "--resource"), SERVICE("service", "--service"),
    KIND("kind", "--kind"), LAYER("layer", "--layer"), SUMMARY("summary", "--summary"),
    DETECTED_BY("detectedBy", "--detected-by"), CONFIG("config", "--config"), OWNER_TAG("ownerTag", "--owner-tag"),
    COMPONENT("component", "--component");

    private final String field;
    private final String flag;

    TriageField(String field, String flag) {
        this.field = field;
        this.flag = flag;
    }

    /** Names as the request fields of the Java and HTTP APIs spell them. */
    public static final Function<TriageField, String> FIELDS = f -> f.field;

    /** Names as srm's command line spells them. */
    public static final Function<TriageField, String> FLAGS = f -> f.flag;
}
