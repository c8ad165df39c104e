package dev.drill.sim;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * A file the bot attached to a message (a {@code files[n]} part of a multipart request), with its bytes kept
 * so tests can decode it. {@code width} and {@code height} are set for an image, as Discord serves them.
 */
public record SimAttachment(String id, String filename, String contentType, byte[] bytes, int width, int height) {

    public SimAttachment {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public boolean isImage() {
        return width > 0;
    }

    /** An attachment of {@code bytes}; an image (anything ImageIO decodes) gets its size. */
    static SimAttachment of(String id, String filename, String contentType, byte[] bytes) {
        int width = 0;
        int height = 0;
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image != null) {
                width = image.getWidth();
                height = image.getHeight();
            }
        } catch (IOException e) {
            // Not an image: served without a size, as Discord does.
        }
        return new SimAttachment(id, filename, contentType, bytes, width, height);
    }
}
