package dev.srm.rules;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** srm's version, from the build (the same whether srm runs from classes or from its jar). */
public final class SrmVersion {
    private static final String VALUE = read();

    private SrmVersion() {
    }

    public static String get() {
        return VALUE;
    }

    private static String read() {
        try (InputStream in = SrmVersion.class.getClassLoader().getResourceAsStream("srm/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
