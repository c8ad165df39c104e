/**
 * A local Discord for tests and the playground: REST checked against Discord's OpenAPI document (vendored in test
 * resources under {@code discord-api-spec/}) and a gateway that speaks enough of Discord's protocol for JDA.
 *
 * <p>Start one with {@link dev.drill.sim.DiscordSimulator#start(dev.drill.sim.MutableClock)} and point a real JDA at
 * it with three builder settings: {@code setRestConfig(new RestConfig().setBaseUrl(sim.restBaseUrl()))}, a
 * {@code ConcurrentSessionController} whose {@code getGateway()} returns {@code sim.gatewayUrl()}, and
 * {@code setCompression(Compression.NONE)} ({@code SimulatedJda} in the tests does exactly this). Act as members with
 * {@link dev.drill.sim.DiscordSimulator#as(String)}, observe with {@code messages}, {@code responses},
 * {@code threads}, {@code requests}, {@code events}, wait with the {@code await…} methods, and end a test with
 * {@link dev.drill.sim.DiscordSimulator#assertNoProblems()}: every request body was checked against Discord's
 * OpenAPI spec.
 *
 * <p>Discord's pace is opt-in: {@code rateLimits(true)} (global 50/s, per-route buckets with the X-RateLimit-*
 * headers), {@code latency(Duration)}, {@code shards(n)}; the counters ({@code requestCountsByRoute()},
 * {@code globalRateLimited()}, {@code routeRateLimited()}, {@code peakRequestsPerSecond()}) run either way.
 *
 * <p>Keep the simulated clock at or after the wall clock when the bot defers or follows up: JDA judges an
 * interaction's 15-minute expiry by the wall clock, from the time in the interaction's id.
 */
package dev.drill.sim;
