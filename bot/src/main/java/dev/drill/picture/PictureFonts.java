package dev.drill.picture;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The two faces every picture uses, DejaVu Sans and DejaVu Sans Bold, loaded once from the jar. A system font
 * would make the picture depend on the machine; these files travel with Drill (licence next to them).
 */
final class PictureFonts {

    static final Font REGULAR = load("fonts/DejaVuSans.ttf");
    static final Font BOLD = load("fonts/DejaVuSans-Bold.ttf");

    private PictureFonts() {}

    static Font regular(float size) {
        return REGULAR.deriveFont(size);
    }

    static Font bold(float size) {
        return BOLD.deriveFont(size);
    }

    private static Font load(String resource) {
        try (InputStream in = PictureFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The bundled font " + resource + " is not on the classpath");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the bundled font " + resource, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("The bundled font " + resource + " is not a TrueType font", e);
        }
    }
}
