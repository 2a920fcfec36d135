package dev.srm.input.cloudformation;

/**
 * A template CloudFormation would reject, found while resolving it (a circular condition, a
 * parameter value outside AllowedValues): the place and the one-line message.
 */
final class TemplateError extends RuntimeException {
    private final transient Node.Pos pos;

    TemplateError(Node.Pos pos, String message) {
        super(message, null, false, false);
        this.pos = pos == null ? Node.Pos.NONE : pos;
    }

    String where() {
        return pos.line() <= 0 ? "" : pos.toString();
    }
}
