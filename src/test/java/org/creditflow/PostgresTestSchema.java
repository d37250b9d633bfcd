package org.creditflow;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before a PostgreSQL test run ({@code -Ppostgres}), empties the schema the tests use, so
 * that every run starts from a fresh database, as the H2 runs do.
 */
public class PostgresTestSchema implements LauncherSessionListener {

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		if (!System.getProperty("spring.profiles.active", "").contains("postgres")) {
			return;
		}
		String url = env("CREDITFLOW_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
		String schema = env("CREDITFLOW_TEST_DB_SCHEMA", "creditflow_it");
		try (Connection connection = DriverManager.getConnection(url, env("CREDITFLOW_TEST_DB_USER", "postgres"),
				env("CREDITFLOW_TEST_DB_PASSWORD", "")); Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + schema + " cascade");
			statement.execute("create schema " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot prepare the PostgreSQL test schema at " + url, ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
