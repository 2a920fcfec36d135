package dev.srm.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Reads request bodies within the size limit and tells their syntax from the content type. */
final class Bodies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The syntaxes a body may have. */
    enum Syntax {
        JSON("json"), YAML("yaml");

        final String extension;

        Syntax(String extension) {
            this.extension = extension;
        }
    }

    /** How much of a refused body is read and discarded before the 413 goes out. */
    static final long DRAIN = 4L * 1024 * 1024;

    private final long max;

    Bodies(long max) {
        this.max = max;
    }

    /** The syntax the content type names; 415 for anything else. */
    static Syntax syntax(Context ctx, boolean yamlAllowed) {
        String raw = ctx.header("Content-Type");
        String type = raw == null ? "" : raw.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        switch (type) {
            case "application/json":
                return Syntax.JSON;
            case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml":
                if (yamlAllowed) {
                    return Syntax.YAML;
                }
                break;
            default:
                break;
        }
        String accepted = yamlAllowed ? "application/json or application/yaml" : "application/json";
        throw HttpError.of(415, "unsupported-media-type", "Unsupported content type",
                (type.isEmpty() ? "no Content-Type" : "content type '" + type + "' is not accepted") + "; send " + accepted);
    }

    /** The body, refused with 413 past the limit (by its Content-Length before reading, or while reading). */
    byte[] read(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > max) {
                drain(in);
                throw tooLarge(declared);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 1024), max));
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > max) {
                    drain(in);
                    throw tooLarge(-1);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw HttpError.of(408, "request-timeout", "The body did not arrive",
                    "the request body could not be read in time: " + (e.getMessage() == null ? "connection closed" : e.getMessage()));
        }
    }

    /**
     * Reads and discards what is left of a refused body, up to {@link #DRAIN} bytes: a client still sending
     * when the connection closes gets a reset instead of the 413 (seen as "broken pipe" by Java's HttpClient).
     * Past that bound the connection is closed anyway, so a huge body costs the server no more than this.
     * {@link BodyDeadline} has already taken those bytes off the network (without a thread, within the
     * deadline): what is read here is in memory.
     */
    private static void drain(InputStream in) {
        byte[] buf = new byte[8192];
        long left = DRAIN;
        int n;
        try {
            while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException e) {
            // the client went away or stalled: the 413 is still the answer
        }
    }

    private HttpError tooLarge(long declared) {
        return HttpError.of(413, "body-too-large", "Request body too large", "the request body "
                + (declared > 0 ? "is " + declared + " bytes; " : "exceeds the limit; ") + "srm serve accepts at most " + max
                + " bytes (--max-body)");
    }

    /** Whether the body is well-formed in its syntax (told apart from a body that is well-formed but not a scenario). */
    static boolean wellFormed(byte[] body, Syntax syntax) {
        try {
            (syntax == Syntax.YAML ? YAML : JSON).readTree(body);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static ObjectMapper json() {
        return JSON;
    }
}
