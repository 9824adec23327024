// A claims ledger read record by record (pipelines/load/stream.ts), in one pass or in stretches by worker threads,
// says what the loader says of the same file read whole (decodeUtf8, parseDelimited, validateTable, crossCheck): the
// same issues, in the same order, with the same lines and columns, and the same limits. And the table it loads is the
// same whether DuckDB reads the file itself or the rows are appended from memory.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import type { InputIssue } from "../pipelines/lib/errors.ts";
import { decodeUtf8 } from "../pipelines/load/decode.ts";
import { DelimitedParser, parseDelimited } from "../pipelines/load/delimited.ts";
import { crossCheck } from "../pipelines/load/inputs.ts";
import { TABLES } from "../pipelines/load/schema.ts";
import { streamTable } from "../pipelines/load/stream.ts";
import { type ValidTable, validateTable } from "../pipelines/load/validate.ts";
import { castText, loadStaging } from "../pipelines/warehouse/build.ts";
import { shipped, tempDir } from "./support/fixtures.ts";

const spec = (t: string) => TABLES.find((s) => s.table === t)!;
const LEDGER = spec("stg_verhaal_claims");
const claims = shipped("verhaal/verhaalde_claims.csv");
const [header, ...body] = claims.trim().split("\n");

/** The tables a ledger's references point to, read whole as the loader reads them. */
const referenced = ["stg_bronnen", "stg_gemeenten", "stg_gemeenten_historisch"].map((t) => {
  const s = spec(t);
  const p = parseDelimited(shipped(`${s.file}.csv`), s.file);
  if ("issue" in p) throw new Error(p.issue.expected);
  return validateTable(s, p.table, s.file).table;
});
const known = (ref: string) => {
  const [t, col] = ref.split(".");
  const v = referenced.find((x) => x.spec.table === t);
  const j = v?.spec.columns.findIndex((c) => c.name === col) ?? -1;
  return v ? new Set(v.rows.map((r) => r[j])) : undefined;
};

/** What the loader says of these bytes read whole. */
function whole(bytes: Uint8Array): InputIssue[] {
  const text = decodeUtf8(bytes, "l.csv");
  if ("issue" in text) return [text.issue];
  const p = parseDelimited(text.text, "l.csv");
  if ("issue" in p) return [p.issue];
  const { table, issues } = validateTable(LEDGER, p.table, "l.csv");
  return issues.length ? issues : crossCheck([...referenced, table]);
}

/** What it says of them read record by record: in one pass, and in `parts` stretches by worker threads. */
async function streamed(bytes: Uint8Array, parts: number): Promise<{ issues: InputIssue[]; table: ValidTable; stretches: number }> {
  const path = join(tempDir(), "l.csv");
  writeFileSync(path, bytes);
  const r = await streamTable(LEDGER, path, "l.csv", known, { parallelFrom: parts > 1 ? 0 : Number.POSITIVE_INFINITY, parts });
  return { issues: r.issues.length ? r.issues : crossCheck([...referenced, r.table]), table: r.table, stretches: r.stretches };
}

const csv = (rows: string[], head = header, eol = "\n") => Buffer.from([head, ...rows].join(eol) + eol);
const cellsOf = (row: string) => row.split(",");
const withCell = (row: string, j: number, v: string) =>
  cellsOf(row)
    .map((c, k) => (k === j ? v : c))
    .join(",");

/** Each file of the corpus, how it is wrong, and how many issues the loader finds in it (where that is the point). */
const corpus: [string, Uint8Array, number?][] = [
  ["the shipped ledger", csv(body)],
  ["an impossible date in the second half", csv(body.map((r, i) => (i === 3000 ? withCell(r, 3, "2019-02-30") : r)))],
  [
    "more than a hundred bad amounts and repeated keys, interleaved: the issues stop after the same row (101: a row keeps both its issues)",
    csv(body.flatMap((r, i) => (i % 25 === 0 ? [withCell(withCell(r, 5, "veel"), 13, "x"), r] : i % 29 === 0 ? [r, r] : [r]))),
    101,
  ],
  ["a key on three rows far apart", csv([...body.slice(0, 2000), body[10], ...body.slice(2000), body[10]])],
  ["a BSN in a cell in the second half", csv(body.map((r, i) => (i === 3500 ? withCell(r, 0, "Z-111222333") : r)))],
  [
    "a header that names personal data, and a BSN",
    csv(
      body.map((r, i) => (i === 5 ? withCell(r, 5, "111222333") : r)),
      header.replace("honorarium", "bsn"),
    ),
  ],
  ["a header without a column", csv(body, header.replace(",status", ""))],
  ["only a header", csv([])],
  ["an unknown municipality on 198 rows: the first 100 listed", csv(body.map((r, i) => (i % 20 === 0 ? withCell(r, 1, "GM9999") : r))), 100],
  [
    "CRLF line ends, a byte-order mark and blank lines",
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv([...body.slice(0, 1500), "", ...body.slice(1500)], header, "\r\n")]),
  ],
  ["a Dutch export: semicolons and decimal commas", Buffer.from(claims.replace(/,/g, ";").replace(/(\d)\.(\d)/g, "$1,$2"))],
  ["a row with a field too many", csv(body.map((r, i) => (i === 2500 ? `${r},x` : r)))],
  ["an unclosed quote at the end", Buffer.concat([csv(body), Buffer.from('"Z-9,GM0003\n')])],
  [
    "a byte that is not UTF-8 in the second half",
    Buffer.concat([csv(body.slice(0, 3000)), Buffer.from([0x5a, 0x2d, 0xe9, 0x2c, 0x0a]), csv(body.slice(3000), "")]),
  ],
];

/** A quoted field whose line breaks cover the middle of the file, so that the cut between two stretches falls in it. */
function quotedAcrossTheMiddle(): Uint8Array {
  const before = csv(body.slice(0, 1900)).length;
  const field = `"Z-${"\n".repeat(Math.max(0, 2 * (csv(body).length / 2 - before) + 64))}1"`;
  return csv([...body.slice(0, 1900), withCell(body[1900], 0, field), ...body.slice(1901)]);
}

describe("a claims ledger read record by record", () => {
  it.each(corpus)("%s: the same issues as the file read whole, in one pass and in stretches", async (_name, bytes, count) => {
    const expected = whole(bytes);
    if (count !== undefined) expect(expected).toHaveLength(count);
    const one = await streamed(bytes, 1);
    expect(one.issues).toEqual(expected);
    const two = await streamed(bytes, 2);
    expect(two.issues).toEqual(expected);
    // in two stretches, unless the file itself is at fault (its encoding, an open quote) or its header (line 1), or it
    // has no rows: then in one pass
    expect(two.stretches).toBe(expected.some((x) => x.line === 1 || /UTF-8|closing quote|data row/.test(x.expected)) ? 1 : 2);
    if (!expected.length) expect(one.table.streamed?.rows).toBe(two.table.streamed?.rows);
  });

  it("a quoted field with line breaks across the cut between two stretches: read in one pass, with its lines counted", async () => {
    const bytes = quotedAcrossTheMiddle();
    const expected = whole(bytes);
    expect(expected[0]).toMatchObject({ line: 1902, columnName: "zaak_id" });
    const two = await streamed(bytes, 2);
    expect(two.issues).toEqual(expected);
    expect(two.stretches).toBe(1);
  });

  it("counts the rows, and says which files DuckDB may read itself (every cell as the loader writes it)", async () => {
    const shippedLedger = await streamed(csv(body), 2);
    expect(shippedLedger.table.streamed).toMatchObject({ rows: body.length, canonical: true });
    expect((await streamed(corpus[10][1], 1)).table.streamed).toMatchObject({ rows: body.length, canonical: false });
  });

  it("reads pieces cut anywhere as it reads the text whole", () => {
    const text = 'a,b\r\n"x, ""y""",1\n\n"twee\nregels",2\r\nz,"3"\n';
    const full = parseDelimited(text, "f");
    for (let cut = 0; cut <= text.length; cut++) {
      const p = new DelimitedParser("f");
      const rows: { line: number; cells: string[] }[] = [];
      const keep = (line: number, cells: string[]) => rows.push({ line, cells });
      expect(p.push(text.slice(0, cut), keep) ?? p.push(text.slice(cut), keep) ?? p.end(keep)).toBeNull();
      expect({ table: { header: p.header, rows, decimalComma: p.decimalComma } }, `cut at ${cut}`).toEqual(full);
    }
  });
});

describe("loading a streamed ledger", () => {
  /** The staging table a file loads to, every row as text in key order. */
  async function loaded(bytes: Uint8Array): Promise<{ rows: unknown[][]; canonical: boolean }> {
    const { table } = await streamed(bytes, 1);
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    try {
      await loadStaging(con, table, tempDir());
      const r = await con.runAndReadAll(`SELECT * FROM stg_verhaal_claims ORDER BY zaak_id`);
      return { rows: r.getRowsJson() as unknown[][], canonical: table.streamed?.canonical ?? false };
    } finally {
      con.closeSync();
      db.closeSync();
    }
  }

  it("casts an amount through DECIMAL(18, 4) only where that gives the value a DECIMAL(20, 4) cast gives", async () => {
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    try {
      // amounts of 1 to 16 digits before the point and 0 to 8 after it, ties at the fourth decimal among them
      const r = await con.runAndReadAll(`
        WITH s AS (
          SELECT CASE WHEN i % 2 = 0 THEN '-' ELSE '' END || (hash(i) % (10 ** (i % 17))::UBIGINT)::VARCHAR
                 || CASE WHEN i % 9 = 0 THEN '' ELSE '.' || lpad((hash(i * 7) % 100000000)::VARCHAR, (i % 9)::INTEGER, '0') END AS k
          FROM range(20000) t(i)
          UNION ALL SELECT unnest(['0.00005', '-0.00005', '12.34565', '9999999999999999.9999', '0', '-0'])
        )
        SELECT count(*), count(*) FILTER (WHERE CAST(k AS DECIMAL(20, 4)) IS DISTINCT FROM ${castText("k", "DECIMAL(20,4)")}),
               count(*) FILTER (WHERE length(k) <= 14)
        FROM s`);
      const [all, different, short] = r.getRows()[0].map(Number);
      expect(different).toBe(0);
      expect(short).toBeGreaterThan(all / 2);
      expect(castText("k", "DECIMAL(9,4)")).toBe("CAST(k AS DECIMAL(9,4))");
    } finally {
      con.closeSync();
      db.closeSync();
    }
  });

  it("gives the same table when DuckDB reads the file itself as when the rows are appended from memory", async () => {
    const read = await loaded(csv(body));
    expect(read.canonical).toBe(true);
    expect(read.rows).toHaveLength(body.length);
    // a Dutch export is normalised by the loader and appended
    const dutch = await loaded(corpus[10][1]);
    expect(dutch.canonical).toBe(false);
    expect(dutch.rows).toEqual(read.rows);
    // a quoted id with text after its closing quote: the loader reads Z-000001 as spreadsheets do, DuckDB refuses
    // the file; it is appended instead
    const odd = await loaded(csv(body.map((r, i) => (i === 0 ? withCell(r, 0, '"Z-0000"01') : r))));
    expect(odd.canonical).toBe(true);
    expect(odd.rows).toEqual(read.rows);
  });
});
