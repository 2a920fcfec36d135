package dev.srm.input;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** The content of an input file as a stream, gzip undone when the file is gzipped (by its first bytes, not its name). */
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
                return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
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

    /** The one line for a gzip stream that ends early or is corrupt. */
    public static InputException broken(String name, IOException e) {
        if (e instanceof EOFException) {
            return InputFiles.problem(name, "", "truncated gzip: the compressed data ends before its end marker; the file is incomplete (copy it again)");
        }
        return InputFiles.problem(name, "", "corrupt gzip: " + e.getMessage() + "; the file is damaged (copy it again)");
    }
}
