package org.creditflow;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The database a {@link ServiceProcess} runs on, and a way in for a test's own checks.
 */
public interface ServiceDatabase {

	/** What points the service at this database, profiles included. */
	List<String> arguments();

	/**
	 * A connection for checks. An embedded H2 file is open to one process at a time:
	 * connect once its service has stopped.
	 */
	Connection connect() throws SQLException;

	/**
	 * The database the suite runs on: on PostgreSQL a fresh schema of the given name (one
	 * the shared test context does not use: its job executor would take the jobs), else
	 * the default profile's H2 file, which the shipped configuration puts under the
	 * service's working directory.
	 */
	static ServiceDatabase forSuite(String schema, Path workingDirectory) {
		if (SeparateService.onPostgres()) {
			PostgresTestSchema.recreate(schema);
			return new PostgresSchema(schema);
		}
		return new H2File(workingDirectory);
	}

	/**
	 * The default profile exactly as shipped: {@code ./data/creditflow}, relative to the
	 * working directory, with the shipped settings.
	 */
	record H2File(Path workingDirectory) implements ServiceDatabase {

		@Override
		public List<String> arguments() {
			return List.of();
		}

		@Override
		public Connection connect() throws SQLException {
			return DriverManager.getConnection(
					"jdbc:h2:file:" + this.workingDirectory.resolve("data/creditflow").toAbsolutePath(), "sa", "");
		}

	}

	/**
	 * The {@code postgres} profile on a schema of its own, with the demo users and the
	 * MyData simulator ({@code demo}).
	 */
	record PostgresSchema(String schema) implements ServiceDatabase {

		@Override
		public List<String> arguments() {
			return List.of("--spring.profiles.active=postgres,demo",
					"--spring.datasource.url=" + PostgresTestSchema.url() + "?currentSchema=" + this.schema,
					"--spring.datasource.username=" + PostgresTestSchema.user(),
					"--spring.datasource.password=" + PostgresTestSchema.password(),
					"--camunda.bpm.database.schema-name=" + this.schema,
					"--camunda.bpm.database.table-prefix=" + this.schema + ".");
		}

		@Override
		public Connection connect() throws SQLException {
			return PostgresTestSchema.connect(this.schema);
		}

	}

}
