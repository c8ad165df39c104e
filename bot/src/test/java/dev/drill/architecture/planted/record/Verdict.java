package dev.drill.architecture.planted.record;

import org.springframework.util.Assert;

/** Planted: a domain record that leans on Spring. */
public record Verdict(String text) {
    public Verdict {
        Assert.hasText(text, "text");
    }
}
