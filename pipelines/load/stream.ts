/**
 * A claims ledger read record by record, never whole, so that a national ledger of millions of cases loads in bounded
 * memory: the file is read in pieces, each record checked as it arrives (privacy, cells, the row's own check, the
 * references) and only what the checks need afterwards is kept (a 64-bit hash and the line of each row's key).
 *
 * The checks are the loader's own (RowChecker, recordIssues, crossCheck), so a streamed file gets the same messages,
 * in the same order and with the same limits, as a file read whole (validateTable); test/hostile/invoer.test.ts holds
 * the two side by side. Only a key that more than one row hashes to is read again, in a second pass, to name the
 * rows.
 *
 * The file is loaded into DuckDB by its own CSV reader when every cell is already as the loader would write it (the
 * usual case: `canonical`), checked there against the counts taken here; otherwise, or when DuckDB reads it
 * differently, the rows are read once more and appended from memory (build.ts). Neither way writes a copy.
 */
import { createHash } from "node:crypto";
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { parentPort, Worker, workerData } from "node:worker_threads";
import type { InputIssue } from "../lib/errors.ts";
import { bomLength, invalidUtf8Issue, utf16Issue } from "./decode.ts";
import { DelimitedParser } from "./delimited.ts";
import { fileSizeIssue, LIMITS, rowCountIssue } from "./limits.ts";
import { headerIssues, MAX_PRIVACY_ISSUES, recordIssues, textColumnFlags } from "./privacy.ts";
import { TABLES, type TableSpec } from "./schema.ts";
import { headerIssue, MAX_ISSUES_PER_FILE, noRowsIssue, privacyTextColumns, RowChecker, type ValidTable } from "./validate.ts";

/** What loading a streamed table needs once its checks have passed. */
export interface Streamed {
  /** the file, to be read again */
  path: string;
  header: string[];
  decimalComma: boolean;
  /** where each spec column is in the header (-1: left out) */
  position: number[];
  /** data rows */
  rows: number;
  /** every cell as the loader writes it (a yes/no in any of its words), so that DuckDB can read the file itself */
  canonical: boolean;
  /** per spec column, the rows with a value in it */
  filled: number[];
  /** values of a column with references that are not among them (line, spec column, value), for crossCheck */
  misses: { line: number; column: number; value: string }[];
}

/** The bytes of a file in pieces of 8 MiB from `from` to `to`; each piece is valid until the next is asked for. */
export function* pieces(path: string, from = 0, to = Number.POSITIVE_INFINITY): Generator<Uint8Array> {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.allocUnsafe(8 * 1024 * 1024);
    let pos = from;
    while (pos < to) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, to - pos), pos);
      if (n === 0) return;
      pos += n;
      yield buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * A stretch of a file: from its start, or from after a line break with the header read from the file's start; `open`
 * when more of the file follows it.
 */
interface Stretch {
  from: number;
  to: number;
  open: boolean;
  header?: string[];
  decimalComma?: boolean;
}

/**
 * Reads a CSV file's records in order: `onRecord` gets each data record (returning false stops the reading) once
 * `parser.header` is set. Refuses UTF-16 and bytes that are not UTF-8 as decodeUtf8 does. `hash` sees every byte.
 * With `stretch`, only its bytes are read, their lines counted from 1, and the parser is left open at its end.
 */
export function readRecords(
  path: string,
  file: string,
  onRecord: (parser: DelimitedParser, line: number, cells: string[]) => boolean,
  hash?: { update(b: Uint8Array): unknown },
  stretch?: Stretch,
): { parser: DelimitedParser; issue: InputIssue | null } {
  const parser = new DelimitedParser(file, stretch?.header ? { header: stretch.header, decimalComma: stretch.decimalComma ?? false } : undefined);
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let stopped = false;
  const keep = (line: number, cells: string[]) => {
    if (!stopped && !onRecord(parser, line, cells)) stopped = true;
  };
  let first = !stretch || stretch.from === 0;
  let bom = 0;
  for (const piece of pieces(path, stretch?.from, stretch?.to)) {
    hash?.update(piece);
    let bytes = piece;
    if (first) {
      first = false;
      const utf16 = utf16Issue(piece, file);
      if (utf16) return { parser, issue: utf16 };
      bom = bomLength(piece);
      bytes = piece.subarray(bom);
    }
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      return { parser, issue: invalidUtf8Issue(pieces(path, bom), file) };
    }
    const issue = parser.push(text, keep);
    if (issue) return { parser, issue };
    if (stopped) return { parser, issue: null };
  }
  if (first) return { parser, issue: { file, expected: "a header line followed by data rows", found: "an empty file" } };
  try {
    const rest = decoder.decode();
    if (rest) parser.push(rest, keep);
  } catch {
    return { parser, issue: invalidUtf8Issue(pieces(path, bom), file) };
  }
  if (stretch?.open) return { parser, issue: null };
  return { parser, issue: stopped ? null : parser.end(keep) };
}

/** A 53-bit hash of a string (two 32-bit FNV-1a lanes), exact in a double. */
function hash53(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (b >>> 11) * 4294967296 + (a >>> 0);
}

/** What the header says for the checks of the rows: personal data in its names, whether it fits the spec. */
function headerChecks(spec: TableSpec, file: string, header: string[], decimalComma: boolean) {
  const named = spec.personalDataFree ? headerIssues(file, header) : [];
  const isText = spec.personalDataFree ? textColumnFlags(header, privacyTextColumns(spec, header)) : null;
  const problem = headerIssue(spec, header, file);
  return { named, isText, problem, checker: problem ? null : new RowChecker(spec, header, file, decimalComma) };
}

/** The checks of a stretch of records, one record at a time, and what they keep. */
class Pass {
  readonly issues: InputIssue[] = [];
  readonly privacy: InputIssue[] = [];
  records = 0;
  rows = 0;
  canonical = true;
  tooMany = false;
  readonly filled: number[];
  readonly misses: Streamed["misses"] = [];
  hashes = new Float64Array(1 << 16);
  lines = new Uint32Array(1 << 16);
  private readonly yesNo: boolean[];
  constructor(
    spec: TableSpec,
    private readonly file: string,
    private readonly h: ReturnType<typeof headerChecks>,
    private readonly refs: (Set<string>[] | null)[],
  ) {
    this.filled = spec.columns.map(() => 0);
    this.yesNo = spec.columns.map((c) => c.type === "boolean");
  }

  /** Checks one record; false: nothing more to look for. */
  record(header: string[], line: number, cells: string[]): boolean {
    if (++this.records > LIMITS.ledgerRows) {
      this.tooMany = true;
      return false;
    }
    const { privacy, issues, h } = this;
    if (h.isText) recordIssues(privacy, this.file, header, line, cells, h.isText);
    // personal data anywhere replaces every other message: once found, only more of it is looked for
    if (h.named.length || privacy.length) return privacy.length < MAX_PRIVACY_ISSUES;
    const checker = h.checker;
    if (!checker || issues.length >= MAX_ISSUES_PER_FILE) return true;
    const out = checker.check(line, cells, issues);
    if (!out) return true;
    const position = checker.position;
    for (let j = 0; j < out.length; j++) {
      const v = out[j];
      if (v !== "") this.filled[j]++;
      if (this.canonical && position[j] >= 0) {
        const raw = cells[position[j]];
        // a yes/no is read by its word (BOOLEAN_WORDS) when it has no spaces around it
        if (raw !== v) this.canonical = this.yesNo[j] && raw === raw.trim();
      }
      const r = this.refs[j];
      if (r && v !== "" && this.misses.length < MAX_ISSUES_PER_FILE) {
        let listed = false;
        for (const s of r) if (s.has(v)) listed = true;
        if (!listed) this.misses.push({ line, column: j, value: v });
      }
    }
    const n = this.rows;
    if (n === this.hashes.length) {
      const hs = new Float64Array(n * 2);
      hs.set(this.hashes);
      this.hashes = hs;
      const ls = new Uint32Array(n * 2);
      ls.set(this.lines);
      this.lines = ls;
    }
    this.hashes[n] = hash53(checker.key(out));
    this.lines[n] = line;
    this.rows++;
    return true;
  }
}

/** What a pass over a stretch hands back (from a worker thread: plain data, its arrays moved). */
interface PassResult {
  issues: InputIssue[];
  privacy: InputIssue[];
  records: number;
  rows: number;
  canonical: boolean;
  tooMany: boolean;
  filled: number[];
  misses: Streamed["misses"];
  hashes: Float64Array;
  lines: Uint32Array;
  /** the line the next record would start on, and whether the stretch ended between records */
  endLine: number;
  clean: boolean;
  issue: InputIssue | null;
}

function passResult(p: Pass, parser: DelimitedParser, issue: InputIssue | null): PassResult {
  return {
    issues: p.issues,
    privacy: p.privacy,
    records: p.records,
    rows: p.rows,
    canonical: p.canonical,
    tooMany: p.tooMany,
    filled: p.filled,
    misses: p.misses,
    hashes: p.hashes.slice(0, p.rows),
    lines: p.lines.slice(0, p.rows),
    endLine: parser.nextLine,
    clean: parser.pending === 0,
    issue,
  };
}

/** Files from this size on are read in stretches by worker threads, one per core (up to four): below it, starting
 * the threads costs more than they save. */
const PARALLEL_FROM = 32 * 1024 * 1024;

/**
 * Reads and checks a table from a CSV file record by record. `known(ref)` gives the values of a referenced column
 * (a table read before this one). The issues are those validateTable would give for the file read whole.
 *
 * A large file is read in stretches that start after a line break, each by a worker thread with the same checks;
 * their lines are then counted on and their results joined in file order. A stretch that did not end between two
 * records (a quoted field with a line break across the cut), or any stretch that meets a problem with the file
 * itself (its encoding, an open quote), sends the whole file to be read in one pass, which finds what the whole-file
 * reading would.
 */
export async function streamTable(
  spec: TableSpec,
  path: string,
  file: string,
  known: (ref: string) => Set<string> | undefined,
  { parallelFrom = PARALLEL_FROM, parts = Math.min(4, availableParallelism()) } = {},
): Promise<{ table: ValidTable; issues: InputIssue[]; sha256: string; bytes: number; stretches: number }> {
  const bytes = statSync(path).size;
  const empty = (issues: InputIssue[], sha256 = "") => ({ table: { spec, file, rows: [], lines: [] }, issues, sha256, bytes, stretches: 1 });
  const tooBig = fileSizeIssue(file, bytes, LIMITS.ledgerFileBytes);
  if (tooBig) return empty([tooBig]);
  const refs = spec.columns.map((c) => (c.references ? c.references.map(known).filter((x): x is Set<string> => !!x) : null));

  // the header, from the file's start
  let head: { header: string[]; decimalComma: boolean } | null = null;
  const start = readRecords(path, file, (p) => {
    head = { header: p.header ?? [], decimalComma: p.decimalComma };
    return false;
  });
  if (start.issue) return empty([start.issue]);
  if (!head && start.parser.header) head = { header: start.parser.header, decimalComma: start.parser.decimalComma };
  if (!head) return empty([{ file, expected: "a header line followed by data rows", found: "an empty file" }]);
  const { header, decimalComma } = head as { header: string[]; decimalComma: boolean };
  const h = headerChecks(spec, file, header, decimalComma);

  let results: PassResult[] | null = null;
  let sha256 = "";
  if (bytes >= parallelFrom && parts > 1 && !h.problem && !h.named.length) {
    const cuts = lineStarts(path, bytes, parts);
    const stretches = cuts.slice(0, -1).map((from, i) => ({ from, to: cuts[i + 1], open: i < cuts.length - 2, ...(i === 0 ? {} : { header, decimalComma }) }));
    const running = stretches.map((st) => inWorker(spec.table, path, file, st, refs));
    // the file's hash meanwhile, on this thread
    const sha = createHash("sha256");
    for (const piece of pieces(path)) sha.update(piece);
    sha256 = sha.digest("hex");
    // a reader that fails (a thread that cannot start) leaves the file to one pass on this thread
    results = await Promise.all(running).catch(() => null);
    if (results?.some((r, i) => r.issue || (i < results!.length - 1 && !r.clean))) results = null;
  }
  if (!results) {
    const sha = createHash("sha256");
    const pass = new Pass(spec, file, h, refs);
    const { parser, issue } = readRecords(path, file, (_p, line, cells) => pass.record(header, line, cells), sha);
    if (issue) return empty([issue]);
    results = [passResult(pass, parser, null)];
    sha256 = sha.digest("hex");
  }
  return { ...joined(spec, path, file, h, header, decimalComma, results, sha256, bytes), stretches: results.length };
}

/** The results of the stretches in file order, their lines counted on, as the result of one pass. */
function joined(
  spec: TableSpec,
  path: string,
  file: string,
  h: ReturnType<typeof headerChecks>,
  header: string[],
  decimalComma: boolean,
  results: PassResult[],
  sha256: string,
  bytes: number,
): { table: ValidTable; issues: InputIssue[]; sha256: string; bytes: number } {
  const empty = (issues: InputIssue[]) => ({ table: { spec, file, rows: [], lines: [] }, issues, sha256, bytes });
  // the lines of stretch k follow those of the stretches before it
  let offset = 0;
  const issues: InputIssue[] = [];
  const privacy: InputIssue[] = [];
  const misses: Streamed["misses"] = [];
  let rows = 0;
  let records = 0;
  for (const r of results) {
    for (const x of r.issues) issues.push({ ...x, line: (x.line ?? 0) + offset });
    for (const x of r.privacy) privacy.push({ ...x, line: (x.line ?? 0) + offset });
    for (const m of r.misses) misses.push({ ...m, line: m.line + offset });
    if (offset) for (let i = 0; i < r.lines.length; i++) r.lines[i] += offset;
    rows += r.rows;
    records += r.records;
    offset += r.endLine - 1;
  }
  if (records > LIMITS.ledgerRows || results.some((r) => r.tooMany))
    return empty([{ ...rowCountIssue(file, records, LIMITS.ledgerRows)!, found: `more than ${LIMITS.ledgerRows.toLocaleString("en-GB")} rows` }]);
  if (h.named.length || privacy.length) return empty([...h.named, ...privacy.slice(0, MAX_PRIVACY_ISSUES)]);
  if (h.problem) return empty([h.problem]);
  if (records === 0) return empty([noRowsIssue(file)]);

  const hashes = new Float64Array(rows);
  const lines = new Uint32Array(rows);
  let at = 0;
  for (const r of results) {
    hashes.set(r.hashes, at);
    lines.set(r.lines, at);
    at += r.rows;
  }
  // keys: only rows whose hash another row shares are read again, to compare the keys themselves
  const sorted = hashes.slice().sort();
  const shared = new Set<number>();
  for (let i = 1; i < rows; i++) if (sorted[i] === sorted[i - 1]) shared.add(sorted[i]);
  const duplicates: InputIssue[] = [];
  if (shared.size && h.checker) {
    const again = new Set<number>();
    for (let i = 0; i < rows; i++) if (shared.has(hashes[i])) again.add(lines[i]);
    const first = new Map<string, number>();
    const c = h.checker;
    readRecords(path, file, (_p, line, cells) => {
      if (!again.has(line)) return true;
      const out = c.check(line, cells, []);
      if (!out) return true;
      const key = c.key(out);
      const f = first.get(key);
      if (f === undefined) first.set(key, line);
      else duplicates.push(c.duplicate(line, out, f));
      return true;
    });
  }
  if (issues.length || duplicates.length) return empty(upToLimit([...issues, ...duplicates]));
  const streamed: Streamed = {
    path,
    header,
    decimalComma,
    position: h.checker?.position ?? [],
    rows,
    canonical: results.every((r) => r.canonical),
    filled: spec.columns.map((_, j) => results.reduce((t, r) => t + r.filled[j], 0)),
    misses: misses.sort((a, b) => a.line - b.line).slice(0, MAX_ISSUES_PER_FILE),
  };
  return { table: { spec, file, rows: [], lines: [], streamed }, issues: [], sha256, bytes };
}

/** `parts` + 1 byte offsets: 0, the start of a line near each even cut, and the file's size. */
function lineStarts(path: string, bytes: number, parts: number): number[] {
  const cuts = [0];
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.allocUnsafe(1 << 16);
    for (let k = 1; k < parts; k++) {
      let pos = Math.max(cuts[cuts.length - 1] + 1, Math.floor((bytes * k) / parts));
      for (;;) {
        const n = readSync(fd, buf, 0, buf.length, pos);
        if (n === 0) break;
        const nl = buf.subarray(0, n).indexOf(10);
        if (nl >= 0) {
          if (pos + nl + 1 < bytes) cuts.push(pos + nl + 1);
          break;
        }
        pos += n;
      }
    }
  } finally {
    closeSync(fd);
  }
  return [...new Set(cuts), bytes];
}

/** A pass over a stretch in a worker thread (stream-worker.mjs). */
function inWorker(table: string, path: string, file: string, stretch: Stretch, refs: (Set<string>[] | null)[]): Promise<PassResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL("./stream-worker.mjs", import.meta.url), {
      workerData: { table, path, file, stretch, refs: refs.map((r) => r?.map((x) => [...x]) ?? null) },
    });
    w.once("message", resolve);
    w.once("error", reject);
    w.once("exit", (code) => code !== 0 && reject(new Error(`a reader of ${file} stopped (${code})`)));
  });
}

/** The worker's side (stream-worker.mjs): one pass over its stretch, with the checks of the table named. */
export function passInWorker() {
  const d = workerData as { table: string; path: string; file: string; stretch: Stretch; refs: (string[][] | null)[] };
  const spec = TABLES.find((t) => t.table === d.table);
  if (!spec) throw new Error(`no table ${d.table}`);
  const refs = d.refs.map((r) => r?.map((v) => new Set(v)) ?? null);
  let pass: Pass | null = null;
  const { parser, issue } = readRecords(
    d.path,
    d.file,
    (p, line, cells) => {
      // the first stretch reads the header itself; the others are given it
      pass ??= new Pass(spec, d.file, headerChecks(spec, d.file, p.header ?? [], p.decimalComma), refs);
      return pass.record(p.header ?? [], line, cells);
    },
    undefined,
    d.stretch,
  );
  const r = passResult(pass ?? new Pass(spec, d.file, headerChecks(spec, d.file, [], false), refs), parser, issue);
  parentPort?.postMessage(r, [r.hashes.buffer as ArrayBuffer, r.lines.buffer as ArrayBuffer]);
}

/**
 * Issues in line order, cut where validateTable stops: at the first row at which MAX_ISSUES_PER_FILE are reached
 * (a row's issues stay together).
 */
function upToLimit(all: InputIssue[]): InputIssue[] {
  const sorted = all.map((x, i) => [x, i] as const).sort((a, b) => (a[0].line ?? 0) - (b[0].line ?? 0) || a[1] - b[1]);
  const out: InputIssue[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (out.length >= MAX_ISSUES_PER_FILE && sorted[i][0].line !== sorted[i - 1][0].line) break;
    out.push(sorted[i][0]);
  }
  return out;
}
