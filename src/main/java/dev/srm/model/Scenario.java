package dev.srm.model;

import dev.srm.facts.Inventory;
import dev.srm.facts.Setting;

import java.util.List;
import java.util.Objects;

/**
 * A scenario file, checked against the schema and turned into typed values.
 *
 * @param file     the file it came from, as the user named it (or {@code <stdin>:N})
 * @param account  account-wide settings, with the resource id {@code account}
 * @param owner    the team that owns the scenario's resources unless a resource's tag says otherwise
 * @param ownerTag the tag key that names a resource's owning team (null: {@link #DEFAULT_OWNER_TAG})
 * @param incident the incident to triage, or null when the scenario describes none
 * @param expect   what {@code srm test} checks, or null
 * @param warnings what reading the input found worth saying (a macro srm does not run, a parameter the
 *                 template does not declare); they join the evaluation's warnings
 * @param idFromFileName whether the reader made the id from the file's name (a template without
 *                 {@code Metadata.srm.id}, a Terraform plan) rather than reading it from the input: a
 *                 batch then qualifies it with the file's directories when another input has it
 * @param undecided resources that exist only under conditions the input does not decide, with the
 *                 scenario's resources without them; null when every resource's existence is decided
 */
public record Scenario(String id, String title, String description, String file, Inventory inventory,
                       String owner, List<Setting> account, List<ResourceSpec> resources, String ownerTag,
                       IncidentSpec incident, Expectations expect, List<String> warnings, boolean idFromFileName,
                       UndecidedResources undecided) {
    /** The tag key that names a resource's team unless a scenario sets {@code ownerTag}. */
    public static final String DEFAULT_OWNER_TAG = "owner";

    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(inventory, "inventory");
        title = title == null ? id : title;
        account = List.copyOf(account);
        resources = List.copyOf(resources);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        undecided = undecided == null || undecided.reasons().isEmpty() ? null : undecided;
    }

    /** A scenario every resource of which exists. */
    public Scenario(String id, String title, String description, String file, Inventory inventory,
                    String owner, List<Setting> account, List<ResourceSpec> resources, String ownerTag,
                    IncidentSpec incident, Expectations expect, List<String> warnings, boolean idFromFileName) {
        this(id, title, description, file, inventory, owner, account, resources, ownerTag, incident, expect, warnings, idFromFileName,
                null);
    }

    /** A scenario whose id the input gave. */
    public Scenario(String id, String title, String description, String file, Inventory inventory,
                    String owner, List<Setting> account, List<ResourceSpec> resources, String ownerTag,
                    IncidentSpec incident, Expectations expect, List<String> warnings) {
        this(id, title, description, file, inventory, owner, account, resources, ownerTag, incident, expect, warnings, false);
    }

    /** A scenario whose reading found nothing to warn about. */
    public Scenario(String id, String title, String description, String file, Inventory inventory,
                    String owner, List<Setting> account, List<ResourceSpec> resources, String ownerTag,
                    IncidentSpec incident, Expectations expect) {
        this(id, title, description, file, inventory, owner, account, resources, ownerTag, incident, expect, List.of());
    }

    /** A scenario without an incident, with the default owner tag. */
    public Scenario(String id, String title, String description, String file, Inventory inventory,
                    String owner, List<Setting> account, List<ResourceSpec> resources) {
        this(id, title, description, file, inventory, owner, account, resources, null, null, null);
    }

    /** The tag key that names a resource's owning team. */
    public String ownerTagKey() {
        return ownerTag == null || ownerTag.isBlank() ? DEFAULT_OWNER_TAG : ownerTag;
    }

    /** The resource spec with this id, or null. */
    public ResourceSpec resource(String resourceId) {
        return resources.stream().filter(r -> r.id().equals(resourceId)).findFirst().orElse(null);
    }

    /**
     * This scenario with another incident, owner tag and resources (the run resolves an incident
     * against them); triage judges the world in which every resource exists.
     */
    public Scenario with(IncidentSpec newIncident, String newOwnerTag, List<ResourceSpec> newResources) {
        // the undecided worlds list this scenario's resources: they hold only while the resources stay the same
        return new Scenario(id, title, description, file, inventory, owner, account, newResources, newOwnerTag, newIncident,
                expect, warnings, idFromFileName, newResources.equals(resources) ? undecided : null);
    }

    /** This scenario, its id made from its file's name by the reader. */
    public Scenario namedAfterItsFile() {
        return new Scenario(id, title, description, file, inventory, owner, account, resources, ownerTag, incident, expect,
                warnings, true, undecided);
    }

    /** This scenario under another id (a title that was the id follows it). */
    public Scenario withId(String newId) {
        return new Scenario(newId, title.equals(id) ? newId : title, description, file, inventory, owner, account, resources,
                ownerTag, incident, expect, warnings, idFromFileName, undecided);
    }

    /** The same scenario in the world where no resource of {@link #undecided} exists (null when there is none). */
    public Scenario withoutUndecided() {
        return undecided == null ? null : inWorld(undecided.without());
    }

    /** The same scenario with the resources of another world of {@link #undecided} (a condition's, or none). */
    public Scenario inWorld(List<ResourceSpec> worldResources) {
        return new Scenario(id, title, description, file, inventory, owner, account, worldResources, ownerTag, incident, expect, warnings,
                idFromFileName, null);
    }
}
