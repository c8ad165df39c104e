package dev.drill.config;

import java.util.List;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which of Discord's shards this process runs ({@code drill.discord.shards.*}). {@code total} unset: Discord's
 * recommended count, and this process runs all of them. {@code mine} is a list of shard ids and ranges
 * ({@code 0-3}, {@code 0,2}); unset: every shard of {@code total}. A guild belongs to shard
 * {@code (guild_id >> 22) % total}, and only the process that runs that shard schedules its rounds.
 */
@ConfigurationProperties("drill.discord.shards")
public record ShardSettings(Integer total, String mine) {

    public ShardSettings {
        mine = mine == null || mine.isBlank() ? null : mine.strip();
        if (total != null && total < 1) {
            throw new IllegalArgumentException("drill.discord.shards.total must be at least 1 (it is " + total
                    + "); leave it unset for" + " Discord's recommended count");
        }
        if (mine != null && total == null) {
            throw new IllegalArgumentException("drill.discord.shards.mine (" + mine
                    + ") needs drill.discord.shards.total: a process can only own some shards of a known total");
        }
        if (mine != null) {
            parse(mine, total);
        }
    }

    /** The shards this process runs, or empty for "all of the recommended count". */
    public List<Integer> mineOrAll() {
        if (total == null) {
            return List.of();
        }
        if (mine == null) {
            return java.util.stream.IntStream.range(0, total).boxed().toList();
        }
        return parse(mine, total);
    }

    /** {@code 0-3,5} → [0, 1, 2, 3, 5]; every id must lie in 0..total-1, with a sentence naming the bad one. */
    static List<Integer> parse(String mine, int total) {
        TreeSet<Integer> ids = new TreeSet<>();
        for (String part : mine.split(",")) {
            String item = part.strip();
            String[] range = item.split("-", -1);
            try {
                int from = Integer.parseInt(range[0].strip());
                int to = range.length == 2 ? Integer.parseInt(range[1].strip()) : from;
                if (range.length > 2 || to < from) {
                    throw new NumberFormatException(item);
                }
                for (int id = from; id <= to; id++) {
                    if (id < 0 || id >= total) {
                        throw new IllegalArgumentException("drill.discord.shards.mine (" + mine + ") names shard " + id
                                + ", outside 0.." + (total - 1) + " of drill.discord.shards.total=" + total);
                    }
                    ids.add(id);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("drill.discord.shards.mine (" + mine + ") is not a list of shard"
                        + " ids and ranges such as 0-3 or 0,2: '" + item + "'");
            }
        }
        return List.copyOf(ids);
    }
}
