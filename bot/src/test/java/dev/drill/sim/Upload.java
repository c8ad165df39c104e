package dev.drill.sim;

import java.nio.charset.StandardCharsets;

/** A file a member attaches to a command's attachment option, e.g. {@code Upload.text("q.yaml", yaml)}. */
public record Upload(String filename, String contentType, byte[] bytes) {

    public Upload {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public static Upload text(String filename, String text) {
        return new Upload(filename, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }
}
