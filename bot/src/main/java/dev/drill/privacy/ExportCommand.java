package dev.drill.privacy;

import dev.drill.discord.AdminSubcommand;
import dev.drill.discord.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.utils.FileUpload;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /drill-admin export}: a JSON file of what Drill keeps of this server, one section per
 * {@link ExportSection}, sent to the admin alone, with a reply that lists what it holds.
 */
@Component
final class ExportCommand extends AdminSubcommand {

    static final String NAME = "export";

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final List<ExportSection> sections;

    ExportCommand(List<ExportSection> sections) {
        super(NAME, "A JSON file of what Drill keeps of this server: settings, rounds, boards");
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(ExportSection::order).thenComparing(ExportSection::name))
                .toList();
    }

    @Override
    public Reply reply() {
        return Reply.DEFERRED_PRIVATE;
    }

    @Override
    public void onCommand(SlashCommandInteractionEvent event) {
        long guild = event.getGuild().getIdLong();
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("guild", Long.toString(guild));
        List<String> summary = new ArrayList<>();
        for (ExportSection section : sections) {
            ExportSection.Part part = section.export(guild);
            file.put(section.name(), part.data());
            summary.add(part.summary());
        }
        byte[] json = JSON.writeValueAsString(file).getBytes(StandardCharsets.UTF_8);
        event.getHook()
                .sendMessage("Here is what Drill keeps of this server: " + String.join("; ", summary)
                        + ". Only you see this file.")
                .addFiles(FileUpload.fromData(json, "drill-export-" + guild + ".json"))
                .setEphemeral(true)
                .queue();
    }
}
