package dev.drill.picture;

/**
 * A rendered PNG and what a reader needs to show it.
 *
 * @param fileName the attachment's name, e.g. {@code leaderboard.png}
 * @param png the encoded image
 */
public record Picture(String fileName, byte[] png, int width, int height) {

    public Picture {
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }
}
