/**
 * Private by design: a recovered-claims ledger must carry no personal data. This refuses a ledger
 * whose header names a column that would hold it (names, addresses, birth dates, BSN, contact
 * details), and any cell that holds a BSN-shaped number: nine digits (dots, spaces or hyphens allowed
 * between them) that pass the elfproef.
 */
import type { InputIssue } from "../lib/errors.ts";

const PERSONAL_COLUMNS: [RegExp, string][] = [
  [/^(bsn|burgerservicenummer|sofinummer|sofi|bsnnummer)$|bsn/, "a BSN (burgerservicenummer)"],
  [/naam|name|voorletters|initialen|achternaam|voornaam|surname/, "names"],
  [/adres|address|straat|street|huisnummer|huisnr|postcode|zipcode|woonplaats|^pc$|^pc[0-9]/, "addresses"],
  [/geboorte|birth|^dob$|^gebdat|^gebdatum$|^gebdt$|^geb$|geboren|leeftijd|^age$/, "birth dates or ages"],
  [/telefoon|^tel$|^telnr$|^telefoonnummer$|phone|mobiel|mobile|^gsm$|e-?mail|^mail$|contact|iban|rekeningnummer/, "contact or bank details"],
];

/** The kind of personal data a column name suggests, or null: the name as a whole and each of its parts. */
export function personalColumn(name: string): string | null {
  const lower = name.toLowerCase();
  const forms = [lower.replace(/[\s_.-]+/g, ""), ...lower.split(/[\s_.-]+/).filter(Boolean)];
  for (const [re, what] of PERSONAL_COLUMNS) if (forms.some((f) => re.test(f))) return what;
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
  // every shape below is 8, 9 or 11 characters long
  if (t.length < 8 || t.length === 10 || t.length > 11) return false;
  if (/^\d{9}$/.test(t)) return elfproef(t);
  if (/^\d{8}$/.test(t)) return elfproef("0" + t);
  if (/^\d{3}([ .-])\d{3}\1\d{3}$/.test(t) || /^\d{4}([ .-])\d{2}\1\d{3}$/.test(t)) return elfproef(t.replace(/[ .-]/g, ""));
  return false;
}

export function headerIssues(file: string, header: string[]): InputIssue[] {
  const out: InputIssue[] = [];
  header.forEach((h, i) => {
    const what = personalColumn(h);
    if (what)
      out.push({
        file,
        line: 1,
        column: i + 1,
        columnName: h,
        expected: "no personal data in a claims ledger (only a pseudonymous case id)",
        found: `a column that would hold ${what}`,
      });
  });
  return out;
}

/**
 * The kind of personal data a text cell holds, or null. Looked for anywhere in the cell (an id such as Z-111222333
 * too): a BSN-shaped number that passes the elfproef (nine digits, or in groups separated by dots, spaces or
 * hyphens), a date (a date of birth in an id or a note), an e-mail address, a Dutch phone number, a postcode with a
 * house number.
 */
export function personalCell(cell: string): string | null {
  const t = cell.trim();
  if (looksLikeBsn(t)) return "a number that passes the elfproef, shaped like a BSN";
  // every pattern below but the e-mail address has at least five digits
  let digits = 0;
  for (let i = 0; i < t.length && digits < 5; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  if (digits < 5) return t.includes("@") && /[^\s@]+@[^\s@]+\.[a-z]{2,}/i.test(t) ? "an e-mail address" : null;
  for (const m of t.matchAll(/(?<!\d)(\d{3}[ .-]?\d{3}[ .-]?\d{3}|\d{4}[ .-]\d{2}[ .-]\d{3}|\d{8})(?!\d)/g)) {
    const digits = m[1].replace(/[ .-]/g, "");
    if (elfproef(digits.length === 8 ? "0" + digits : digits)) return "a number that passes the elfproef, shaped like a BSN";
  }
  if (/(?<!\d)(19|20)\d{2}[-/.](0[1-9]|1[0-2])[-/.](0[1-9]|[12]\d|3[01])(?!\d)|(?<!\d)(0[1-9]|[12]\d|3[01])[-/.](0[1-9]|1[0-2])[-/.](19|20)\d{2}(?!\d)/.test(t))
    return "a date (a date of birth?)";
  if (t.includes("@") && /[^\s@]+@[^\s@]+\.[a-z]{2,}/i.test(t)) return "an e-mail address";
  if (/(?<!\d)(\+31|0031|0)[ -]?[1-9](?:[ -]?\d){8}(?!\d)/.test(t)) return "a phone number";
  if (/(?<![\dA-Za-z])[1-9]\d{3} ?[A-Za-z]{2}[ ,-]*\d{1,5}(?!\d)/.test(t)) return "a postcode with a house number";
  return null;
}

export function cellIssues(file: string, header: string[], rows: { line: number; cells: string[] }[], textColumns?: Set<string>): InputIssue[] {
  const out: InputIssue[] = [];
  const isText = textColumnFlags(header, textColumns);
  for (const { line, cells } of rows) {
    if (out.length >= MAX_PRIVACY_ISSUES) break;
    recordIssues(out, file, header, line, cells, isText);
  }
  return out;
}

/** How many cells with personal data one file's message lists. */
export const MAX_PRIVACY_ISSUES = 20;

/** Per column of the header, whether its cells are searched for every kind of personal data (all, without a set). */
export const textColumnFlags = (header: string[], textColumns?: Set<string>): boolean[] => header.map((h) => !textColumns || textColumns.has(h.toLowerCase()));

/**
 * Adds the personal data in one record's cells to `out`, up to MAX_PRIVACY_ISSUES in all: a BSN-shaped number in any
 * cell, the other patterns in the text cells (isText, from textColumnFlags; ids and notes).
 */
export function recordIssues(out: InputIssue[], file: string, header: string[], line: number, cells: string[], isText: boolean[]) {
  for (let i = 0; i < cells.length; i++) {
    if (out.length >= MAX_PRIVACY_ISSUES) return;
    const c = cells[i];
    const what = looksLikeBsn(c) ? "a number that passes the elfproef, shaped like a BSN" : isText[i] !== false ? personalCell(c) : null;
    if (what)
      out.push({ file, line, column: i + 1, columnName: header[i], expected: "no personal data in a claims ledger", found: `${what} (value withheld)` });
  }
}
