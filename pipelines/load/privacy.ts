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
  for (const m of t.matchAll(/(?<!\d)(\d{3}[ .-]?\d{3}[ .-]?\d{3}|\d{4}[ .-]\d{2}[ .-]\d{3}|\d{8})(?!\d)/g)) {
    const digits = m[1].replace(/[ .-]/g, "");
    if (elfproef(digits.length === 8 ? "0" + digits : digits)) return "a number that passes the elfproef, shaped like a BSN";
  }
  if (/(?<!\d)(19|20)\d{2}[-/.](0[1-9]|1[0-2])[-/.](0[1-9]|[12]\d|3[01])(?!\d)|(?<!\d)(0[1-9]|[12]\d|3[01])[-/.](0[1-9]|1[0-2])[-/.](19|20)\d{2}(?!\d)/.test(t))
    return "a date (a date of birth?)";
  if (/[^\s@]+@[^\s@]+\.[a-z]{2,}/i.test(t)) return "an e-mail address";
  if (/(?<!\d)(\+31|0031|0)[ -]?[1-9](?:[ -]?\d){8}(?!\d)/.test(t)) return "a phone number";
  if (/(?<![\dA-Za-z])[1-9]\d{3} ?[A-Za-z]{2}[ ,-]*\d{1,5}(?!\d)/.test(t)) return "a postcode with a house number";
  return null;
}

export function cellIssues(file: string, header: string[], rows: { line: number; cells: string[] }[], textColumns?: Set<string>): InputIssue[] {
  const out: InputIssue[] = [];
  for (const { line, cells } of rows) {
    cells.forEach((c, i) => {
      if (out.length >= 20) return;
      // a BSN-shaped number is refused in any cell; the other patterns in the text cells (ids, notes)
      const what = looksLikeBsn(c)
        ? "a number that passes the elfproef, shaped like a BSN"
        : !textColumns || textColumns.has(header[i]?.toLowerCase())
          ? personalCell(c)
          : null;
      if (what)
        out.push({ file, line, column: i + 1, columnName: header[i], expected: "no personal data in a claims ledger", found: `${what} (value withheld)` });
    });
  }
  return out;
}
