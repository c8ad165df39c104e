package dev.drill.score;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The points rules of this deployment, from {@code drill.points.*} (defaults in application.yaml). */
@Configuration(proxyBeanMethods = false)
class ScoreConfig {

    /** Bound here rather than annotated, so the record stays plain domain code without Spring. */
    @Bean
    PointsRules pointsRules(Environment environment) {
        return Binder.get(environment).bind("drill.points", PointsRules.class).orElse(PointsRules.DEFAULTS);
    }
}
