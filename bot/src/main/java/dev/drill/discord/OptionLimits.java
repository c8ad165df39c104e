package dev.drill.discord;

import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * The lengths of string options, checked again before a command runs. Every string option declares a
 * {@code max_length} and Discord's client refuses longer values, but an older registration, another client or
 * a forged request may still deliver one: it is refused with a sentence before any command reads it.
 */
final class OptionLimits {

    /** For a string option that declares no limit (none of Drill's): still nothing unbounded gets through. */
    static final int DEFAULT_MAX = 100;

    private OptionLimits() {}

    /** The sentence for the first string option longer than its definition allows, if any. */
    static Optional<String> tooLong(SubcommandData definition, List<OptionMapping> given) {
        for (OptionMapping option : given) {
            if (option.getType() != OptionType.STRING) {
                continue;
            }
            Optional<String> refusal = tooLong(definition, option.getName(), option.getAsString());
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /** The sentence if {@code value} is longer than the option {@code name} of {@code definition} allows. */
    static Optional<String> tooLong(SubcommandData definition, String name, String value) {
        int max = definition.getOptions().stream()
                .filter(o -> o.getName().equals(name))
                .map(OptionData::getMaxLength)
                .filter(m -> m != null && m > 0)
                .findFirst()
                .orElse(DEFAULT_MAX);
        int length = value.codePointCount(0, value.length());
        if (length <= max) {
            return Optional.empty();
        }
        return Optional.of("The " + name + " option takes at most " + max + " characters, and yours has " + length
                + ". Nothing was changed; please shorten it.");
    }
}
