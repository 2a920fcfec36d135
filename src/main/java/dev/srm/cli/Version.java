package dev.srm.cli;

import picocli.CommandLine.IVersionProvider;

/** srm's version, as the build recorded it. */
final class Version implements IVersionProvider {
    static String value() {
        return dev.srm.api.Srm.version();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"srm " + value()};
    }
}
