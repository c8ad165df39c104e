package dev.drill.sim;

import java.time.Instant;

/**
 * A text channel (type 0), public thread (type 11), private thread (type 12) or the bot's DM with a user (type 1, no guild; its
 * {@code ownerId} is the recipient) as the simulator holds it. {@code botAllow} and {@code botDeny} are the
 * bot's member permission overwrite; a thread inherits its parent's.
 */
public record SimChannel(
        String id,
        String guildId,
        String name,
        int type,
        String parentId,
        String ownerId,
        boolean locked,
        boolean archived,
        int autoArchiveDuration,
        Instant archiveTimestamp,
        Instant createdAt,
        long botAllow,
        long botDeny,
        int messageCount) {

    static final int GUILD_TEXT = 0;
    static final int DM = 1;
    static final int PUBLIC_THREAD = 11;
    static final int PRIVATE_THREAD = 12;

    static SimChannel text(String id, String guildId, String name, Instant now) {
        return new SimChannel(id, guildId, name, GUILD_TEXT, null, null, false, false, 0, null, now, 0, 0, 0);
    }

    static SimChannel thread(
            String id, String parent, String guildId, String name, String owner, int archiveAfter, Instant now) {
        return new SimChannel(
                id, guildId, name, PUBLIC_THREAD, parent, owner, false, false, archiveAfter, now, now, 0, 0, 0);
    }

    /** A private thread not started from a message: only its members (and Manage Threads) see it. */
    static SimChannel privateThread(
            String id, String parent, String guildId, String name, String owner, int archiveAfter, Instant now) {
        return new SimChannel(
                id, guildId, name, PRIVATE_THREAD, parent, owner, false, false, archiveAfter, now, now, 0, 0, 0);
    }

    static SimChannel dm(String id, String recipientId, Instant now) {
        return new SimChannel(id, null, null, DM, null, recipientId, false, false, 0, null, now, 0, 0, 0);
    }

    public boolean isDm() {
        return type == DM;
    }

    public boolean isThread() {
        return type == PUBLIC_THREAD || type == PRIVATE_THREAD;
    }

    public boolean isPrivateThread() {
        return type == PRIVATE_THREAD;
    }

    SimChannel withState(boolean locked, boolean archived, Instant at) {
        Instant stamp = archived != this.archived || locked != this.locked ? at : archiveTimestamp;
        return new SimChannel(
                id,
                guildId,
                name,
                type,
                parentId,
                ownerId,
                locked,
                archived,
                autoArchiveDuration,
                stamp,
                createdAt,
                botAllow,
                botDeny,
                messageCount);
    }

    SimChannel withNameAndArchiveAfter(String name, int archiveAfter) {
        return new SimChannel(
                id,
                guildId,
                name,
                type,
                parentId,
                ownerId,
                locked,
                archived,
                archiveAfter,
                archiveTimestamp,
                createdAt,
                botAllow,
                botDeny,
                messageCount);
    }

    SimChannel withBotOverwrite(long allow, long deny) {
        return new SimChannel(
                id,
                guildId,
                name,
                type,
                parentId,
                ownerId,
                locked,
                archived,
                autoArchiveDuration,
                archiveTimestamp,
                createdAt,
                allow,
                deny,
                messageCount);
    }

    SimChannel withMessageCount(int count) {
        return new SimChannel(
                id,
                guildId,
                name,
                type,
                parentId,
                ownerId,
                locked,
                archived,
                autoArchiveDuration,
                archiveTimestamp,
                createdAt,
                botAllow,
                botDeny,
                count);
    }
}
