package org.creditflow.portfolio;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.creditflow.web.ConflictException;
import org.creditflow.web.FieldProblem;
import org.creditflow.web.InvalidRequestException;
import org.creditflow.web.NotFoundException;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * A servicing feed as CSV ({@code applicationId,month,daysPastDue,status,balance}, one
 * loan-month a row): each row is stored as {@link LoanPerformance} stores one report, in
 * a transaction of its own, so a row with a problem is reported with its line and
 * problems while every other row is imported; a file whose header or size is wrong
 * imports nothing.
 */
@Service
class PerformanceImport {

	static final List<String> COLUMNS = List.of("applicationId", "month", "daysPastDue", "status", "balance");

	/** Rows listed with their problems in the answer; the rest are only counted. */
	static final int LISTED_REJECTIONS = 1000;

	/** A rejected row: its line in the file (the header is line 1) and its problems. */
	record Rejected(int line, String applicationId, List<String> problems) {
	}

	/** What an import did. */
	record Summary(int rows, Map<LoanPerformance.Result, Integer> stored, int rejectedRows, List<Rejected> rejected) {
	}

	private final LoanPerformance performance;

	private final Validator validator;

	private final PortfolioProperties properties;

	PerformanceImport(LoanPerformance performance, Validator validator, PortfolioProperties properties) {
		this.performance = performance;
		this.validator = validator;
		this.properties = properties;
	}

	Summary importCsv(BufferedReader csv, String servicer) throws IOException {
		String header = csv.readLine();
		if (header == null || !cells(stripByteOrderMark(header)).equals(COLUMNS)) {
			throw new InvalidRequestException("(header)", "the first line must be " + String.join(",", COLUMNS));
		}
		List<String> lines = new ArrayList<>();
		for (String line = csv.readLine(); line != null; line = csv.readLine()) {
			if (lines.size() == this.properties.maxCsvRows()) {
				throw new InvalidRequestException("(body)",
						"holds more than " + this.properties.maxCsvRows() + " rows; split it (nothing was imported)");
			}
			lines.add(line);
		}
		Map<LoanPerformance.Result, Integer> stored = new EnumMap<>(LoanPerformance.Result.class);
		List<Rejected> rejected = new ArrayList<>();
		int rejectedRows = 0;
		int rows = 0;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).isBlank()) {
				continue;
			}
			rows++;
			int lineNumber = i + 2;
			List<String> cells = cells(lines.get(i));
			String applicationId = cells.isEmpty() ? "" : cells.get(0);
			List<String> problems = new ArrayList<>();
			try {
				PerformanceReport report = parse(cells, problems);
				if (problems.isEmpty()) {
					stored.merge(this.performance.report(applicationId, report, servicer).result(), 1, Integer::sum);
				}
			}
			catch (InvalidRequestException ex) {
				ex.problems().forEach((problem) -> problems.add(problem.field() + " " + problem.message()));
			}
			catch (NotFoundException | ConflictException ex) {
				problems.add(ex.getMessage());
			}
			if (!problems.isEmpty()) {
				rejectedRows++;
				if (rejected.size() < LISTED_REJECTIONS) {
					rejected.add(new Rejected(lineNumber, applicationId, problems));
				}
			}
		}
		return new Summary(rows, stored, rejectedRows, rejected);
	}

	/** The row as a report, or null with its problems added. */
	@Nullable
	private PerformanceReport parse(List<String> cells, List<String> problems) {
		if (cells.size() != COLUMNS.size()) {
			problems
				.add("has " + cells.size() + " cells, not " + COLUMNS.size() + " (" + String.join(",", COLUMNS) + ")");
			return null;
		}
		Integer daysPastDue = number(cells.get(2), "daysPastDue", problems, Integer::valueOf);
		Long balance = number(cells.get(4), "balance", problems, Long::valueOf);
		LoanStatus status = null;
		try {
			status = LoanStatus.valueOf(cells.get(3).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add("status must be one of CURRENT, DELINQUENT, DEFAULTED, REPAID, WRITTEN_OFF");
		}
		PerformanceReport report = new PerformanceReport(cells.get(1), daysPastDue, status, balance);
		for (ConstraintViolation<PerformanceReport> violation : this.validator.validate(report)) {
			String field = violation.getPropertyPath().toString();
			if (problems.stream().noneMatch((problem) -> problem.startsWith(field + " "))) {
				problems.add(field + " " + violation.getMessage());
			}
		}
		if (problems.isEmpty()) {
			report.inconsistencies().stream().map(PerformanceImport::text).forEach(problems::add);
		}
		return report;
	}

	@Nullable
	private static <T> T number(String cell, String field, List<String> problems, Function<String, T> parse) {
		try {
			return parse.apply(cell);
		}
		catch (NumberFormatException ex) {
			problems.add(field + " must be a whole number, not '" + shorten(cell) + "'");
			return null;
		}
	}

	private static String text(FieldProblem problem) {
		return problem.field() + " " + problem.message();
	}

	static List<String> cells(String line) {
		List<String> cells = new ArrayList<>();
		for (String cell : line.split(",", -1)) {
			String trimmed = cell.trim();
			if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
				trimmed = trimmed.substring(1, trimmed.length() - 1);
			}
			cells.add(trimmed);
		}
		return cells;
	}

	private static String stripByteOrderMark(String line) {
		return line.startsWith("\uFEFF") ? line.substring(1) : line;
	}

	private static String shorten(String cell) {
		return (cell.length() > 30) ? cell.substring(0, 30) + "..." : cell;
	}

}
