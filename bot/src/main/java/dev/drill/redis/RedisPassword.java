package dev.drill.redis;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Redis's password: random, one per data folder, kept in a file there that only its owner may
 * read or write (mode 0600, set as the file is created). The value is a secret: never log it.
 */
final class RedisPassword {

    private static final Logger log = LoggerFactory.getLogger(RedisPassword.class);

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** What Drill writes (32 url-safe characters), and what it accepts from an operator: 16 or more of them. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{16,}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private RedisPassword() {}

    /** The password kept in {@code file}, written there first if there is none. */
    static String loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!password.isEmpty()) {
                if (!VALID.matcher(password).matches()) {
                    throw new IllegalStateException(file + " does not hold a password Drill can use (16 or more of"
                            + " A-Z a-z 0-9 - _); delete it and Drill writes a new one.");
                }
                ownerOnly(file);
                return password;
            }
        }
        String password = generate();
        write(file, password);
        return password;
    }

    static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Written whole under a temporary name and moved into place, so a crash never leaves half a password. */
    private static void write(Path file, String password) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        try (FileChannel channel = FileChannel.open(
                partial,
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                ownerOnlyAttribute(file))) {
            channel.write(ByteBuffer.wrap((password + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        log.info("Wrote a new password for the embedded Redis to {} (readable by its owner only)", file);
    }

    private static FileAttribute<?>[] ownerOnlyAttribute(Path file) {
        return posix(file.getFileSystem())
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    /** A password file someone opened up (or copied without its mode) is made owner-only again. */
    private static void ownerOnly(Path file) throws IOException {
        if (posix(file.getFileSystem()) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            log.warn("{} could be read by others: it is owner-only (0600) again", file);
        }
    }

    private static boolean posix(FileSystem fileSystem) {
        return fileSystem.supportedFileAttributeViews().contains("posix");
    }
}
