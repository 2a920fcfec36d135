package dev.srm.input;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The content of an input file as a stream, gzip undone when the file is gzipped (by its first
 * bytes, not its name), and UTF-16 text with a byte order mark read as UTF-8 (see {@link #utf8}).
 */
public final class Content {
    /** How much of a file detection by content looks at. */
    public static final int HEAD = 64 * 1024;

    private Content() {
    }

    /** Opens a file, decompressing it when it starts with the gzip magic bytes. */
    public static InputStream open(Path file) throws InputException {
        String name = file.toString();
        try {
            InputFiles.checkReadable(file, false);
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
                in.mark(2);
                b0 = in.read();
                b1 = in.read();
                in.reset();
            }
            if (utf16(b0, b1) != null) { // read whole: UTF-16 inputs are not streamed
                try (InputStream whole = in) {
                    byte[] bytes = whole.readNBytes((int) InputFiles.MAX_BYTES + 1);
                    if (bytes.length > InputFiles.MAX_BYTES) {
                        throw InputFiles.tooLarge(name, -1);
                    }
                    return new ByteArrayInputStream(utf8(name, bytes));
                }
            }
            return in;
        } catch (NoSuchFileException e) {
            throw InputFiles.problem(name, "", "no such file");
        } catch (AccessDeniedException e) {
            throw InputFiles.problem(name, "", "permission denied");
        } catch (ZipException | EOFException e) {
            throw broken(name, e);
        } catch (IOException e) {
            throw InputFiles.problem(name, "", "cannot be read: " + e.getMessage());
        }
    }

    /** The first {@link #HEAD} bytes of a file's content (decompressed). */
    public static byte[] head(Path file) throws InputException {
        try (InputStream in = open(file)) {
            return in.readNBytes(HEAD);
        } catch (EOFException | ZipException e) {
            throw broken(file.toString(), e);
        } catch (IOException e) {
            throw InputFiles.problem(file.toString(), "", "cannot be read: " + e.getMessage());
        }
    }

    /** The whole content of a file (decompressed). */
    public static byte[] bytes(Path file) throws InputException {
        InputFiles.checkReadable(file, true);
        try (InputStream in = open(file)) {
            byte[] bytes = in.readNBytes((int) InputFiles.MAX_BYTES + 1);
            if (bytes.length > InputFiles.MAX_BYTES) {
                throw InputFiles.tooLarge(file.toString(), -1);
            }
            return bytes;
        } catch (EOFException | ZipException e) {
            throw broken(file.toString(), e);
        } catch (IOException e) {
            throw InputFiles.problem(file.toString(), "", "cannot be read: " + e.getMessage());
        }
    }

    /**
     * Text that starts with a UTF-16 byte order mark, as UTF-8 without it; other bytes as they
     * are. Windows PowerShell 5 writes redirected output as UTF-16 ({@code terraform show -json
     * plan > plan.json}), and JSON and YAML readers take UTF-8. Text that is not valid UTF-16 is
     * the input's one problem, never read with replacement characters.
     */
    public static byte[] utf8(String name, byte[] bytes) throws InputException {
        Charset charset = bytes.length < 2 ? null : utf16(bytes[0] & 0xff, bytes[1] & 0xff);
        if (charset == null) {
            return bytes;
        }
        try {
            CharBuffer text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 2, bytes.length - 2));
            ByteBuffer out = StandardCharsets.UTF_8.newEncoder().encode(text);
            byte[] utf8 = new byte[out.remaining()];
            out.get(utf8);
            return utf8;
        } catch (CharacterCodingException e) {
            throw InputFiles.problem(name, "", "starts with a UTF-16 byte order mark but is not valid UTF-16 (" + charset
                    + "); save the file as UTF-8");
        }
    }

    /** The UTF-16 charset a byte order mark names, or null. */
    private static Charset utf16(int b0, int b1) {
        if (b0 == 0xff && b1 == 0xfe) {
            return StandardCharsets.UTF_16LE;
        }
        return b0 == 0xfe && b1 == 0xff ? StandardCharsets.UTF_16BE : null;
    }

    /** The one line for a gzip stream that ends early or is corrupt. */
    public static InputException broken(String name, IOException e) {
        if (e instanceof EOFException) {
            return InputFiles.problem(name, "", "truncated gzip: the compressed data ends before its end marker; the file is incomplete (copy it again)");
        }
        return InputFiles.problem(name, "", "corrupt gzip: " + e.getMessage() + "; the file is damaged (copy it again)");
    }
}
