package dev.srm.run;

import java.util.function.Function;

import dev.srm.input.InputFiles;
import dev.srm.input.Settings;
import dev.srm.engine.RulePack;
import dev.srm.engine.Triager;
import dev.srm.facts.Setting;
import dev.srm.model.IncidentSpec;
import dev.srm.model.InputProblem;
import dev.srm.model.Layers;
import dev.srm.model.ResourceSpec;
import dev.srm.model.Scenario;
import dev.srm.model.Triage;
import dev.srm.facts.Inventory;
import dev.srm.rules.IncidentCatalog;
import dev.srm.rules.RuleSources;
import dev.srm.rules.RulesException;
import dev.srm.rules.ServiceCatalog;
import dev.srm.input.asff.AsffReader;
import dev.srm.input.Format;
import dev.srm.input.InputException;
import dev.srm.input.Inputs;
import dev.srm.model.InputFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs {@code srm triage}: turns a scenario with an incident block, an ASFF findings file or
 * flags into scenarios whose incident names a resource (a synthetic one of the named service
 * when the input names no resource, so the same classification rules apply), checks what the
 * input says against the pack's catalogues (known kinds, layers, services) and triages each.
 * Input is checked before the rules are compiled, so bad input is answered at once.
 */
public final class TriageRun {
    /** The id of the scenario built from flags alone. */
    static final String FLAGS_SCENARIO = "triage";

    private final ServiceCatalog services;
    private final IncidentCatalog incidents;
    private final Inputs inputs;
    private final Function<TriageField, String> names;

    /**
     * {@code names} words the fields in messages ({@link TriageField#FLAGS} for the CLI); {@code inputs}
     * reads a file that is not ASFF (a scenario, or a CloudFormation template, detected by content).
     */
    public TriageRun(ServiceCatalog services, IncidentCatalog incidents, Inputs inputs, Function<TriageField, String> names) {
        this.names = names;
        this.services = services;
        this.incidents = incidents;
        this.inputs = inputs;
    }

    /**
     * The scenarios to triage, each with an incident that names one of its resources: one for
     * a scenario or flags, one per finding of an ASFF file.
     */
    public List<Scenario> prepare(TriageInput request) throws TriageException {
        request.validate(names);
        return request.file() == null ? List.of(fromFlags(request)) : fromFile(request);
    }

    private String n(TriageField field) {
        return names.apply(field);
    }

    // ---------------------------------------------------------------- inputs

    private Scenario fromFlags(TriageInput r) throws TriageException {
        if (r.service() == null) {
            throw TriageException.usage(n(TriageField.SERVICE) + " is required without a " + n(TriageField.FILE) + " (e.g. EC2)");
        }
        if (r.kind() == null) {
            throw TriageException.usage(n(TriageField.KIND) + " is required without a " + n(TriageField.FILE) + "; known kinds: " + catalog().kindIds());
        }
        checkKindFlag(r.kind());
        checkLayerFlag(r.layer());
        checkComponentFlag(r.component());
        ServiceCatalog.Service service = serviceFlag(r.service());
        ResourceSpec synthetic = synthetic(service, typeOf(r.service()), List.of(), settingsFlag(r.config(), idFor(service, List.of())));
        IncidentSpec incident = new IncidentSpec(r.id() == null ? "ad-hoc" : r.id(), synthetic.id(), service.name(), r.layer(),
                r.kind(), r.summary(), r.detectedBy(), null, IncidentSpec.Origin.FLAGS, null, true, Map.of(), r.component());
        return new Scenario(FLAGS_SCENARIO, "Incident described on the command line", null, "<flags>", Inventory.PARTIAL, null,
                List.of(), List.of(synthetic), r.ownerTag(), incident, null);
    }

    private List<Scenario> fromFile(TriageInput r) throws TriageException {
        String name = r.file().toString();
        byte[] bytes;
        try {
            bytes = InputFiles.bytes(r.file());
        } catch (InputException e) {
            throw TriageException.input(e.problem());
        }
        boolean deployed; // a template, a plan or state, or Config items: read as a scenario, never as ASFF
        try {
            InputFormat format = inputs.readerFor(name, bytes, InputFormat.auto).format();
            deployed = format == InputFormat.cloudformation || format == InputFormat.terraform
                    || format == InputFormat.config && !guardDutyNative(bytes);
        } catch (InputException e) {
            throw TriageException.input(e.problem());
        }
        boolean asff = r.asff() || (!deployed && Format.ofName(name) != Format.YAML && AsffReader.claims(bytes));
        return asff ? fromAsff(r, name, bytes) : List.of(fromScenario(r, name, bytes));
    }

    /** A GuardDuty finding in GuardDuty's own format names resourceType and accountId too; the ASFF reader says what it is. */
    private static boolean guardDutyNative(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), java.nio.charset.StandardCharsets.UTF_8);
        return head.contains("\"schemaVersion\"") && head.contains("\"resource\"");
    }

        private List<Scenario> fromAsff(TriageInput r, String name, byte[] bytes) throws TriageException {
        if (r.resource() != null || r.service() != null || !r.config().isEmpty()) {
            throw TriageException.usage("an ASFF finding names its own resources: " + n(TriageField.RESOURCE) + ", " + n(TriageField.SERVICE) + " and " + n(TriageField.CONFIG) + " apply to"
                    + " scenario files and to flags alone");
        }
        if (r.id() != null) {
            throw TriageException.usage("an ASFF finding has its own Id: " + n(TriageField.ID) + " applies to scenario files and to flags alone");
        }
        checkKindFlag(r.kind());
        checkLayerFlag(r.layer());
        checkComponentFlag(r.component());
        List<Scenario> scenarios;
        try {
            scenarios = new AsffReader(incidents).read(name, bytes);
        } catch (InputException e) {
            throw TriageException.input(e.problem());
        }
        List<Scenario> out = new ArrayList<>();
        for (Scenario s : scenarios) {
            IncidentSpec i = s.incident();
            IncidentSpec merged = i.with(i.id(), or(r.kind(), i.kind()), or(r.layer(), i.layer()), or(r.summary(), i.summary()),
                    or(r.detectedBy(), i.detectedBy())).withComponent(or(r.component(), i.component()));
            out.add(s.with(merged, r.ownerTag(), s.resources()));
        }
        return out;
    }

    private Scenario fromScenario(TriageInput r, String name, byte[] bytes) throws TriageException {
        Scenario s;
        try {
            // the file the user named (srm serve writes a request's body to a private directory first): its nested stacks are followed
            List<Scenario> read = inputs.readFile(r.file(), bytes, InputFormat.auto);
            if (read.size() > 1 && r.resource() != null) { // an inventory of several accounts: the one that holds the resource
                List<Scenario> holding = read.stream().filter(c -> c.resource(r.resource()) != null).toList();
                if (holding.isEmpty()) {
                    throw TriageException.usage(n(TriageField.RESOURCE) + " '" + r.resource() + "': no such resource in any of the "
                            + read.size() + " scenarios of " + name);
                }
                read = holding;
            }
            if (read.size() != 1) {
                throw TriageException.input(new InputProblem(name, "", "holds " + read.size() + " scenarios ("
                        + read.stream().limit(5).map(Scenario::id).collect(Collectors.joining(", ")) + (read.size() > 5 ? ", ..." : "")
                        + "); triage one at a time" + (r.resource() == null ? ", or name the resource with " + n(TriageField.RESOURCE) : "")));
            }
            s = read.get(0);
        } catch (InputException e) {
            throw TriageException.input(e.problem());
        }
        IncidentSpec block = s.incident();
        if (block == null) {
            if (r.kind() == null || (r.resource() == null && r.service() == null)) {
                throw TriageException.input(new InputProblem(name, "", "has no incident block to triage; add one (incident: {kind,"
                        + " resource}) or pass " + n(TriageField.KIND) + " with " + n(TriageField.RESOURCE) + " or " + n(TriageField.SERVICE)));
            }
            block = new IncidentSpec(s.id(), null, null, null, null, null, null, null, IncidentSpec.Origin.FLAGS, null, false, Map.of(), null);
        } else {
            checkBlock(name, s, block);
        }
        checkKindFlag(r.kind());
        checkLayerFlag(r.layer());
        checkComponentFlag(r.component());
        IncidentSpec incident = block.with(or(r.id(), block.id()), or(r.kind(), block.kind()), or(r.layer(), block.layer()),
                or(r.summary(), block.summary()), or(r.detectedBy(), block.detectedBy()))
                .withComponent(or(r.component(), block.component()));
        List<ResourceSpec> resources = new ArrayList<>(s.resources());
        String resourceId = r.resource() != null ? r.resource() : block.resource();
        if (r.resource() != null && s.resource(r.resource()) == null) {
            throw TriageException.usage(n(TriageField.RESOURCE) + " '" + r.resource() + "': no such resource in " + name + " (resources: "
                    + s.resources().stream().map(ResourceSpec::id).collect(Collectors.joining(", ")) + ")");
        }
        if (resourceId != null) {
            ResourceSpec target = s.resource(resourceId);
            if (r.service() != null) {
                ServiceCatalog.Service flagService = serviceFlag(r.service());
                Optional<ServiceCatalog.Service> actual = serviceOf(target);
                if (actual.isEmpty() || !actual.get().name().equals(flagService.name())) {
                    throw TriageException.usage(n(TriageField.SERVICE) + " " + r.service() + " conflicts with resource '" + resourceId + "' of "
                            + name + ", which is " + actual.map(ServiceCatalog.Service::name).orElse("of an unknown service")
                            + "; drop " + n(TriageField.SERVICE) + " or name another resource");
                }
            }
            if (!r.config().isEmpty()) {
                throw TriageException.usage(n(TriageField.CONFIG) + " sets the configuration of a resource made up for " + n(TriageField.SERVICE) + "; resource '"
                        + resourceId + "' has its configuration in " + name);
            }
            incident = incident.on(resourceId, null, false);
        } else {
            String serviceName = r.service() != null ? r.service() : block.service();
            ServiceCatalog.Service service;
            if (r.service() != null) {
                service = serviceFlag(r.service());
            } else {
                service = catalog(serviceName).orElseThrow(() -> TriageException.input(new InputProblem(name,
                        s.incident().where("service"), "/incident/service: unknown service '" + serviceName + "' (known services: "
                        + knownServices() + ")")));
            }
            List<Setting> settings = settingsFlag(r.config(), idFor(service, resources));
            ResourceSpec synthetic = synthetic(service, typeOf(serviceName), resources, settings);
            resources.add(synthetic);
            incident = incident.on(synthetic.id(), service.name(), true);
        }
        if (r.file() != null && s.incident() != null) {
            checkKnownInBlock(name, s.incident(), incident);
        }
        return s.with(incident, r.ownerTag() != null ? r.ownerTag() : s.ownerTag(), resources);
    }

    // ---------------------------------------------------------------- checks

    /** An incident block whose resource and service disagree is an input error at the block's place. */
    private void checkBlock(String name, Scenario s, IncidentSpec block) throws TriageException {
        if (block.resource() != null && block.service() != null) {
            Optional<ServiceCatalog.Service> declared = catalog(block.service());
            Optional<ServiceCatalog.Service> actual = serviceOf(s.resource(block.resource()));
            if (declared.isEmpty() || actual.isEmpty() || !declared.get().name().equals(actual.get().name())) {
                throw TriageException.input(new InputProblem(name, block.where("service"), "/incident/service: '" + block.service()
                        + "' conflicts with resource '" + block.resource() + "', which is "
                        + actual.map(ServiceCatalog.Service::name).orElse("of an unknown service") + "; keep one of them"));
            }
        }
    }

    /** Kind and layer written in the file must be known; flags were checked as usage. */
    private void checkKnownInBlock(String name, IncidentSpec block, IncidentSpec merged) throws TriageException {
        if (merged.kind() != null && merged.kind().equals(block.kind()) && catalog().kind(block.kind()).isEmpty()) {
            throw TriageException.input(new InputProblem(name, block.where("kind"), "/incident/kind: unknown incident kind '"
                    + block.kind() + "'; known kinds: " + catalog().kindIds()));
        }
        if (merged.layer() != null && merged.layer().equals(block.layer()) && !Layers.isKnown(block.layer())) {
            throw TriageException.input(new InputProblem(name, block.where("layer"), "/incident/layer: unknown layer '"
                    + block.layer() + "'; known layers: " + String.join(", ", Layers.ALL)));
        }
        if (merged.component() != null && merged.component().equals(block.component()) && catalog().component(block.component()).isEmpty()) {
            throw TriageException.input(new InputProblem(name, block.where("component"), "/incident/component: unknown component '"
                    + block.component() + "'; known components: " + catalog().componentIds()));
        }
    }

    private void checkComponentFlag(String component) throws TriageException {
        if (component != null && catalog().component(component).isEmpty()) {
            throw TriageException.usage(n(TriageField.COMPONENT) + ": unknown component '" + component + "'; known components: "
                    + catalog().componentIds());
        }
    }

    private void checkKindFlag(String kind) throws TriageException {
        if (kind != null && catalog().kind(kind).isEmpty()) {
            throw TriageException.usage(n(TriageField.KIND) + ": unknown incident kind '" + kind + "'; known kinds: " + catalog().kindIds());
        }
    }

    private void checkLayerFlag(String layer) throws TriageException {
        if (layer != null && !Layers.isKnown(layer)) {
            throw TriageException.usage(n(TriageField.LAYER) + ": unknown layer '" + layer + "'; known layers: " + String.join(", ", Layers.ALL));
        }
    }

    private ServiceCatalog.Service serviceFlag(String service) throws TriageException {
        return catalog(service).orElseThrow(() -> TriageException.usage(n(TriageField.SERVICE) + ": unknown service '" + service
                + "' (known services: " + knownServices() + "; a CloudFormation type works too)"));
    }

    // ---------------------------------------------------------------- helpers

    private IncidentCatalog catalog() {
        return incidents;
    }

    private Optional<ServiceCatalog.Service> catalog(String serviceOrType) {
        if (serviceOrType == null) {
            return Optional.empty();
        }
        return serviceOrType.contains("::") ? services.byType(serviceOrType) : services.byServiceName(serviceOrType);
    }

    private Optional<ServiceCatalog.Service> serviceOf(ResourceSpec spec) {
        if (spec == null) {
            return Optional.empty();
        }
        return spec.type() != null ? services.byType(spec.type()) : catalog(spec.service());
    }

    private String knownServices() {
        return services.services().stream().map(ServiceCatalog.Service::name).collect(Collectors.joining(", "));
    }

    /** An id for a resource made up for a service, unique among the scenario's resources. */
    private static String idFor(ServiceCatalog.Service service, List<ResourceSpec> existing) {
        String base = service.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String id = base;
        int n = 2;
        while (true) {
            String candidate = id;
            if (existing.stream().noneMatch(r -> r.id().equals(candidate))) {
                return candidate;
            }
            id = base + "-" + n++;
        }
    }

    /** A resource made up for a service (or for a CloudFormation type, when one was given), with the given settings. */
    private ResourceSpec synthetic(ServiceCatalog.Service service, String type, List<ResourceSpec> existing, List<Setting> settings) {
        String id = settings.isEmpty() ? idFor(service, existing) : settings.get(0).resource();
        return new ResourceSpec(id, service.name(), type == null ? null : services.canonicalType(type), Map.of(),
                settings, 0);
    }

    private static String typeOf(String serviceOrType) {
        return serviceOrType != null && serviceOrType.contains("::") ? serviceOrType : null;
    }

    /**
     * The settings of {@code --config KEY=VALUE}, read as srm matrix reads them: written into a
     * configuration (the last of two equal keys wins; TriageInput refused clashes) and flattened
     * as a scenario's, so that {@code Versioning[0001]} is {@code Versioning[0]} and a key/value
     * list is also addressable by its key ({@code LoadBalancerAttributes[Key=...].Value}).
     */
    private static List<Setting> settingsFlag(List<String> config, String resource) {
        List<Setting> out = new ArrayList<>();
        Settings.flatten(resource, "", "", Settings.configuration(Settings.given(config, "").settings()), out);
        return out;
    }

    private static String or(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }
}
