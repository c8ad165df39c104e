package dev.drill.picture;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A checked-in PNG a rendered picture must match pixel for pixel: both are decoded and their sizes and every
 * RGB value compared (not the bytes, so a different zlib level in another JDK cannot fail it while the
 * picture is the same). Written only with {@code -Ddrill.updateSnapshots=true}, like the command snapshot;
 * a mismatch leaves the rendered picture in {@code target/pictures/} to look at.
 */
final class GoldenImage {

    static final String UPDATE_PROPERTY = "drill.updateSnapshots";

    private GoldenImage() {}

    /** {@code name} is the file under src/test/resources/pictures/, e.g. {@code leaderboard-week.png}. */
    static void assertMatches(String name, Picture picture) {
        Path golden = module().resolve(Path.of("src", "test", "resources", "pictures", name));
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            write(golden, picture.png());
            return;
        }
        if (!Files.exists(golden)) {
            Path actual = write(module().resolve(Path.of("target", "pictures", name)), picture.png());
            throw new AssertionError("There is no golden image " + golden + " yet. Look at " + actual
                    + " and write it with -D" + UPDATE_PROPERTY + "=true.");
        }
        BufferedImage expected = decode(read(golden));
        BufferedImage actual = decode(picture.png());
        String difference = difference(expected, actual);
        if (difference != null) {
            Path written = write(module().resolve(Path.of("target", "pictures", name)), picture.png());
            throw new AssertionError("The picture differs from the golden image " + golden + ": " + difference
                    + ". The rendered one is " + written + "; if the change is intended, run again with -D"
                    + UPDATE_PROPERTY + "=true and commit the file.");
        }
    }

    /** Null when both have the same size and pixels, else what differs. */
    static String difference(BufferedImage expected, BufferedImage actual) {
        if (expected.getWidth() != actual.getWidth() || expected.getHeight() != actual.getHeight()) {
            return "size " + actual.getWidth() + "x" + actual.getHeight() + " instead of " + expected.getWidth() + "x"
                    + expected.getHeight();
        }
        long differing = 0;
        int firstX = -1;
        int firstY = -1;
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                if ((expected.getRGB(x, y) & 0xFFFFFF) != (actual.getRGB(x, y) & 0xFFFFFF)) {
                    if (differing++ == 0) {
                        firstX = x;
                        firstY = y;
                    }
                }
            }
        }
        return differing == 0 ? null : differing + " pixels differ, the first at (" + firstX + ", " + firstY + ")";
    }

    static BufferedImage decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new AssertionError("Not a PNG ImageIO can read (" + png.length + " bytes)");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path module() {
        // Maven runs tests in the module folder; an IDE may run them from the repository root.
        return Files.isDirectory(Path.of("src", "test", "java")) ? Path.of(".") : Path.of("bot");
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
