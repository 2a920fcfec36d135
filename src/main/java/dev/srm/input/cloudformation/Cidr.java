package dev.srm.input.cloudformation;

import java.util.ArrayList;
import java.util.List;

/** {@code Fn::Cidr} over an IPv4 block: the first {@code count} subnets with {@code cidrBits} host bits each. */
final class Cidr {
    private Cidr() {
    }

    /** The subnets, or null when the arguments are not an IPv4 block and two numbers that fit it. */
    static List<String> subnets(String block, String count, String cidrBits) {
        try {
            String[] parts = block.split("/");
            String[] octets = parts[0].split("\\.");
            if (parts.length != 2 || octets.length != 4) {
                return null;
            }
            long base = 0;
            for (String o : octets) {
                int v = Integer.parseInt(o);
                if (v < 0 || v > 255) {
                    return null;
                }
                base = base << 8 | v;
            }
            int prefix = Integer.parseInt(parts[1]);
            int n = Integer.parseInt(count);
            int hostBits = Integer.parseInt(cidrBits);
            int subnetPrefix = 32 - hostBits;
            if (prefix < 0 || prefix > 32 || n < 1 || n > 256 || subnetPrefix < prefix || subnetPrefix > 32
                    || (long) n > 1L << (subnetPrefix - prefix)) {
                return null;
            }
            long start = base & (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            List<String> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long a = start + ((long) i << hostBits);
                out.add((a >> 24 & 255) + "." + (a >> 16 & 255) + "." + (a >> 8 & 255) + "." + (a & 255) + "/" + subnetPrefix);
            }
            return out;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
