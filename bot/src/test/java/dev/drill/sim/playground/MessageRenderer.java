package dev.drill.sim.playground;

import dev.drill.sim.SimAttachment;
import dev.drill.sim.SimMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Renders what the bot sent as the readable block of the transcript: a {@code [#channel] Drill:} header, embeds
 * as indented lines, attached pictures as {@code [image name.png WxH]}, buttons in brackets; mentions, timestamps and message links become names and times, so
 * the text reads well and holds no ids.
 */
public final class MessageRenderer {

    /** How the renderer learns names; the playground answers from the simulator, tests from a map. */
    public interface Naming {

        /** e.g. {@code #daily-drill}, or {@code #daily-drill › Drill 2040-12-03 · caching} for a thread. */
        String channel(String channelId);

        String user(String userId);

        String role(String roleId);

        /** The zone to show times in: the guild's once Drill is set up, else UTC. */
        ZoneId zone();
    }

    static final String INDENT = "  ";

    /** Named, so that formatted times say UTC rather than Z. */
    static final ZoneId UTC = ZoneId.of("UTC");

    private static final DateTimeFormatter FULL =
            DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ENGLISH);

    private static final Pattern MARKUP =
            Pattern.compile("<#(\\d+)>|<@!?(\\d+)>|<@&(\\d+)>|<t:(-?\\d+)(?::([tTdDfFR]))?>"
                    + "|https://(?:(?:ptb|canary)\\.)?discord(?:app)?\\.com/channels/\\d+/(\\d+)(?:/\\d+)?");

    private final Naming naming;

    public MessageRenderer(Naming naming) {
        this.naming = naming;
    }

    /**
     * The block for one message the bot created or edited; {@code now} is when it was sent, for relative times
     * such as "in 1 day".
     */
    public String render(SimMessage message) {
        Instant now = message.editedTimestamp() != null ? message.editedTimestamp() : message.timestamp();
        Function<String, String> text = s -> markup(s, now);
        List<String> marks = new ArrayList<>();
        if (message.ephemeral()) {
            marks.add("only you");
        }
        if (message.editedTimestamp() != null) {
            marks.add("edited");
        }
        StringBuilder block = new StringBuilder();
        block.append('[')
                .append(naming.channel(message.channelId()))
                .append("] Drill")
                .append(marks.isEmpty() ? "" : " (" + String.join(", ", marks) + ")")
                .append(':');
        List<String> content = message.content().isEmpty()
                ? List.of()
                : text.apply(message.content()).lines().toList();
        if (!content.isEmpty()) {
            block.append(' ').append(content.get(0));
            content.subList(1, content.size()).forEach(line -> newLine(block, INDENT, line));
        }
        if (message.embeds() != null) {
            for (JsonNode embed : message.embeds()) {
                embed(block, embed, text);
            }
        }
        for (SimAttachment attachment : message.attachments()) {
            block.append('\n').append(INDENT).append(attachment(attachment));
        }
        if (message.components() != null) {
            for (JsonNode row : message.components()) {
                String buttons = row(row);
                if (!buttons.isEmpty()) {
                    block.append('\n').append(INDENT).append(buttons);
                }
            }
        }
        return block.toString();
    }

    /** {@code [image leaderboard.png 640x364]}, or {@code [file notes.txt 120 bytes]} for anything else. */
    static String attachment(SimAttachment attachment) {
        return attachment.isImage()
                ? "[image " + attachment.filename() + " " + attachment.width() + "x" + attachment.height() + "]"
                : "[file " + attachment.filename() + " " + attachment.bytes().length + " bytes]";
    }

    private static void embed(StringBuilder block, JsonNode embed, Function<String, String> text) {
        line(block, INDENT, embed.path("author").path("name").asString(""), text);
        line(block, INDENT, embed.path("title").asString(""), text);
        line(block, INDENT, embed.path("description").asString(""), text);
        for (JsonNode field : embed.path("fields")) {
            // A one-line value reads best beside its name; a list goes under it.
            List<String> lines =
                    text.apply(field.path("value").asString("")).lines().toList();
            block.append('\n')
                    .append(INDENT)
                    .append(text.apply(field.path("name").asString("")))
                    .append(':');
            if (lines.size() == 1) {
                block.append(' ').append(lines.get(0));
            } else {
                lines.forEach(l -> newLine(block, INDENT + INDENT, l));
            }
        }
        line(block, INDENT, embed.path("footer").path("text").asString(""), text);
    }

    private static void line(StringBuilder block, String indent, String value, Function<String, String> text) {
        if (!value.isEmpty()) {
            text.apply(value).lines().forEach(l -> newLine(block, indent, l));
        }
    }

    /** An empty line stays empty: no trailing spaces in the transcript. */
    private static void newLine(StringBuilder block, String indent, String line) {
        block.append('\n');
        if (!line.isEmpty()) {
            block.append(indent).append(line);
        }
    }

    /** One action row: buttons as {@code [label]}, a link button with its address, a select by its placeholder. */
    private static String row(JsonNode row) {
        if (row.path("type").asInt() != 1) {
            return component(row);
        }
        return row.path("components")
                .valueStream()
                .map(MessageRenderer::component)
                .collect(Collectors.joining(" "));
    }

    private static String component(JsonNode c) {
        String part;
        if (c.path("type").asInt() == 2) {
            String label = c.path("label").asString(c.path("emoji").path("name").asString("?"));
            String url = c.path("url").asString("");
            part = label + (url.isEmpty() ? "" : " → " + url);
        } else {
            part = c.path("placeholder").asString("choose…") + " ▾";
        }
        return "[" + part + (c.path("disabled").asBoolean(false) ? " (disabled)" : "") + "]";
    }

    /** Mentions to names, Discord timestamps to times in the zone, message links to where they point. */
    String markup(String text, Instant now) {
        Matcher m = MARKUP.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) != null) {
                replacement = naming.channel(m.group(1));
            } else if (m.group(2) != null) {
                replacement = "@" + naming.user(m.group(2));
            } else if (m.group(3) != null) {
                replacement = "@" + naming.role(m.group(3));
            } else if (m.group(4) != null) {
                replacement = timestamp(Instant.ofEpochSecond(Long.parseLong(m.group(4))), m.group(5), now);
            } else {
                replacement = naming.channel(m.group(6));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String timestamp(Instant at, String style, Instant now) {
        ZoneId zone = naming.zone();
        return switch (style == null ? "f" : style) {
            case "t", "T" -> TIME.format(at.atZone(zone));
            case "d", "D" -> DATE.format(at.atZone(zone));
            // As Discord shows it; the absolute time is in the clock lines, and the bot often writes it beside.
            case "R" -> relative(Duration.between(now, at));
            default -> FULL.format(at.atZone(zone));
        };
    }

    /** The time shown before a group of blocks: {@code Mon 2040-12-03 09:00 CET (08:00 UTC)}. */
    public String clock(Instant at) {
        ZoneId zone = naming.zone();
        String local = FULL.format(at.atZone(zone));
        return zone.normalized().equals(ZoneOffset.UTC) ? local : local + " (" + TIME.format(at.atZone(UTC)) + ")";
    }

    /** Like Discord's relative timestamps: "in 1 day", "3 hours ago", rounded to the largest whole unit. */
    static String relative(Duration between) {
        long seconds = Math.abs(between.getSeconds());
        String amount;
        if (seconds < 60) {
            amount = plural(seconds, "second");
        } else if (seconds < 3600) {
            amount = plural(Math.round(seconds / 60.0), "minute");
        } else if (seconds < 86400) {
            amount = plural(Math.round(seconds / 3600.0), "hour");
        } else {
            amount = plural(Math.round(seconds / 86400.0), "day");
        }
        return between.isNegative() ? amount + " ago" : "in " + amount;
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
