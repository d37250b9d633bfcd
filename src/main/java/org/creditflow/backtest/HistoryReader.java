package org.creditflow.backtest;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.creditflow.application.EmploymentType;
import org.creditflow.application.LoanProduct;
import org.creditflow.application.LoanPurpose;
import org.creditflow.mydata.FinancialProfile;
import org.creditflow.mydata.FinancialProfile.Account;
import org.creditflow.mydata.FinancialProfile.AccountType;
import org.creditflow.mydata.FinancialProfile.Card;
import org.creditflow.mydata.FinancialProfile.ExistingLoan;
import org.creditflow.mydata.FinancialProfile.LenderType;
import org.creditflow.mydata.TelecomProfile;
import org.creditflow.scoring.AssessmentInput;

import org.springframework.lang.Nullable;

/**
 * Reads a lending-history CSV ({@link HistoryFormat}) row by row, never the whole file:
 * columns by their header names in any order (others are ignored), every problem of a row
 * named with its row and column. The loans and cards a row totals are rebuilt so that
 * every total the rules read is the row's: the non-bank loans at a non-bank lender, the
 * balances and repayments split evenly.
 */
final class HistoryReader implements Closeable {

	/** A row read: the case, or what is wrong with it. */
	record Read(@Nullable HistoryCase historyCase, List<HistoryProblem> problems) {
	}

	private final BufferedReader lines;

	private final Map<String, Integer> columns = new HashMap<>();

	private final List<HistoryProblem> headerProblems = new ArrayList<>();

	private long row;

	HistoryReader(BufferedReader lines) throws IOException {
		this.lines = lines;
		String header = lines.readLine();
		if (header == null) {
			this.headerProblems.add(new HistoryProblem(0, "", "the file is empty; it needs a header row"));
			return;
		}
		List<String> names = CsvCells.of(header.startsWith("\uFEFF") ? header.substring(1) : header);
		for (int i = 0; i < names.size(); i++) {
			this.columns.put(names.get(i).trim(), i);
		}
		for (String required : HistoryFormat.COLUMNS) {
			if (!this.columns.containsKey(required) && !HistoryFormat.OUTCOME.contains(required)) {
				this.headerProblems.add(new HistoryProblem(0, required, "the column is missing"));
			}
		}
	}

	/** Problems of the header; rows are not read while there are any. */
	List<HistoryProblem> headerProblems() {
		return this.headerProblems;
	}

	/** A line of the file, not parsed yet, with its row number. */
	record Line(long row, String text) {
	}

	/** The next row; null at the end of the file. */
	@Nullable
	Read next() throws IOException {
		Line line = nextLine();
		return (line != null) ? parse(line) : null;
	}

	/** The next non-blank line; null at the end of the file. */
	@Nullable
	Line nextLine() throws IOException {
		if (!this.headerProblems.isEmpty()) {
			return null;
		}
		String line;
		do {
			line = this.lines.readLine();
			if (line == null) {
				return null;
			}
			this.row++;
		}
		while (line.isBlank());
		return new Line(this.row, line);
	}

	/**
	 * Parses a line of this file; safe from any thread, as the columns are fixed once the
	 * header is read.
	 */
	Read parse(Line line) {
		return new RowParser(line.row(), CsvCells.of(line.text())).read();
	}

	@Override
	public void close() throws IOException {
		this.lines.close();
	}

	/** One row's cells, read column by column, problems collected as it goes. */
	private final class RowParser {

		private final long row;

		private final List<String> cells;

		private final List<HistoryProblem> problems = new ArrayList<>();

		RowParser(long row, List<String> cells) {
			this.row = row;
			this.cells = cells;
		}

		Read read() {
			String id = text("id");
			int age = (int) whole("age", 0, 150);
			EmploymentType employment = choice("employmentType", EmploymentType.class);
			long income = whole("declaredAnnualIncome", 0, Long.MAX_VALUE);
			LoanProduct product = choice("product", LoanProduct.class);
			long amount = whole("amount", 1, Long.MAX_VALUE);
			int term = (int) whole("termMonths", 1, 600);
			LoanPurpose purpose = choice("purpose", LoanPurpose.class);
			boolean financialConsented = flag("financialConsented");
			boolean financialAvailable = flag("financialAvailable");
			boolean telecomConsented = flag("telecomConsented");
			boolean telecomAvailable = flag("telecomAvailable");
			FinancialProfile financial = (financialConsented && financialAvailable) ? financial() : null;
			TelecomProfile telecom = (telecomConsented && telecomAvailable) ? telecom() : null;
			Boolean bad = isEmpty("bad") ? null : whole("bad", 0, 1) == 1;
			Double truePd = isEmpty("truePd") ? null : fraction("truePd");
			String segment = isEmpty("segment") ? HistoryCase.segmentOf(financial) : text("segment");
			if (!this.problems.isEmpty()) {
				return new Read(null, this.problems);
			}
			return new Read(
					new HistoryCase(this.row, id,
							new AssessmentInput(age, employment, income, product, amount, term, purpose,
									financialConsented, financial, telecomConsented, telecom),
							bad, truePd, segment),
					List.of());
		}

		private FinancialProfile financial() {
			long accountBalance = whole("accountBalance", 0, Long.MAX_VALUE);
			int loanCount = (int) whole("loanCount", 0, 1000);
			int nonBank = (int) whole("nonBankLoans", 0, 1000);
			long loanBalance = whole("loanBalance", 0, Long.MAX_VALUE);
			long repayments = whole("monthlyRepayments", 0, Long.MAX_VALUE);
			int cardCount = (int) whole("cardCount", 0, 1000);
			long cardLimit = whole("cardLimit", 0, Long.MAX_VALUE);
			long cardUsed = whole("cardUsed", 0, Long.MAX_VALUE);
			if (nonBank > loanCount) {
				problem("nonBankLoans", nonBank + " is more than loanCount " + loanCount);
			}
			if (loanCount == 0 && (loanBalance > 0 || repayments > 0)) {
				problem("loanCount", "0 loans cannot have a balance or repayments");
			}
			if (cardCount == 0 && (cardLimit > 0 || cardUsed > 0)) {
				problem("cardCount", "0 cards cannot have a limit or use");
			}
			List<ExistingLoan> loans = new ArrayList<>();
			for (int i = 0; i < loanCount && nonBank <= loanCount; i++) {
				loans.add(new ExistingLoan((i < nonBank) ? LenderType.CAPITAL : LenderType.BANK,
						share(loanBalance, loanCount, i), share(repayments, loanCount, i)));
			}
			List<Card> cards = new ArrayList<>();
			for (int i = 0; i < cardCount; i++) {
				cards.add(new Card(share(cardLimit, cardCount, i), share(cardUsed, cardCount, i)));
			}
			return new FinancialProfile(List.of(new Account(AccountType.DEPOSIT, accountBalance)),
					whole("monthlyIncomeSeen", 0, Long.MAX_VALUE), loans, cards,
					(int) whole("shortTermDelinquencies", 0, 1000), (int) whole("longTermDelinquencies", 0, 1000),
					flag("activeDelinquency"), (int) whole("creditInquiries", 0, 1000),
					(int) whole("monthsSinceFirstCreditLine", 0, 1200), (int) whole("bureauScore", 1, 1000),
					(int) whole("monthsSinceCardUse", 0, FinancialProfile.NEVER),
					(int) whole("monthsSinceLoan", 0, FinancialProfile.NEVER));
		}

		private TelecomProfile telecom() {
			return new TelecomProfile(text("carrier"), flag("postpaid"), (int) whole("monthsOfTenure", 0, 1200),
					(int) whole("onTimePaymentMonths", 0, 24), whole("unpaidAmount", 0, Long.MAX_VALUE),
					(int) whole("monthsOverdue", 0, 1200), whole("averageMonthlyBill", 0, Long.MAX_VALUE),
					whole("deviceInstalmentBalance", 0, Long.MAX_VALUE),
					(int) whole("deviceInstalmentArrearsMonths", 0, 1200), (int) whole("numberChanges24m", 0, 1000),
					whole("microPaymentMonthlyAverage", 0, Long.MAX_VALUE), flag("familyPlan"));
		}

		/** An even share of a total, the remainder on the first. */
		private static long share(long total, int parts, int index) {
			return total / parts + ((index == 0) ? total % parts : 0);
		}

		private String cell(String column) {
			Integer index = HistoryReader.this.columns.get(column);
			return (index == null || index >= this.cells.size()) ? "" : this.cells.get(index).trim();
		}

		private boolean isEmpty(String column) {
			String value = cell(column);
			return value.isEmpty() || "NA".equals(value);
		}

		private String text(String column) {
			String value = cell(column);
			if (value.isEmpty()) {
				problem(column, "is empty");
			}
			return value;
		}

		private long whole(String column, long min, long max) {
			String value = cell(column);
			try {
				long number = Long.parseLong(value);
				if (number < min || number > max) {
					problem(column, "'" + value + "' is outside " + min + " to " + max);
				}
				return number;
			}
			catch (NumberFormatException ex) {
				problem(column, value.isEmpty() ? "is empty" : "'" + value + "' is not a whole number");
				return min;
			}
		}

		private double fraction(String column) {
			String value = cell(column);
			try {
				double number = Double.parseDouble(value);
				if (!(number >= 0 && number <= 1)) {
					problem(column, "'" + value + "' is not between 0 and 1");
				}
				return number;
			}
			catch (NumberFormatException ex) {
				problem(column, "'" + value + "' is not a number");
				return 0;
			}
		}

		private boolean flag(String column) {
			String value = cell(column);
			if ("true".equalsIgnoreCase(value) || "1".equals(value)) {
				return true;
			}
			if (!"false".equalsIgnoreCase(value) && !"0".equals(value)) {
				problem(column, value.isEmpty() ? "is empty" : "'" + value + "' is not true or false");
			}
			return false;
		}

		@Nullable
		private <E extends Enum<E>> E choice(String column, Class<E> type) {
			String value = cell(column);
			try {
				return Enum.valueOf(type, value);
			}
			catch (IllegalArgumentException ex) {
				problem(column, (value.isEmpty() ? "is empty" : "'" + value + "' is not one of")
						+ (value.isEmpty() ? "; one of " : " ") + java.util.Arrays.toString(type.getEnumConstants()));
				return null;
			}
		}

		private void problem(String column, String problem) {
			this.problems.add(new HistoryProblem(this.row, column, problem));
		}

	}

}
