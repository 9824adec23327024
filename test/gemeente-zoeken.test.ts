// The gemeente page's search (src/components/gemeente-zoeken.js) on the shipped municipalities: the names a council
// member types find their municipality, and a query that matches nothing finds nothing.
import { describe, expect, it } from "vitest";
import { zoekGemeenten } from "../src/components/gemeente-zoeken.js";
import { rows } from "./support/registry.ts";

const gemeenten = rows("referentie/gemeenten.csv").map((r) => ({ code: r.gemeentecode, naam: r.gemeentenaam }));
const first = (q: string) => zoekGemeenten(gemeenten, q)[0]?.naam;

describe("finding a municipality", () => {
  it("by its everyday name, its Frisian or Dutch name, without accents, with a typo, or by its code", () => {
    expect(first("Den Haag")).toBe("'s-Gravenhage");
    expect(first("den bosch")).toBe("'s-Hertogenbosch");
    expect(first("Sudwest")).toBe("Súdwest-Fryslân");
    expect(first("Zuidwest-Friesland")).toBe("Súdwest-Fryslân");
    expect(first("Ljouwert")).toBe("Leeuwarden");
    expect(first("Tietjerksteradeel")).toBe("Tytsjerksteradiel");
    expect(first("hilversm")).toBe("Hilversum");
    expect(first("GM0402")).toBe("Hilversum");
    expect(first("gravenhage")).toBe("'s-Gravenhage");
  });

  it("'Den' lists Den Haag and Den Bosch (and Den Helder)", () => {
    const names = zoekGemeenten(gemeenten, "Den").map((g) => g.naam);
    expect(names).toEqual(expect.arrayContaining(["'s-Gravenhage", "'s-Hertogenbosch", "Den Helder"]));
  });

  it("a query that matches nothing finds nothing (never a municipality shown before)", () => {
    expect(zoekGemeenten(gemeenten, "Atlantis")).toEqual([]);
    expect(zoekGemeenten(gemeenten, "qqq")).toEqual([]);
    expect(zoekGemeenten(gemeenten, "")).toHaveLength(gemeenten.length);
  });
});
