package org.creditflow.backtest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line of a CSV file (RFC 4180: comma-separated, double quotes around a cell
 * that holds commas or quotes, "" for a quote inside), for every reader of data files.
 */
public final class CsvCells {

	private CsvCells() {
	}

	/**
	 * A cell as written: in double quotes when it holds a comma, a quote or a line break.
	 */
	public static String quoted(String cell) {
		if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
			return cell;
		}
		return '"' + cell.replace("\"", "\"\"") + '"';
	}

	/** The cells of one line; a cell in double quotes may hold commas and "". */
	public static List<String> of(String line) {
		List<String> cells = new ArrayList<>(48);
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}

}
