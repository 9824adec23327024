/** Plain-text tables for the terminal. */
export function table(
  rows: Record<string, unknown>[],
  columns: { key: string; label: string; align?: "left" | "right"; format?: (v: unknown) => string }[],
): string {
  const cells = rows.map((r) => columns.map((c) => (c.format ? c.format(r[c.key]) : r[c.key] === null || r[c.key] === undefined ? "" : String(r[c.key]))));
  const widths = columns.map((c, j) => Math.max(c.label.length, ...cells.map((r) => r[j].length)));
  const line = (vals: string[]) =>
    vals
      .map((v, j) => (columns[j].align === "right" ? v.padStart(widths[j]) : v.padEnd(widths[j])))
      .join("  ")
      .trimEnd();
  return [line(columns.map((c) => c.label)), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

/** Euro amount with thousands separators, to the euro or to cents. */
export function euro(v: unknown, decimals = 0): string {
  if (v === null || v === undefined || v === "") return "";
  const n = typeof v === "string" ? Number(v) : (v as number);
  return "EUR " + n.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function num(v: unknown, decimals = 4): string {
  if (v === null || v === undefined || v === "") return "";
  const n = typeof v === "string" ? Number(v) : (v as number);
  return n.toLocaleString("en-GB", { maximumFractionDigits: decimals });
}

export function amountIn(unit: unknown, v: unknown): string {
  if (unit === "eur") return euro(v, Math.abs(Number(v) % 1) > 1e-9 ? 2 : 0);
  if (unit === "pct") return `${num(v, 8)} %`;
  return num(v);
}
