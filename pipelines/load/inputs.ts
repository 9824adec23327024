import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { Decimal } from "decimal.js";
import { InputError, type InputIssue } from "../lib/errors.ts";
import { decodeUtf8 } from "./decode.ts";
import { parseDelimited, type RawTable } from "./delimited.ts";
import { TABLES, type TableSpec } from "./schema.ts";
import { MAX_ISSUES_PER_FILE, validateTable, type ValidTable } from "./validate.ts";
import { streamTable } from "./stream.ts";
import { readXlsx } from "./xlsx.ts";
import { fileSizeIssue, rowCountIssue, xlsxIssue } from "./limits.ts";

export interface InputFile {
  table: string;
  path: string;
  /** shipped (the project's data/) or user (--data DIR) */
  origin: "shipped" | "user";
  sha256: string;
  bytes: number;
  rows: number;
}

export interface LoadedInputs {
  tables: ValidTable[];
  files: InputFile[];
}

/**
 * Finds the file for a table: the user's directory first, then the shipped data. A directory that holds both a .csv
 * and an .xlsx for the same table is ambiguous (`beide`): the loader refuses it rather than pick one silently.
 */
export function locate(spec: TableSpec, shippedDir: string, userDir?: string): { path: string; origin: "shipped" | "user"; beide?: string } | null {
  const dirs: [string, "shipped" | "user"][] = userDir
    ? [
        [userDir, "user"],
        [shippedDir, "shipped"],
      ]
    : [[shippedDir, "shipped"]];
  for (const [dir, origin] of dirs) {
    const [csv, xlsx] = [".csv", ".xlsx"].map((ext) => join(dir, spec.file + ext));
    if (existsSync(csv) && existsSync(xlsx)) return { path: csv, origin, beide: xlsx };
    if (existsSync(csv)) return { path: csv, origin };
    if (existsSync(xlsx)) return { path: xlsx, origin };
  }
  return null;
}

export async function readRaw(path: string, label: string): Promise<{ table: RawTable } | { issue: InputIssue }> {
  const tooBig = fileSizeIssue(label, statSync(path).size);
  if (tooBig) return { issue: tooBig };
  const bytes = readFileSync(path);
  const raw = await (async (): Promise<{ table: RawTable } | { issue: InputIssue }> => {
    if (path.endsWith(".xlsx")) {
      const bad = xlsxIssue(label, bytes);
      return bad ? { issue: bad } : readXlsx(bytes, label);
    }
    if (bytes.length === 0) return { issue: { file: label, expected: "a header line followed by data rows", found: "an empty file" } };
    const decoded = decodeUtf8(bytes, label);
    if ("issue" in decoded) return decoded;
    return parseDelimited(decoded.text, label);
  })();
  if ("table" in raw) {
    const many = rowCountIssue(label, raw.table.rows.length);
    if (many) return { issue: many };
  }
  return raw;
}

/** Reads and validates every declared file; throws InputError listing every problem found. */
export async function loadInputs(
  shippedDir: string,
  userDir?: string,
  specs: TableSpec[] = TABLES,
  files_: Record<string, string | undefined> = {},
): Promise<LoadedInputs> {
  const issues: InputIssue[] = [];
  const tables: ValidTable[] = [];
  const files: InputFile[] = [];
  for (const spec of specs) {
    const given = files_[spec.table];
    const found = given ? (existsSync(given) ? { path: resolve(given), origin: "user" as const } : null) : locate(spec, shippedDir, userDir);
    const label = (p: string) => {
      const rel = relative(process.cwd(), p);
      return rel && !rel.startsWith("..") ? rel : p;
    };
    if (!found) {
      issues.push({
        file: given ?? label(join(userDir ?? shippedDir, spec.file + ".csv")),
        expected: `the file for ${spec.table} (${spec.description})`,
        found: "no such file (.csv or .xlsx)",
      });
      continue;
    }
    if (found.beide) {
      issues.push({
        file: label(found.path),
        expected: `one file for ${spec.table}: ${spec.file}.csv or ${spec.file}.xlsx`,
        found: `both, ${label(found.path)} and ${label(found.beide)}; remove or rename the one you do not mean`,
      });
      continue;
    }
    if (spec.streamed && found.path.endsWith(".csv")) {
      // a table that grows with cases (the claims ledger), read record by record
      const known = (ref: string) => columnSet(tables, ref);
      const s = await streamTable(spec, found.path, label(found.path), known);
      for (const x of s.issues) issues.push(x);
      tables.push(s.table);
      files.push({ table: spec.table, path: label(found.path), origin: found.origin, sha256: s.sha256, bytes: s.bytes, rows: s.table.streamed?.rows ?? 0 });
      continue;
    }
    const raw = await readRaw(found.path, label(found.path));
    const bytes = readFileSync(found.path);
    if ("issue" in raw) {
      issues.push(raw.issue);
      continue;
    }
    const { table, issues: own } = validateTable(spec, raw.table, label(found.path));
    for (const x of own) issues.push(x);
    tables.push(table);
    files.push({
      table: spec.table,
      path: label(found.path),
      origin: found.origin,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      bytes: bytes.length,
      rows: table.rows.length,
    });
  }
  if (issues.length === 0) for (const x of crossCheck(tables)) issues.push(x);
  if (issues.length) throw new InputError(issues);
  return { tables, files };
}

function columnSet(tables: ValidTable[], ref: string): Set<string> | undefined {
  const [tableName, col] = ref.split(".");
  const t = tables.find((x) => x.spec.table === tableName);
  if (!t) return undefined;
  const j = t.spec.columns.findIndex((c) => c.name === col);
  return new Set(t.rows.map((r) => r[j]));
}

/** Checks that span files: references to other tables, parameter bounds, names that must match codes. */
export function crossCheck(tables: ValidTable[]): InputIssue[] {
  const issues: InputIssue[] = [];
  const fileOf = (table: string) => tables.find((t) => t.spec.table === table)?.file ?? table;
  // at most MAX_ISSUES_PER_FILE per file, as the checks within a file
  const perFile = new Map<string, number>();
  const add = (x: InputIssue) => {
    const n = perFile.get(x.file) ?? 0;
    if (n >= MAX_ISSUES_PER_FILE) return;
    perFile.set(x.file, n + 1);
    issues.push(x);
  };
  for (const t of tables) {
    t.spec.columns.forEach((c, j) => {
      if (!c.references) return;
      const sets = c.references.map((r) => columnSet(tables, r)).filter((s): s is Set<string> => !!s);
      const where = c.references.map((r) => `${fileOf(r.split(".")[0])}`).join(" or ");
      const miss = (line: number, v: string) => add({ file: t.file, line, columnName: c.name, expected: `a ${c.name} listed in ${where}`, found: `"${v}"` });
      // a streamed table's values were looked up as it was read
      if (t.streamed) for (const m of t.streamed.misses) m.column === j && miss(m.line, m.value);
      else
        t.rows.forEach((row, i) => {
          const v = row[j];
          if (v !== "" && !sets.some((s) => s.has(v))) miss(t.lines[i], v);
        });
    });
  }
  // parameter values within the bounds declared in the registry
  const reg = tables.find((t) => t.spec.table === "stg_parameters");
  const vals = tables.find((t) => t.spec.table === "stg_parameter_waarden");
  if (reg && vals) {
    const bounds = new Map(reg.rows.map((r) => [r[0], { unit: r[2], min: r[3], max: r[4] }]));
    const col = (n: string) => vals.spec.columns.findIndex((c) => c.name === n);
    vals.rows.forEach((row, i) => {
      const b = bounds.get(row[col("parameter_id")]);
      if (!b) return;
      for (const name of ["waarde", "laag", "hoog"]) {
        const text = row[col(name)];
        if (text === "") continue;
        const d = text.includes("/") ? new Decimal(text.split("/")[0]).div(text.split("/")[1]) : new Decimal(text);
        if ((b.min !== "" && d.lt(b.min)) || (b.max !== "" && d.gt(b.max))) {
          add({
            file: vals.file,
            line: vals.lines[i],
            column: col(name) + 1,
            columnName: name,
            expected: `a value of ${row[0]} ${b.min !== "" && b.max !== "" ? `from ${b.min} to ${b.max}` : b.min !== "" ? `of at least ${b.min}` : `of at most ${b.max}`} (${b.unit})`,
            found: text,
          });
        }
      }
    });
  }
  // names in opt-out lists must match the municipality code
  const names = new Map<string, string>();
  for (const tn of ["stg_gemeenten", "stg_gemeenten_historisch"]) for (const r of tables.find((t) => t.spec.table === tn)?.rows ?? []) names.set(r[0], r[1]);
  const opt = tables.find((t) => t.spec.table === "stg_wmo_niet_deelnemend");
  opt?.rows.forEach((r, i) => {
    const known = names.get(r[1]);
    if (known !== undefined && known !== r[2])
      add({ file: opt.file, line: opt.lines[i], columnName: "gemeentenaam", expected: `the name of ${r[1]} (${known})`, found: `"${r[2]}"` });
  });
  return issues;
}
