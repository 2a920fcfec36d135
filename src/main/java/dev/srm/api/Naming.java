package dev.srm.api;

/** How messages name the parts of a request: as the Java and HTTP APIs spell them, or as srm's command line does. */
public enum Naming {
    /** {@code service}, {@code kind}, {@code file}. */
    FIELDS,
    /** {@code --service}, {@code --kind}, {@code FILE}. */
    FLAGS
}
