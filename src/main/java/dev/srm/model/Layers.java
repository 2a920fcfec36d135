package dev.srm.model;

import java.util.List;

/** The responsibility layers srm reports, in the order it reports them. */
public final class Layers {
    /** Every layer, the study material's eight first and AWS's finer three after them. */
    public static final List<String> ALL = List.of(
            "physical-infrastructure", "host-os-hypervisor-networking", "global-infrastructure",
            "iam-access-control", "data-encryption-classification", "guest-os-and-app-patching",
            "application-security", "compliance-configuration",
            "network-configuration", "backup-and-recovery", "logging-and-monitoring");

    private Layers() {
    }

    public static boolean isKnown(String layer) {
        return ALL.contains(layer);
    }
}
