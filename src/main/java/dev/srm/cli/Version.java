package dev.srm.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (the pom's version), or "dev" when run from classes. */
final class Version implements IVersionProvider {
    static String value() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"srm " + value()};
    }
}
