package dev.srm.model.matrix;

import dev.srm.model.Responsibility;

import java.util.Locale;
import java.util.Objects;

/**
 * A layer (or, with {@code duty} set, one duty inside it) whose party differs between the two
 * sides of a comparison, with the reason, rule and source of the side it moves to.
 */
public record Move(String layer, String duty, String from, String to, Direction direction, String reason, String rule,
                   String source) {
    /** Which way the work goes. */
    public enum Direction {
        /** The customer does less: CUSTOMER to SHARED or AWS, SHARED to AWS. */
        TO_AWS,
        /** The customer does more. */
        TO_CUSTOMER,
        /** From or to UNKNOWN, CONFLICT or NONE: no direction can be read. */
        OTHER;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The direction of a change of party; parties are AWS, SHARED, CUSTOMER or anything else. */
        public static Direction of(String from, String to) {
            int a = rank(from);
            int b = rank(to);
            if (a < 0 || b < 0) {
                return OTHER;
            }
            return b < a ? TO_AWS : TO_CUSTOMER;
        }

        private static int rank(String party) {
            if (Responsibility.AWS.name().equals(party)) {
                return 0;
            }
            if (Responsibility.SHARED.name().equals(party)) {
                return 1;
            }
            return Responsibility.CUSTOMER.name().equals(party) ? 2 : -1;
        }
    }

    public Move {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(direction, "direction");
        if (from.equals(to)) {
            throw new IllegalArgumentException("a move changes the party, " + from + " stays " + to);
        }
    }

    /** {@code guest-os-and-app-patching} or {@code guest-os-and-app-patching / runtime-patching}. */
    public String where() {
        return duty == null ? layer : layer + " / " + duty;
    }
}
