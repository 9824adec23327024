// Finding a municipality the way a council member types it: without accents (Sudwest), with a typo (hilversm), by
// its everyday name (Den Haag, Den Bosch) or its Frisian or Dutch name, or by its CBS code. No match is no match:
// the page then shows nothing rather than the municipality it showed before.

/** Everyday and other-language names of municipalities, to their official (CBS) name. */
export const ALIASSEN = {
  "Den Haag": "'s-Gravenhage",
  "The Hague": "'s-Gravenhage",
  "Den Bosch": "'s-Hertogenbosch",
  Hertogenbosch: "'s-Hertogenbosch",
  Ljouwert: "Leeuwarden",
  Tietjerksteradeel: "Tytsjerksteradiel",
  Dantumadeel: "Dantumadiel",
  "Zuidwest-Friesland": "Súdwest-Fryslân",
  "Noordoost-Friesland": "Noardeast-Fryslân",
  "De Friese Meren": "De Fryske Marren",
  Skylge: "Terschelling",
  Flylân: "Vlieland",
  "It Amelân": "Ameland",
  Skiermûntseach: "Schiermonnikoog",
  Harns: "Harlingen",
  "It Hearrenfean": "Heerenveen",
  Smellingerlân: "Smallingerland",
  Opsterlân: "Opsterland",
  Eastestellingwerf: "Ooststellingwerf",
  Weststellingwerf: "Weststellingwerf",
  Achtkarspelen: "Achtkarspelen",
};

/** Lower case, accents and punctuation gone: "'s-Hertogenbosch" → "s hertogenbosch", "Súdwest-Fryslân" → "sudwest fryslan". */
export function normaliseer(s) {
  return String(s)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Edit distance (insertions, deletions, substitutions, and swaps of neighbours). */
export function afstand(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The municipalities (objects with naam and code) that match a query, best first. Every name of a municipality (its
 * own, its aliases, its code) is tried: equal, then starting with the query (also at a later word), then containing
 * it, then within a small edit distance of the query (one typo from 4 letters, two from 7).
 * @template {{ naam: string, code: string }} T
 * @param {T[]} gemeenten @param {string} query @returns {T[]}
 */
export function zoekGemeenten(gemeenten, query) {
  const q = normaliseer(query);
  if (q === "") return gemeenten;
  const namen = new Map(gemeenten.map((g) => [g.naam, [g.naam, g.code]]));
  for (const [alias, naam] of Object.entries(ALIASSEN)) namen.get(naam)?.push(alias);
  const tol = q.length >= 7 ? 2 : q.length >= 4 ? 1 : 0;
  const score = (naam) => {
    const n = normaliseer(naam);
    if (n === q) return 0;
    if (n.startsWith(q)) return 1;
    if (n.split(" ").some((_w, i, ws) => ws.slice(i).join(" ").startsWith(q))) return 2;
    if (n.includes(q)) return 3;
    if (tol > 0) {
      const d = Math.min(afstand(q, n), afstand(q, n.slice(0, q.length)) + 1);
      if (d <= tol) return 4 + d;
    }
    return null;
  };
  return gemeenten
    .map((g) => ({ g, s: Math.min(...(namen.get(g.naam) ?? []).map(score).filter((x) => x !== null), Infinity) }))
    .filter((x) => x.s !== Infinity)
    .sort((a, b) => a.s - b.s || a.g.naam.localeCompare(b.g.naam, "nl"))
    .map((x) => x.g);
}
