package dev.drill.questions;

import dev.drill.discord.Replies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.springframework.stereotype.Component;

/**
 * {@code /drill-admin questions import file:<yaml>}: several questions in the bank's format; the whole file is
 * refused, every error named (line, question, field), if any question is invalid.
 */
@Component
final class QuestionsImportCommand extends QuestionsSubcommand {

    static final String FILE = "file";

    private final OwnQuestions questions;

    QuestionsImportCommand(OwnQuestions questions) {
        this.questions = questions;
    }

    @Override
    public SubcommandData definition() {
        return new SubcommandData("import", "Add questions from a YAML file in the bank's format")
                .addOptions(new OptionData(OptionType.ATTACHMENT, FILE, "A .yaml file of questions", true));
    }

    @Override
    public void onCommand(SlashCommandInteractionEvent event) {
        Message.Attachment file = event.getOption(FILE, OptionMapping::getAsAttachment);
        if (file == null) {
            Replies.ephemeral(event, "Attach a .yaml file of questions to the file option.");
            return;
        }
        String name = file.getFileName();
        if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
            Replies.ephemeral(
                    event, Replies.quote(name) + " is not a YAML file: attach a .yaml file in the bank's format.");
            return;
        }
        if (file.getSize() > OwnQuestions.MAX_FILE_BYTES) {
            Replies.ephemeral(
                    event,
                    Replies.quote(name) + " is " + file.getSize() / 1024 + " KB; I read files of at most "
                            + OwnQuestions.MAX_FILE_BYTES / 1024 + " KB. Split it into smaller files.");
            return;
        }
        String text;
        try {
            text = read(file);
        } catch (CharacterCodingException e) {
            Replies.ephemeral(event, Replies.quote(name) + " is not UTF-8 text; save it as UTF-8 and try again.");
            return;
        } catch (TooBig e) {
            Replies.ephemeral(
                    event,
                    Replies.quote(name) + " is larger than the " + OwnQuestions.MAX_FILE_BYTES / 1024
                            + " KB I read. Split it into smaller files.");
            return;
        } catch (IOException | ExecutionException | TimeoutException e) {
            Replies.ephemeral(event, "I could not download " + Replies.quote(name) + " from Discord; try again.");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Replies.ephemeral(event, Replies.INTERNAL_ERROR);
            return;
        }
        OwnQuestions.Imported imported = questions.importFile(event.getGuild().getIdLong(), name, text);
        if (!imported.errors().isEmpty()) {
            Replies.ephemeral(event, refused(imported.errors()));
            return;
        }
        Replies.ephemeral(
                event,
                "Imported " + imported.saved().size() + (imported.saved().size() == 1 ? " question: " : " questions: ")
                        + Replies.fit(
                                String.join(
                                        ", ",
                                        imported.saved().stream()
                                                .map(q -> "`" + q.id() + "`")
                                                .toList()),
                                1500)
                        + ".");
    }

    /** Every error, one line each, within Discord's limits (the count says how many did not fit). */
    static MessageEmbed refused(List<String> errors) {
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (String error : errors) {
            String line = "• " + Replies.fit(error, 400) + "\n";
            if (text.length() + line.length() > 3800) {
                break;
            }
            text.append(line);
            shown++;
        }
        if (shown < errors.size()) {
            text.append("…and ").append(errors.size() - shown).append(" more.");
        }
        return Replies.embed()
                .setTitle("Nothing was imported: " + errors.size() + (errors.size() == 1 ? " error" : " errors"))
                .setDescription(text.toString().strip())
                .build();
    }

    /** The file's text; the size Discord gave is checked again on the bytes, which are read no further. */
    private static String read(Message.Attachment file)
            throws IOException, ExecutionException, TimeoutException, InterruptedException {
        try (InputStream in = file.getProxy().download().get(20, TimeUnit.SECONDS)) {
            byte[] bytes = in.readNBytes(OwnQuestions.MAX_FILE_BYTES + 1);
            if (bytes.length > OwnQuestions.MAX_FILE_BYTES) {
                throw new TooBig();
            }
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static final class TooBig extends IOException {}
}
