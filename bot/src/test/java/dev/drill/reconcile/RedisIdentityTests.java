package dev.drill.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The identity whose change means "Redis restarted, catch up": one server's run id, or every master's. */
@DisplayName("Redis identity: a restart of any server is noticed")
class RedisIdentityTests {

    @Test
    @DisplayName("a single server: its run_id")
    void standalone() {
        Properties info = new Properties();
        info.setProperty("redis_version", "6.2.11");
        info.setProperty("run_id", "abc");
        assertThat(RedisIdentity.runIds(info)).isEqualTo("abc");
    }

    @Test
    @DisplayName("a cluster (INFO prefixes each master's properties with host:port): all run ids, so one master's"
            + " restart changes the identity")
    void cluster() {
        Properties before = clusterInfo("r1", "r2", "r3");
        Properties after = clusterInfo("r1", "r2-restarted", "r3");

        assertThat(RedisIdentity.runIds(before)).isEqualTo("127.0.0.1:7000=r1,127.0.0.1:7001=r2,127.0.0.1:7002=r3");
        assertThat(RedisIdentity.runIds(after)).isNotEqualTo(RedisIdentity.runIds(before));
    }

    /** The shape Spring Data Redis gives INFO on a cluster connection (seen on the cluster test's nodes). */
    private static Properties clusterInfo(String... runIds) {
        Properties info = new Properties();
        for (int i = runIds.length - 1; i >= 0; i--) {
            String node = "127.0.0.1:700" + i;
            info.setProperty(node + ".redis_version", "6.2.11");
            info.setProperty(node + ".run_id", runIds[i]);
        }
        return info;
    }
}
