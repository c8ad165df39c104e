package dev.drill.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AwardBestAnswerCommandTests {

    private final CommandData definition = new AwardBestAnswerCommand(null).definition();

    @Test
    @DisplayName("'Award best answer' is a message command, in servers only, shown by default to Manage Server only")
    void definition() {
        assertThat(definition.getType()).isEqualTo(Command.Type.MESSAGE);
        assertThat(definition.getName()).isEqualTo("Award best answer");
        assertThat(definition.getContexts()).isEqualTo(Set.of(InteractionContextType.GUILD));
        assertThat(definition.getDefaultPermissions().getPermissionsRaw())
                .isEqualTo(Permission.MANAGE_SERVER.getRawValue());
    }

    @Test
    @DisplayName("it declares the reviewer access: Manage Server or the reviewer role, checked by the router")
    void access() {
        assertThat(new AwardBestAnswerCommand(null).access()).isEqualTo(dev.drill.discord.Access.REVIEWER);
    }

    @Test
    @DisplayName("the public note escapes the author's markdown and pings nobody by itself")
    void publicNote() {
        String note = AwardBestAnswerCommand.publicNote("**Ada**");

        assertThat(note).isEqualTo("🏅 Best answer of this round, by \\*\\*Ada\\*\\* (chosen by a moderator).");
    }
}
