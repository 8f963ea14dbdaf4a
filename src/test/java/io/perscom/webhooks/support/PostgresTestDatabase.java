package io.perscom.webhooks.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the test run a database of its own on a real PostgreSQL server: the one at PGHOST:PGPORT (default
 * 127.0.0.1:5432, user PGUSER or postgres, password PGPASSWORD) when it answers, otherwise a private server started
 * for this JVM ({@link PrivatePostgres}, stopped when the JVM ends). No Docker is needed.
 *
 * <p>The database is named PERSCOM_TEST_DATABASE or {@code perscom_webhooks_test_<pid>}, so runs side by side never
 * share one; it is made fresh at start and dropped at the end of the run unless PERSCOM_KEEP_TEST_DB is set.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = env("PERSCOM_TEST_DATABASE",
            "perscom_webhooks_test_" + ProcessHandle.current().pid());

    private static Server server;

    private record Server(String host, int port, String user, String password) {
    }

    @Override
    public Map<String, String> start() {
        Server db = server();
        try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + DATABASE + " with (force)");
            sql.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("Tests need PostgreSQL at " + db.host() + ":" + db.port()
                    + " (set PGHOST/PGPORT/PGUSER/PGPASSWORD): " + e.getMessage(), e);
        }
        return Map.of(
                "quarkus.datasource.username", db.user(),
                "quarkus.datasource.password", db.password(),
                "quarkus.datasource.jdbc.url", jdbcUrl(DATABASE),
                "quarkus.datasource.reactive.url", "postgresql://" + db.host() + ":" + db.port() + "/" + DATABASE);
    }

    @Override
    public void stop() {
        if (System.getenv("PERSCOM_KEEP_TEST_DB") != null) {
            System.out.println("[tests] keeping database " + DATABASE + " on " + server().host() + ":"
                    + server().port() + " (PERSCOM_KEEP_TEST_DB)");
            return;
        }
        try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + DATABASE + " with (force)");
        } catch (SQLException e) {
            System.err.println("[tests] could not drop the test database " + DATABASE + ": " + e.getMessage());
        }
    }

    /** A JDBC connection to the test database, for assertions on what the service stored. */
    public static Connection connect() throws SQLException {
        return connect(DATABASE);
    }

    private static Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", server().user());
        props.setProperty("password", server().password());
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    private static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + server().host() + ":" + server().port() + "/" + database;
    }

    /** The configured server when it answers, else a private one for the rest of this JVM's life. */
    private static synchronized Server server() {
        if (server != null) {
            return server;
        }
        String host = env("PGHOST", "127.0.0.1");
        int port = Integer.parseInt(env("PGPORT", "5432"));
        if (answers(host, port)) {
            server = new Server(host, port, env("PGUSER", "postgres"), env("PGPASSWORD", ""));
            return server;
        }
        System.out.println("[tests] no PostgreSQL on " + host + ":" + port + ": starting a private one");
        try {
            PrivatePostgres own = PrivatePostgres.start();
            Runtime.getRuntime().addShutdownHook(new Thread(own::close));
            System.out.println("[tests] private PostgreSQL on 127.0.0.1:" + own.port() + " (" + own.dataDirectory()
                    + ")");
            server = new Server("127.0.0.1", own.port(), "postgres", "");
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("No PostgreSQL on " + host + ":" + port
                    + " and the private one did not start: " + e.getMessage(), e);
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
