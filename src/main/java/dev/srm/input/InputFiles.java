package dev.srm.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import dev.srm.model.InputProblem;

import java.util.List;

/** What every reader does to an input file before its format: read the bytes, check UTF-8, word syntax errors. */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * The largest input srm reads whole into memory (256 MiB, after gzip is undone); larger
     * inventories go through the streaming readers (Terraform plans and AWS Config). Stated in
     * docs/limits.md.
     */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

    /**
     * Refuses, before anything is read, what is not a regular file (a directory, a FIFO, a
     * device or a socket would hang or never end) and, when {@code whole}, a file over {@link #MAX_BYTES}.
     */
    public static void checkReadable(Path file, boolean whole) throws InputException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw problem(name, "", "is a directory, expected a file");
        }
        if (!Files.exists(file)) {
            if (Files.isSymbolicLink(file)) {
                throw problem(name, "", "a link to a file that does not exist");
            }
            throw problem(name, "", "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw problem(name, "", "not a regular file (a FIFO, device or socket); srm reads regular files only: "
                    + "save the input to a file first");
        }
        if (whole) {
            try {
                long size = Files.size(file);
                if (size > MAX_BYTES) {
                    throw tooLarge(name, size);
                }
            } catch (IOException e) {
                throw problem(name, "", "cannot be read: " + e.getMessage());
            }
        }
    }

    /** The one line for an input over {@link #MAX_BYTES}. */
    public static InputException tooLarge(String name, long size) {
        return problem(name, "", (size < 0 ? "more than " + MAX_BYTES : Long.toString(size)) + " bytes, over srm's limit of "
                + MAX_BYTES + " bytes (256 MiB) for an input read whole; split it, or give Terraform plans and AWS Config "
                + "inventories as JSON Lines, which are streamed");
    }

    /** The bytes of an input file, or the one-line problem that stops it being read. */
    public static byte[] bytes(Path file) throws InputException {
        String name = file.toString();
        try {
            checkReadable(file, true);
            return Content.utf8(name, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw problem(name, "", "no such file");
        } catch (AccessDeniedException e) {
            throw problem(name, "", "permission denied");
        } catch (IOException e) {
            throw problem(name, "", "cannot be read: " + e.getMessage());
        }
    }

    public static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false;
            }
        }
        return true;
    }

    public static void checkUtf8(String name, byte[] bytes) throws InputException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            decoder.decode(in);
        } catch (CharacterCodingException e) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw problem(name, Integer.toString(line), "not valid UTF-8 (byte offset " + offset
                    + "); save the file as UTF-8");
        }
    }

    public static String where(JsonLocation loc, int lineOffset) {
        if (loc == null || loc.getLineNr() <= 0) {
            return "";
        }
        return (loc.getLineNr() + lineOffset) + ":" + loc.getColumnNr();
    }

    public static String syntax(JsonProcessingException e, Format format) {
        String msg = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage();
        // SnakeYAML: "while parsing X" / " in 'reader', line.." / "    <excerpt>" / "expected Y, but found Z" ...
        // the message lines are the ones that are not indented
        List<String> parts = msg.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(String::trim).toList();
        if (format == Format.YAML && parts.size() > 1 && parts.get(0).startsWith("while ")) {
            msg = parts.get(1) + " (" + parts.get(0) + ")";
        } else {
            msg = parts.isEmpty() ? msg.trim() : parts.get(0);
        }
        msg = msg.replaceAll("\\s*\\(for [A-Za-z]+ starting at \\[Source:.*$", "")
                .replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "") // the place is the line's: where it ended
                .replaceAll("\\[Source:[^\\]]*\\]", "").trim();
        if (msg.startsWith("Duplicate field")) {
            return "duplicate key " + msg.substring("Duplicate field ".length()) + "; each key may appear once";
        }
        return "invalid " + format.name() + ": " + msg;
    }

    /** The JSON type of a value in the words of srm's messages: null, text, a number, a boolean, a list, an object. */
    public static String kind(com.fasterxml.jackson.databind.JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "null";
        }
        return n.isTextual() ? "text" : n.isNumber() ? "a number" : n.isBoolean() ? "a boolean" : n.isArray() ? "a list"
                : n.isObject() ? "an object" : "a value";
    }

    /** What a JSON input that goes on after its value is told (Jackson's FAIL_ON_TRAILING_TOKENS, in srm's words). */
    public static final String SECOND_VALUE = "invalid JSON: a second value after the end of the first; expected one JSON document";

    /**
     * The one line for a parse error: the place (from the error, else from where the parser
     * stopped) and the cause in srm's words, parser limits included.
     */
    public static InputException parseProblem(String name, JsonProcessingException e, com.fasterxml.jackson.core.JsonParser p,
                                              Format format, int lineOffset) {
        JsonLocation loc = e.getLocation();
        if ((loc == null || loc.getLineNr() <= 0) && p != null) {
            loc = p.currentLocation();
        }
        String limit = limit(e);
        String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (limit == null && msg.startsWith("Trailing token")) { // Jackson's FAIL_ON_TRAILING_TOKENS, in srm's words
            limit = SECOND_VALUE + " (JSON Lines: one scenario per line, in a .jsonl file or on standard input)";
        }
        if (limit == null && msg.startsWith("Malformed numeric value")) {
            limit = "a number srm cannot read (" + msg.replaceAll("^Malformed numeric value\\s*", "").replaceAll("[\\r\\n].*", "")
                    + "); expected a finite number, or quote it to make it a string";
        }
        return problem(name, where(loc, lineOffset), limit != null ? limit : syntax(e, format));
    }

    /**
     * The one line for a key given twice in an object, which strict duplicate detection found
     * ({@code e}, thrown by {@code p}): the key's place, its JSON pointer and, when the input's
     * {@code bytes} are at hand, the line of its first use; null when {@code e} is no such error.
     * The last value would otherwise win without a word.
     */
    public static InputException duplicateKey(String name, JsonProcessingException e, com.fasterxml.jackson.core.JsonParser p,
                                              com.fasterxml.jackson.core.JsonFactory factory, byte[] bytes) {
        String msg = e.getOriginalMessage();
        if (msg == null || !msg.startsWith("Duplicate field") || p == null || p.getParsingContext().getCurrentName() == null) {
            return null;
        }
        String key = p.getParsingContext().getCurrentName();
        String pointer = p.getParsingContext().pathAsPointer().toString();
        int[] first = bytes == null ? null : Locator.find(factory, bytes, pointer);
        return problem(name, where(e.getLocation() != null ? e.getLocation() : p.currentLocation(), 0), pointer + ": duplicate key '"
                + key + "'" + (first == null ? "" : " (first at line " + first[0] + ")") + "; each key may appear once");
    }

    private static final java.util.regex.Pattern LIMIT = java.util.regex.Pattern.compile(
            "^(String value|Name|Document nesting depth|Number value|Document|Token count)[^(]*\\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

    /** A parser limit in srm's words, or null when {@code e} is not one. */
    private static String limit(JsonProcessingException e) {
        String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (msg.contains("exceeds the limit") && msg.contains("code points")) {
            return "the document is larger than srm's YAML limit of " + msg.replaceAll("\\D+", " ").trim().split(" ")[0]
                    + " characters; split it";
        }
        if (!(e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) && !msg.contains("exceeds the maximum allowed")) {
            return null;
        }
        java.util.regex.Matcher m = LIMIT.matcher(msg);
        if (!m.find()) {
            return "over one of srm's parser limits (" + msg.replaceAll("\\s*\\(?from `[^`]*`\\)?", "").trim() + ")";
        }
        String max = m.group(3);
        return switch (m.group(1)) {
            case "String value" -> "a string longer than " + max + " characters, srm's limit for one value";
            case "Name" -> "a key longer than " + max + " characters, srm's limit for a key";
            case "Document nesting depth" -> "nested more than " + max + " levels deep, srm's limit; flatten the structure";
            case "Number value" -> "a number of more than " + max + " characters, srm's limit for a number";
            case "Document" -> "a document longer than " + max + " characters, srm's limit";
            default -> "more than " + max + " tokens, srm's limit for one document";
        };
    }

    /** The one-line problem of an input: file, place (line:column or empty) and what was expected. */
    public static InputException problem(String file, String where, String message) {
        return new InputException(new InputProblem(file, where, message));
    }
}
