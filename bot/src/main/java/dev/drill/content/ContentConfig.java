package dev.drill.content;

import dev.drill.config.DrillProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the question bank once at start-up; a broken pack stops start-up here. */
@Configuration(proxyBeanMethods = false)
class ContentConfig {

    private static final Logger log = LoggerFactory.getLogger(ContentConfig.class);

    @Bean
    QuestionBank questionBank(DrillProperties properties) {
        QuestionBank bank = new ContentLoader().load(properties.content().path());
        log.info(
                "Loaded {} questions from {} pack(s)", bank.size(), bank.packs().size());
        return bank;
    }
}
