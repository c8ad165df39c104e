package dev.drill.deploy;

import dev.drill.config.DrillProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which environment variables Drill reads. A variable counts if it is
 *
 * <ul>
 *   <li>a placeholder in the application's own configuration: {@code ${NAME}} or {@code ${NAME:default}} in
 *       {@code bot/src/main/resources/application*.yaml}; or
 *   <li>bound by Spring Boot's relaxed binding to a property that exists: Boot's own mapping from variable
 *       names to property names ({@code SPRING_PROFILES_ACTIVE} to {@code spring.profiles.active}) is asked
 *       against every property in the configuration metadata of the jars on the classpath (Boot's, Spring
 *       Data Redis's, ...) and every property of {@link DrillProperties}.
 * </ul>
 *
 * No list of names is kept by hand, so a misspelt variable ({@code REDIS_ULR}, {@code DISCORD_TOKN},
 * {@code SPRING_PROFILES_ACTVE}) matches neither and is reported.
 */
final class ApplicationVariables {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)[:}]");
    private static final List<String> METADATA = List.of(
            "META-INF/spring-configuration-metadata.json", "META-INF/additional-spring-configuration-metadata.json");

    /** How a property takes values beyond its own name: a map by key, a collection by index. */
    private enum Shape {
        SCALAR,
        MAP,
        COLLECTION
    }

    /** A property the application binds. */
    private record Property(ConfigurationPropertyName name, Shape shape) {}

    private final Set<String> placeholders;
    private final List<Property> properties;

    private ApplicationVariables(Set<String> placeholders, List<Property> properties) {
        this.placeholders = placeholders;
        this.properties = properties;
    }

    /** What the application in {@code mainResources} (and its classpath) reads. */
    static ApplicationVariables of(Path mainResources) {
        List<Property> properties = new ArrayList<>();
        metadataProperties(properties);
        recordProperties("drill", DrillProperties.class, properties);
        return new ApplicationVariables(placeholders(mainResources), List.copyOf(properties));
    }

    Set<String> placeholders() {
        return Collections.unmodifiableSet(placeholders);
    }

    /** The names in {@code variables} that the application would not read, sorted. */
    List<String> unread(Map<String, String> variables) {
        return variables.keySet().stream()
                .filter(name -> !placeholders.contains(name) && !bindsToProperty(name, variables.get(name)))
                .sorted()
                .toList();
    }

    private boolean bindsToProperty(String name, String value) {
        // One source holding only this variable, named as Boot names the real one, so Boot applies its
        // system-environment mapping (upper case, '_' for '.', dashes dropped) when asked for a property.
        IterableConfigurationPropertySource source = (IterableConfigurationPropertySource)
                ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of(name, value == null ? "" : value)));
        List<ConfigurationPropertyName> mapped = source.stream().toList();
        return properties.stream().anyMatch(property -> switch (property.shape()) {
            case SCALAR -> source.getConfigurationProperty(property.name()) != null;
            case MAP ->
                source.getConfigurationProperty(property.name()) != null
                        || source.containsDescendantOf(property.name()) == ConfigurationPropertyState.PRESENT;
            case COLLECTION ->
                source.getConfigurationProperty(property.name()) != null
                        || mapped.stream()
                                .anyMatch(each -> property.name().isParentOf(each) && each.isLastElementIndexed());
        });
    }

    private static Set<String> placeholders(Path mainResources) {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(mainResources)) {
            for (Path file :
                    files.filter(ApplicationVariables::isApplicationYaml).toList()) {
                Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static boolean isApplicationYaml(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("application") && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private static void metadataProperties(List<Property> properties) {
        JsonMapper json = JsonMapper.builder().build();
        try {
            for (String resource : METADATA) {
                for (URL url : Collections.list(
                        ApplicationVariables.class.getClassLoader().getResources(resource))) {
                    try (InputStream in = url.openStream()) {
                        for (JsonNode property : json.readTree(in).path("properties")) {
                            ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(
                                    property.path("name").asString());
                            if (name != null) {
                                properties.add(new Property(
                                        name, shape(property.path("type").asString(""))));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Shape shape(String type) {
        if (type.startsWith("java.util.Map")) {
            return Shape.MAP;
        }
        boolean collection = Stream.of("java.util.List", "java.util.Set", "java.util.Collection")
                        .anyMatch(type::startsWith)
                || type.endsWith("[]");
        return collection ? Shape.COLLECTION : Shape.SCALAR;
    }

    /** Drill's own properties, from the records they bind to (it ships no configuration metadata). */
    private static void recordProperties(String prefix, Class<?> type, List<Property> properties) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + dashed(component.getName());
            Class<?> componentType = component.getType();
            if (componentType.isRecord()) {
                recordProperties(name, componentType, properties);
            } else {
                Shape shape = Map.class.isAssignableFrom(componentType)
                        ? Shape.MAP
                        : Collection.class.isAssignableFrom(componentType) || componentType.isArray()
                                ? Shape.COLLECTION
                                : Shape.SCALAR;
                properties.add(new Property(ConfigurationPropertyName.of(name), shape));
            }
        }
    }

    private static String dashed(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
