package dev.srm.cli;

/** A usage error found after parsing (conflicting options, an unknown value); exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message, null, false, false);
    }
}
