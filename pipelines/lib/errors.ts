/** One problem found in an input file, located as precisely as the format allows. */
export interface InputIssue {
  file: string;
  /** 1-based line (CSV) or row (XLSX); undefined when the problem concerns the whole file. */
  line?: number;
  /** 1-based column position. */
  column?: number;
  /** Column name from the header, when known. */
  columnName?: string;
  /** XLSX cell address such as "D3", when the input is a workbook. */
  cell?: string;
  expected: string;
  found: string;
}

export function formatIssue(i: InputIssue): string {
  let where = i.file;
  if (i.cell) where += ` cell ${i.cell}`;
  else if (i.line !== undefined) where += `:${i.line}${i.column !== undefined ? `:${i.column}` : ""}`;
  const col = i.columnName ? ` (column '${i.columnName}')` : "";
  return `${where}${col}: expected ${i.expected}, found ${i.found}`;
}

/** Raised when input files do not satisfy their schema; carries every issue found. */
export class InputError extends Error {
  constructor(readonly issues: InputIssue[]) {
    super(
      `${issues.length} problem${issues.length === 1 ? "" : "s"} in the input:\n` +
        issues.slice(0, 50).map((i) => "  " + formatIssue(i)).join("\n") +
        (issues.length > 50 ? `\n  … and ${issues.length - 50} more` : ""),
    );
    this.name = "InputError";
  }
}

/** Raised for bad scenario files or command-line use; the message names the parameter or field. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
