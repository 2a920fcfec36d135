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

    /** The bytes of an input file, or the one-line problem that stops it being read. */
    public static byte[] bytes(Path file) throws InputException {
        String name = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw problem(name, "", "is a directory, expected a file");
            }
            return Files.readAllBytes(file);
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
        msg = msg.replaceAll("\\s*\\(for [A-Za-z]+ starting at \\[Source:.*$", "").replaceAll("\\[Source:[^\\]]*\\]", "").trim();
        if (msg.startsWith("Duplicate field")) {
            return "duplicate key " + msg.substring("Duplicate field ".length()) + "; each key may appear once";
        }
        return "invalid " + format.name() + ": " + msg;
    }

    /** The one-line problem of an input: file, place (line:column or empty) and what was expected. */
    public static InputException problem(String file, String where, String message) {
        return new InputException(new InputProblem(file, where, message));
    }
}
