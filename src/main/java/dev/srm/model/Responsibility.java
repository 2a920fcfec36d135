package dev.srm.model;

/** Who owns a layer in a result: a party, or UNKNOWN when no rule decided, or CONFLICT when rules disagree. */
public enum Responsibility {
    AWS, CUSTOMER, SHARED, UNKNOWN, CONFLICT;

    /** The party as a page shows it to people: {@code customer}, {@code shared}, {@code AWS}, {@code unknown}, {@code conflict}. */
    public String label() {
        return this == AWS ? "AWS" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
