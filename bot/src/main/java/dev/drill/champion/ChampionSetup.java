package dev.drill.champion;

import dev.drill.discord.DiscordEdge;
import dev.drill.discord.SetupPart;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.springframework.stereotype.Component;

/**
 * The champion's options of {@code /drill-admin setup}: {@code champion-role} (cleared with
 * {@code clear:champion-role}) and {@code champion-period}. The role is checked before anything is saved:
 * Drill needs Manage Roles and a highest role above it.
 */
@DiscordEdge
@Component
final class ChampionSetup implements SetupPart {

    static final String ROLE = "champion-role";
    static final String PERIOD = "champion-period";

    private final ChampionStore store;

    ChampionSetup(ChampionStore store) {
        this.store = store;
    }

    @Override
    public List<OptionData> options() {
        return List.of(
                new OptionData(OptionType.ROLE, ROLE, "A role for the #1 of the last week or month (default: none)"),
                new OptionData(OptionType.STRING, PERIOD, "Whose #1 gets the champion role (default: week)")
                        .addChoice("week", "week")
                        .addChoice("month", "month")
                        .setMaxLength(5));
    }

    @Override
    public List<String> clearable() {
        return List.of(ROLE);
    }

    @Override
    public SetupChange read(SlashCommandInteractionEvent event, Set<String> cleared) {
        Role role = event.getOption(ROLE, null, OptionMapping::getAsRole);
        String period = event.getOption(PERIOD, null, OptionMapping::getAsString);
        boolean clear = cleared.contains(ROLE);
        if (role == null && period == null && !clear) {
            return SetupChange.NONE;
        }
        if (period != null && !period.equals("week") && !period.equals("month")) {
            return SetupChange.refuse("`champion-period` is `week` or `month`.");
        }
        if (role != null) {
            List<String> missing = ChampionRoles.missing(event.getGuild().getSelfMember(), role);
            if (!missing.isEmpty()) {
                return SetupChange.refuse(
                        "I can't give " + role.getAsMention() + " yet: I need " + String.join(" and ", missing) + ".");
            }
        }
        long guild = event.getGuild().getIdLong();
        Optional<Long> saveRole =
                clear ? Optional.of(0L) : Optional.ofNullable(role).map(Role::getIdLong);
        Optional<String> savePeriod = Optional.ofNullable(period);
        return SetupChange.accept(() -> store.saveSettings(guild, saveRole, savePeriod));
    }

    @Override
    public Map<String, String> describe(long guild) {
        Map<String, String> fields = new LinkedHashMap<>();
        long role = store.role(guild);
        fields.put("Champion", role == 0 ? "off" : "<@&" + role + ">, the #1 of each " + store.period(guild));
        return fields;
    }
}
