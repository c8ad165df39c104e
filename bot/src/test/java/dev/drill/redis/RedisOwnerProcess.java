package dev.drill.redis;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * The JVM of an earlier run, for {@code EmbeddedRedisTests}: started as a child process, it starts the embedded
 * Redis on the folder given as its first argument, writes the key and value given next, prints
 * {@code READY <redis pid>} and waits to be killed, leaving its redis-server behind as an orphan.
 */
public final class RedisOwnerProcess {

    static final String READY = "READY ";

    private RedisOwnerProcess() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        EmbeddedRedis redis = EmbeddedRedis.start(Path.of(args[0]), 0);
        // A bare RESP exchange rather than a client library: this JVM should be quick to start.
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), redis.port())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(command("AUTH", redis.password()));
            out.write(command("SET", args[1], args[2]));
            out.flush();
            String replies = new String(in.readNBytes("+OK\r\n+OK\r\n".length()), StandardCharsets.US_ASCII);
            if (!replies.equals("+OK\r\n+OK\r\n")) {
                throw new IllegalStateException("Redis answered " + replies.strip());
            }
        }
        System.out.println(READY + redis.pid());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static byte[] command(String... parts) {
        StringBuilder command = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            command.append('$')
                    .append(part.length())
                    .append("\r\n")
                    .append(part)
                    .append("\r\n");
        }
        return command.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
