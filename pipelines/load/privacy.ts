/**
 * Private by design: a recovered-claims ledger must carry no personal data. This refuses a ledger
 * whose header names a column that would hold it (names, addresses, birth dates, BSN, contact
 * details), and any cell that holds a BSN-shaped number: nine digits (dots, spaces or hyphens allowed
 * between them) that pass the elfproef.
 */
import type { InputIssue } from "../lib/errors.ts";

const PERSONAL_COLUMNS: [RegExp, string][] = [
  [/^(bsn|burgerservicenummer|sofinummer|sofi)$|bsn/, "a BSN (burgerservicenummer)"],
  [/naam|name|voorletters|initialen/, "names"],
  [/adres|address|straat|street|huisnummer|postcode|zipcode|woonplaats/, "addresses"],
  [/geboorte|birth|dob|leeftijd/, "birth dates or ages"],
  [/telefoon|phone|e-?mail|iban/, "contact or bank details"],
];

/** The kind of personal data a column name suggests, or null. */
export function personalColumn(name: string): string | null {
  const n = name.toLowerCase().replace(/[\s_]+/g, "");
  for (const [re, what] of PERSONAL_COLUMNS) if (re.test(n)) return what;
  return null;
}

/** The elfproef for a BSN: 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11 (and not all zeros). */
export function elfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/**
 * True when the cell is a BSN-shaped number that passes the elfproef: nine digits (or eight, the leading
 * zero dropped), written together or in the usual groups (123 456 782, 1234.56.782). Dates and amounts
 * with cents are not BSN-shaped.
 */
export function looksLikeBsn(cell: string): boolean {
  const t = cell.trim();
  if (/^\d{9}$/.test(t)) return elfproef(t);
  if (/^\d{8}$/.test(t)) return elfproef("0" + t);
  if (/^\d{3}([ .])\d{3}\1\d{3}$/.test(t) || /^\d{4}([ .])\d{2}\1\d{3}$/.test(t)) return elfproef(t.replace(/[ .]/g, ""));
  return false;
}

export function headerIssues(file: string, header: string[]): InputIssue[] {
  const out: InputIssue[] = [];
  header.forEach((h, i) => {
    const what = personalColumn(h);
    if (what) out.push({ file, line: 1, column: i + 1, columnName: h, expected: "no personal data in a claims ledger (only a pseudonymous case id)", found: `a column that would hold ${what}` });
  });
  return out;
}

export function cellIssues(file: string, header: string[], rows: { line: number; cells: string[] }[]): InputIssue[] {
  const out: InputIssue[] = [];
  for (const { line, cells } of rows) {
    cells.forEach((c, i) => {
      if (out.length < 20 && looksLikeBsn(c)) {
        out.push({ file, line, column: i + 1, columnName: header[i], expected: "no personal data in a claims ledger", found: "a number that passes the elfproef, shaped like a BSN (value withheld)" });
      }
    });
  }
  return out;
}
