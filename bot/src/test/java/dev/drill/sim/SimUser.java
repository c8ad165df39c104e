package dev.drill.sim;

/** A Discord user of the simulation: a member (alice, bob, carol, admin), the bot, or otherbot. */
public record SimUser(String id, String name, boolean bot) {}
