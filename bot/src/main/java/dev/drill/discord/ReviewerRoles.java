package dev.drill.discord;

/** The reviewer role a guild's admins chose (0 when none): what {@link Access#REVIEWER} needs to know. */
public interface ReviewerRoles {

    long reviewerRole(long guild);
}
