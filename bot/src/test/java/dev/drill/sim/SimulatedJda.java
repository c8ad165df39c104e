package dev.drill.sim;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;

/** Builds a real JDA pointed at a simulator, the way DISCORD-SIM.md says: three builder settings, light cache. */
final class SimulatedJda {

    private SimulatedJda() {}

    static JDA connect(DiscordSimulator sim, Object... listeners) throws InterruptedException {
        return builder(sim, listeners).build().awaitReady();
    }

    /** One shard of {@code total}, as one process of a sharded bot runs it; it hears DMs too (shard 0 gets them). */
    static JDA connectShard(DiscordSimulator sim, int shardId, int total, Object... listeners)
            throws InterruptedException {
        return builder(sim, listeners)
                .enableIntents(GatewayIntent.DIRECT_MESSAGES)
                .useSharding(shardId, total)
                .build()
                .awaitReady();
    }

    private static JDABuilder builder(DiscordSimulator sim, Object... listeners) {
        return JDABuilder.createLight(
                        sim.botToken(),
                        GatewayIntent.GUILD_MESSAGES,
                        GatewayIntent.MESSAGE_CONTENT,
                        GatewayIntent.GUILD_MESSAGE_REACTIONS)
                // 1. REST goes to the simulator's /api/v10/ ...
                .setRestConfig(new RestConfig().setBaseUrl(sim.restBaseUrl()))
                // 2. ... the gateway URL comes from the session controller (a plain JDABuilder never asks REST) ...
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return sim.gatewayUrl();
                    }
                })
                // 3. ... and frames are plain JSON text.
                .setCompression(Compression.NONE)
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .setChunkingFilter(ChunkingFilter.NONE)
                .addEventListeners(listeners);
    }
}
