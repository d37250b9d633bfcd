package org.creditflow;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before a PostgreSQL test run ({@code -Ppostgres}), empties the schema the tests use, so
 * that every run starts from a fresh database, as the H2 runs do. Tests that run the
 * service in JVMs of their own get schemas of their own in the same database
 * ({@link #recreate(String)}).
 */
public class PostgresTestSchema implements LauncherSessionListener {

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		if (!System.getProperty("spring.profiles.active", "").contains("postgres")) {
			return;
		}
		recreate(suiteSchema());
	}

	/** The schema the shared test context uses. */
	public static String suiteSchema() {
		return env("CREDITFLOW_TEST_DB_SCHEMA", "creditflow_it");
	}

	public static String url() {
		return env("CREDITFLOW_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
	}

	public static String user() {
		return env("CREDITFLOW_TEST_DB_USER", "postgres");
	}

	public static String password() {
		return env("CREDITFLOW_TEST_DB_PASSWORD", "");
	}

	/** A connection to the test database whose statements work in the given schema. */
	public static Connection connect(String schema) throws SQLException {
		return DriverManager.getConnection(url() + "?currentSchema=" + schema, user(), password());
	}

	/** Drops the schema with everything in it, and creates it empty. */
	public static void recreate(String schema) {
		try (Connection connection = DriverManager.getConnection(url(), user(), password());
				Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + schema + " cascade");
			statement.execute("create schema " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot prepare the PostgreSQL test schema " + schema + " at " + url(), ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
