package dev.srm.model;

/** How an inventory of many accounts and Regions becomes scenarios: one per account, or one per account and Region. */
public enum GroupBy {
    account, account_region;

    /** The name {@code --group-by} takes ({@code account-region}). */
    public String label() {
        return name().replace('_', '-');
    }

    /** By the name {@code --group-by} takes. */
    public static GroupBy parse(String text) {
        for (GroupBy g : values()) {
            if (g.label().equalsIgnoreCase(text) || g.name().equalsIgnoreCase(text)) {
                return g;
            }
        }
        throw new IllegalArgumentException("expected account or account-region, not '" + text + "'");
    }

    @Override
    public String toString() {
        return label();
    }
}
