package io.perscom.webhooks.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the test run a fresh database of its own on a real PostgreSQL server: the local one by default
 * (127.0.0.1:5432, user postgres), or the one named by the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD.
 * No Docker is needed; the database is dropped and created anew at every run.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = env("PERSCOM_TEST_DATABASE", "perscom_webhooks_test");

    @Override
    public Map<String, String> start() {
        try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + DATABASE + " with (force)");
            sql.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("Tests need PostgreSQL at " + host() + ":" + port()
                    + " (set PGHOST/PGPORT/PGUSER/PGPASSWORD): " + e.getMessage(), e);
        }
        return Map.of(
                "quarkus.datasource.devservices.enabled", "false",
                "quarkus.datasource.username", user(),
                "quarkus.datasource.password", password(),
                "quarkus.datasource.jdbc.url", jdbcUrl(DATABASE),
                "quarkus.datasource.reactive.url", "postgresql://" + host() + ":" + port() + "/" + DATABASE);
    }

    @Override
    public void stop() {
        // The database is kept after the run for inspection and dropped at the next start.
    }

    /** A JDBC connection to the test database, for assertions on what the service stored. */
    public static Connection connect() throws SQLException {
        return connect(DATABASE);
    }

    private static Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user());
        props.setProperty("password", password());
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    private static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    private static String host() {
        return env("PGHOST", "127.0.0.1");
    }

    private static String port() {
        return env("PGPORT", "5432");
    }

    private static String user() {
        return env("PGUSER", "postgres");
    }

    private static String password() {
        return env("PGPASSWORD", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
