package dev.srm.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stable identity of a finding across runs: the first 16 hex digits of the SHA-256 of its
 * scenario id, resource id and control (or rule) id. It does not depend on report order,
 * severity, wording or any other part of the scenario, so unrelated edits keep it.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(String scenario, String resource, String control) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((scenario + "\u0000" + resource + "\u0000" + control).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
