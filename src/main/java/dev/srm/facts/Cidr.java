package dev.srm.facts;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * A CIDR block as a network: the address with the host bits cleared, and the prefix length, so
 * that {@code 0.0.0.0/0}, {@code 10.0.0.0/0} and {@code ::/0} vs {@code 0:0:0:0:0:0:0:0/0}
 * compare as the networks they are, not as text. Parses literals only (never a host name).
 */
record Cidr(int version, BigInteger network, int prefix) {
    private static final Pattern V4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:]+/(\\d{1,3})");

    /** The network a CIDR literal names, or null when the text is not one. */
    static Cidr parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        var m4 = V4.matcher(t);
        if (m4.matches()) {
            BigInteger a = BigInteger.ZERO;
            for (int i = 1; i <= 4; i++) {
                int octet = Integer.parseInt(m4.group(i));
                if (octet > 255) {
                    return null;
                }
                a = a.shiftLeft(8).or(BigInteger.valueOf(octet));
            }
            int prefix = Integer.parseInt(m4.group(5));
            return prefix > 32 ? null : new Cidr(4, mask(a, 32, prefix), prefix);
        }
        if (V6.matcher(t).matches()) {
            int slash = t.indexOf('/');
            BigInteger a = v6(t.substring(0, slash));
            int prefix = Integer.parseInt(t.substring(slash + 1));
            return a == null || prefix > 128 ? null : new Cidr(6, mask(a, 128, prefix), prefix);
        }
        return null;
    }

    private static BigInteger mask(BigInteger a, int bits, int prefix) {
        return a.shiftRight(bits - prefix).shiftLeft(bits - prefix);
    }

    private static BigInteger v6(String s) {
        String[] halves = s.split("::", -1);
        if (halves.length > 2) {
            return null;
        }
        String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":");
        String[] tail = halves.length == 2 && !halves[1].isEmpty() ? halves[1].split(":") : new String[0];
        int missing = 8 - head.length - tail.length;
        if (missing < 0 || halves.length == 1 && missing != 0) {
            return null;
        }
        BigInteger a = BigInteger.ZERO;
        try {
            for (String g : head) {
                a = a.shiftLeft(16).or(BigInteger.valueOf(Integer.parseInt(g, 16)));
            }
            a = a.shiftLeft(16 * missing);
            for (String g : tail) {
                a = a.shiftLeft(16).or(BigInteger.valueOf(Integer.parseInt(g, 16)));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return a;
    }
}
