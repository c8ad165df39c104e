package dev.drill.picture;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * One picture being drawn: an opaque RGB image with every rendering hint fixed (greyscale antialiasing,
 * fractional metrics, pure strokes), so nothing is left to the machine's defaults, and a PNG encoder that
 * writes only the image, in memory (the JDK's PNG writer adds no time or text chunks unless asked).
 */
final class Canvas implements AutoCloseable {

    static final Color BACKGROUND = new Color(0x2B2D31);
    static final Color PANEL = new Color(0x313338);
    static final Color TEXT = new Color(0xF2F3F5);
    static final Color MUTED = new Color(0xA5ABB3);
    static final Color ACCENT = new Color(0x3BA55D);
    static final Color UP = new Color(0x3BA55D);
    static final Color DOWN = new Color(0xED4245);
    static final Color EMPTY = new Color(0x404249);

    final BufferedImage image;
    final Graphics2D g;

    Canvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_DITHERING, RenderingHints.VALUE_DITHER_DISABLE);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_ALPHA_INTERPOLATION, RenderingHints.VALUE_ALPHA_INTERPOLATION_QUALITY);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, width, height);
    }

    /** Draws {@code text} with its baseline at {@code y}, left-aligned at {@code x}. */
    void text(String text, Font font, Color color, float x, float y) {
        g.setFont(font);
        g.setColor(color);
        g.drawString(text, x, y);
    }

    /** Draws {@code text} right-aligned so that it ends at {@code right}. */
    void textRight(String text, Font font, Color color, float right, float y) {
        g.setFont(font);
        text(text, font, color, right - g.getFontMetrics().stringWidth(text), y);
    }

    /** Draws {@code text} centred on {@code centre}. */
    void textCentred(String text, Font font, Color color, float centre, float y) {
        g.setFont(font);
        text(text, font, color, centre - g.getFontMetrics().stringWidth(text) / 2f, y);
    }

    java.awt.FontMetrics metrics(Font font) {
        return g.getFontMetrics(font);
    }

    Picture png(String fileName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        // In memory: ImageIO.write would cache through a temp file by default.
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return new Picture(fileName, out.toByteArray(), image.getWidth(), image.getHeight());
    }

    @Override
    public void close() {
        g.dispose();
    }
}
