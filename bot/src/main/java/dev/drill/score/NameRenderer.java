package dev.drill.score;

import dev.drill.discord.DiscordEdge;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;

/**
 * Names as embeds show them: cut to Discord's own name length and with markdown, masked links and mention
 * syntax escaped, so a member named {@code **[win](https://x)**} shows as typed and cannot break a layout.
 */
@DiscordEdge
final class NameRenderer {

    static final int MAX = 32;

    private NameRenderer() {}

    static String render(long memberId, String name) {
        if (name == null || name.isBlank()) {
            // Discord renders the mention as the member's current name; embeds never ping.
            return "<@" + memberId + ">";
        }
        String flat = name.strip().replaceAll("\\s+", " ");
        if (flat.codePointCount(0, flat.length()) > MAX) {
            flat = flat.substring(0, flat.offsetByCodePoints(0, MAX - 1)).stripTrailing() + "…";
        }
        String escaped = MarkdownSanitizer.escape(flat);
        StringBuilder out = new StringBuilder(escaped.length() + 8);
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if ((c == '[' || c == ']' || c == '<' || c == '>' || c == '#' || c == '@') && !escapedAt(escaped, i)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean escapedAt(String s, int i) {
        return i > 0 && s.charAt(i - 1) == '\\';
    }
}
