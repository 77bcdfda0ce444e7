package copnet;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A real Neo4j 5 Community DBMS for copnet's tests: the same server a neo4j:5 container runs,
 * started in this JVM with the Bolt connector on 127.0.0.1 and authentication on.
 *
 * Usage: CopnetNeo4jTestServer [--port PORT] [--data DIR] [--pagecache MB] [--exit-with-stdin]
 *   --port 0 (the default) picks a free port.
 *   --pagecache MB sizes the page cache (default 512 MB, ample for the tests; bench:import's million
 *     interactions make 962 MB of store files, and imported no faster with 3,072 MB: README, Benchmarks).
 *   --data DIR keeps the databases in DIR (created if missing; reused on the next start), else a
 *     temporary directory deleted on shutdown.
 *   --exit-with-stdin shuts down when standard input closes, so a test runner that dies never
 *     leaves this server behind.
 * User neo4j, password from NEO4J_PASSWORD (default copnet-local-password, as copnet's).
 * Prints one line, bolt://127.0.0.1:PORT, on stdout once Bolt accepts connections; everything
 * else goes to stderr or DIR/logs. SIGTERM and SIGINT shut the DBMS down cleanly.
 */
public final class CopnetNeo4jTestServer {
    private static final String DEFAULT_PASSWORD = "copnet-local-password";

    public static void main(String[] args) throws Exception {
        int port = 0;
        Path data = null;
        boolean exitWithStdin = false;
        long pagecacheMb = 512;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--data" -> data = Path.of(value(args, ++i, "--data")).toAbsolutePath();
                case "--pagecache" -> pagecacheMb = Long.parseLong(value(args, ++i, "--pagecache"));
                case "--exit-with-stdin" -> exitWithStdin = true;
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (port < 0 || port > 65535) usage("--port must be 0..65535");
        if (pagecacheMb < 8) usage("--pagecache must be at least 8 (MB)");
        String password = System.getenv().getOrDefault("NEO4J_PASSWORD", "");
        if (password.isEmpty()) password = DEFAULT_PASSWORD;

        boolean temporary = data == null;
        Path home = temporary ? Files.createTempDirectory("copnet-neo4j-") : Files.createDirectories(data);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pagecacheMb))
                // Keep only the newest transaction log: a benchmark's million writes must not fill the disk.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                // Loopback only: no usage reports to neo4j.com.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Tests may pick short passwords.
                .setConfig(GraphDatabaseSettings.auth_minimum_password_length, 1)
                .build();

        AtomicBoolean stopped = new AtomicBoolean(false);
        CountDownLatch down = new CountDownLatch(1);
        Runnable shutdown = () -> {
            if (!stopped.compareAndSet(false, true)) return;
            try {
                dbms.shutdown();
            } finally {
                if (temporary) deleteQuietly(home);
                down.countDown();
            }
        };
        // SIGTERM, SIGINT and System.exit all run the shutdown hooks: the DBMS closes its stores cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "copnet-neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
            System.err.println("copnet-neo4j-test-server: the database did not become available within 2 minutes");
            System.exit(1);
        }
        setPassword(dbms, password);

        ConnectorPortRegister ports = ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
        var bound = ports.getLocalAddress(ConnectorType.BOLT);
        waitUntilAccepting(bound.getPort());

        if (exitWithStdin) {
            Thread watcher = new Thread(() -> {
                try (InputStream in = System.in) {
                    byte[] buffer = new byte[256];
                    while (in.read(buffer) >= 0) {
                        // Discard: only the end of input matters.
                    }
                } catch (IOException ignored) {
                    // A broken stdin means the parent is gone, as an end of input does.
                }
                System.exit(0);
            }, "copnet-neo4j-stdin");
            watcher.setDaemon(true);
            watcher.start();
        }

        System.out.println("bolt://127.0.0.1:" + bound.getPort());
        System.out.flush();
        down.await();
    }

    /** Sets the neo4j user's password (on every start, so a reused data directory follows NEO4J_PASSWORD). */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            // A restart on the same data directory: the password is already this one.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) throw e;
        }
    }

    private static void waitUntilAccepting(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("Bolt is not accepting connections on port " + port, e);
                Thread.sleep(100);
            }
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) usage(flag + " needs a value");
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println("copnet-neo4j-test-server: " + problem);
        System.err.println("usage: CopnetNeo4jTestServer [--port PORT] [--data DIR] [--exit-with-stdin]");
        System.exit(2);
    }

    private static void deleteQuietly(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // A temp directory left behind is harmless.
        }
    }
}
