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
        issues
          .slice(0, 50)
          .map((i) => "  " + formatIssue(i))
          .join("\n") +
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

/** A run refused or stopped for a reason the user can act on (a busy warehouse, a full disk): a message, no stack. */
export class RunError extends Error {}

/** The message for an operating-system error the user can act on, or null for anything else (a bug: show the stack). */
export function systemErrorMessage(e: unknown): string | null {
  const err = e as NodeJS.ErrnoException;
  const where = err?.path ? ` (${err.path})` : "";
  switch (err?.code) {
    case "ENOSPC":
      return `the disk is full${where}; free some space and run again. A warehouse or results directory being written was not put in place; the previous one is unchanged.`;
    case "EDQUOT":
      return `the disk quota is used up${where}; free some space and run again. The previous results are unchanged.`;
    case "EACCES":
    case "EPERM":
      return `no permission to write${where}; choose a location you may write to.`;
    case "EROFS":
      return `the file system is read-only${where}; choose another location.`;
    case "ENOENT":
      return `no such file or directory${where}.`;
    default:
      return null;
  }
}
