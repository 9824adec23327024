/**
 * Bounds on what the loader reads, checked before the work: a data file's size, its rows, and an XLSX workbook's
 * uncompressed size (read from the ZIP's central directory, before anything is unpacked). The message says the limit
 * and what to do instead.
 */
import type { InputIssue } from "../lib/errors.ts";

export const LIMITS = {
  /** bytes of one data file (CSV or XLSX) */
  fileBytes: 256 * 1024 * 1024,
  /** data rows of one file */
  rows: 5_000_000,
  /** uncompressed bytes of an XLSX workbook */
  xlsxUncompressedBytes: 512 * 1024 * 1024,
  /** bytes of a claims ledger in CSV, which is read record by record (stream.ts), never whole */
  ledgerFileBytes: 4 * 1024 * 1024 * 1024,
  /** data rows of a claims ledger in CSV */
  ledgerRows: 25_000_000,
};

const mib = (n: number) => `${Math.round(n / 1024 / 1024).toLocaleString("en-GB")} MiB`;

export function fileSizeIssue(file: string, bytes: number, limit = LIMITS.fileBytes): InputIssue | null {
  if (bytes <= limit) return null;
  return {
    file,
    expected: `a data file of at most ${mib(limit)} (split a larger table over runs, or load it into DuckDB yourself)`,
    found: mib(bytes),
  };
}

export function rowCountIssue(file: string, rows: number, limit = LIMITS.rows): InputIssue | null {
  if (rows <= limit) return null;
  return { file, expected: `at most ${limit.toLocaleString("en-GB")} data rows`, found: `${rows.toLocaleString("en-GB")} rows` };
}

/**
 * The entries of a ZIP archive from its central directory (name, uncompressed size), or null when the bytes are not
 * a ZIP archive. Reads no compressed data.
 */
export function zipEntries(b: Uint8Array): { name: string; size: number }[] | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // the end-of-central-directory record: signature 0x06054b50 within the last 64 KiB + 22 bytes
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const out: { name: string; size: number }[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true),
      extra = view.getUint16(p + 30, true),
      comment = view.getUint16(p + 32, true);
    out.push({ name: new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen)), size });
    p += 46 + nameLen + extra + comment;
  }
  return out;
}

/** Why these bytes cannot be read as an XLSX workbook within the limits, or null. */
export function xlsxIssue(file: string, bytes: Uint8Array): InputIssue | null {
  const entries = zipEntries(bytes);
  if (!entries) return { file, expected: "an Excel workbook (.xlsx)", found: "a file that is not a ZIP archive, so not an .xlsx workbook" };
  if (!entries.some((e) => e.name === "xl/workbook.xml")) {
    return { file, expected: "an Excel workbook (.xlsx)", found: "a ZIP archive without a workbook (xl/workbook.xml): not an .xlsx file" };
  }
  const total = entries.reduce((t, e) => t + e.size, 0);
  if (total > LIMITS.xlsxUncompressedBytes) {
    return {
      file,
      expected: `a workbook of at most ${mib(LIMITS.xlsxUncompressedBytes)} unpacked (save the sheet as CSV UTF-8 instead)`,
      found: `${mib(total)} unpacked`,
    };
  }
  return null;
}

/**
 * Bounds on the work one command may ask for, checked before it starts, so that no accepted request can exhaust
 * the machine (memory stays under 4 GiB). Each message says the bound and how to go past it.
 */
export const RUN_LIMITS = {
  /** draws of the Rekenmodel's Monte Carlo in one run */
  rekenmodelDraws: 500_000,
  /** draws per matrix of a Sobol design */
  sobolN: 20_000,
  /** draws of the comparison's Monte Carlo (one municipality's question or a scenario run) */
  comparisonDraws: 200_000,
  /** values of one sweep axis */
  sweepValues: 1_000,
  /** grid points of one scenario run */
  gridPoints: 2_500,
  /** draws x grid points of one scenario run */
  drawsTimesPoints: 20_000_000,
};
