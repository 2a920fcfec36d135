package dev.srm.testing;

import dev.srm.api.Naming;
import dev.srm.api.SrmException;
import dev.srm.api.TriageRequest;

import dev.srm.model.Triage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Triage through the bundled pack (compiled once per test JVM), asked the way a user asks: a file, flags, or both. */
public final class Triages {
    private Path file;
    private boolean asff;
    private String id;
    private String resource;
    private String service;
    private String kind;
    private String layer;
    private String summary;
    private String ownerTag;
    private final List<String> config = new ArrayList<>();

    private Triages() {
    }

    /** Starts a request on a scenario or ASFF file of the repository. */
    public static Triages file(String path) {
        Triages t = new Triages();
        t.file = Path.of(path);
        return t;
    }

    /** Starts a request from flags alone: {@code --service S --kind K}. */
    public static Triages on(String service, String kind) {
        Triages t = new Triages();
        t.service = service;
        t.kind = kind;
        return t;
    }

    /** Starts an empty request (no file, no flags). */
    public static Triages nothing() {
        return new Triages();
    }

    public Triages asff() {
        this.asff = true;
        return this;
    }

    public Triages id(String value) {
        this.id = value;
        return this;
    }

    public Triages resource(String value) {
        this.resource = value;
        return this;
    }

    public Triages service(String value) {
        this.service = value;
        return this;
    }

    public Triages kind(String value) {
        this.kind = value;
        return this;
    }

    public Triages layer(String value) {
        this.layer = value;
        return this;
    }

    public Triages summary(String value) {
        this.summary = value;
        return this;
    }

    public Triages ownerTag(String value) {
        this.ownerTag = value;
        return this;
    }

    /** A {@code --config KEY=VALUE} of the resource made up for the service. */
    public Triages with(String keyValue) {
        this.config.add(keyValue);
        return this;
    }

    public TriageRequest request() {
        TriageRequest.Builder b = TriageRequest.builder().file(file).asff(asff).id(id).resource(resource).service(service)
                .kind(kind).layer(layer).summary(summary).ownerTag(ownerTag);
        config.forEach(b::config);
        return b.build();
    }

    /** Every triage of the request (several for an ASFF file with several findings), through the public API. */
    public List<Triage> all() {
        return Packs.srm().triage(request(), Naming.FLAGS).triages();
    }

    /** The one triage of the request. */
    public Triage triage() {
        try {
            List<Triage> all = all();
            if (all.size() != 1) {
                throw new AssertionError("expected one triage, got " + all.size());
            }
            return all.get(0);
        } catch (SrmException e) {
            throw new AssertionError(e.exitCode() + ": " + e.getMessage());
        }
    }
}
