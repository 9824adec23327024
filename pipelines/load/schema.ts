/**
 * The declared schema of every data file the pipeline loads. One TableSpec per source file;
 * each becomes one staging table (stg_*) in the warehouse, typed and renamed nowhere else.
 */
export type ColumnType = "text" | "id" | "integer" | "decimal" | "rational" | "boolean" | "enum" | "date";

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  description: string;
  /** Unit of a numeric column: eur, meur, pct, ratio, aantal, jaar … */
  unit?: string;
  optional?: boolean;
  /** The column may be left out of the header altogether (read as empty). */
  mayBeAbsent?: boolean;
  min?: number;
  max?: number;
  values?: readonly string[];
  pattern?: RegExp;
  /** Human words for the pattern, used in error messages. */
  patternHint?: string;
  /** Other tables' key columns this value must exist in ("table.column"; any of them). */
  references?: string[];
  /** DuckDB type of the staging column. */
  sql: string;
}

export interface RowProblem {
  column: string;
  expected: string;
  found: string;
}

export interface TableSpec {
  table: string;
  /** Path below the data directory, without extension: .csv or .xlsx is looked up. */
  file: string;
  description: string;
  columns: ColumnSpec[];
  key: string[];
  /** Refuse personal data: names, addresses, birth dates in the header, BSN-shaped numbers in any cell. */
  personalDataFree?: boolean;
  /** Read record by record, never whole (stream.ts), when it is a CSV file: a table that grows with cases. */
  streamed?: boolean;
  /** Checks that involve several columns of one row (the row object is reused for the next row: keep nothing of it). */
  rowCheck?: (row: Record<string, string>) => RowProblem | null;
}

const bron = (optional = false): ColumnSpec => ({
  name: "bron_id",
  type: "id",
  description: "Source document (data/bronnen.csv)",
  references: ["stg_bronnen.bron_id"],
  sql: "VARCHAR",
  optional,
});
const vindplaats: ColumnSpec = { name: "vindplaats", type: "text", description: "Article, page or table in the source", optional: true, sql: "VARCHAR" };
const toelichting: ColumnSpec = { name: "toelichting", type: "text", description: "Note", optional: true, sql: "VARCHAR" };
const gemeentecode = (optional = false): ColumnSpec => ({
  name: "gemeentecode",
  type: "id",
  description: "CBS municipality code",
  pattern: /^GM\d{4}$/,
  patternHint: "a CBS code such as GM0402",
  references: ["stg_gemeenten.gemeentecode", "stg_gemeenten_historisch.gemeentecode"],
  sql: "VARCHAR",
  optional,
});
const jaar = (name = "jaar", description = "Year"): ColumnSpec => ({ name, type: "integer", description, min: 1990, max: 2100, unit: "jaar", sql: "INTEGER" });
const pct = (name: string, description: string, optional = false): ColumnSpec => ({
  name,
  type: "decimal",
  description,
  unit: "pct",
  min: 0,
  max: 100,
  sql: "DECIMAL(9,4)",
  optional,
});
const amount = (name: string, description: string, unit: string, optional = false): ColumnSpec => ({
  name,
  type: "decimal",
  description,
  unit,
  min: 0,
  sql: "DECIMAL(20,4)",
  optional,
});
const lowHighCheck =
  (low: string, high: string, value?: string) =>
  (r: Record<string, string>): RowProblem | null => {
    const l = r[low] === "" ? undefined : Number(r[low]);
    const h = r[high] === "" ? undefined : Number(r[high]);
    if (l !== undefined && h !== undefined && l > h) return { column: high, expected: `a value of at least '${low}' (${r[low]})`, found: r[high] };
    if (value && r[value] !== "" && !r[value].includes("/")) {
      const v = Number(r[value]);
      if (l !== undefined && v < l) return { column: value, expected: `a value within '${low}'–'${high}'`, found: `${r[value]} below ${r[low]}` };
      if (h !== undefined && v > h) return { column: value, expected: `a value within '${low}'–'${high}'`, found: `${r[value]} above ${r[high]}` };
    }
    return null;
  };

export const VOORZIENINGEN = ["traplift", "woningaanpassing", "rolstoel", "vervoer", "huishoudelijke_hulp", "begeleiding", "overig", "wlz_zorg"] as const;
export const CLAIM_STATUS = ["gemeld", "aansprakelijk_gesteld", "geregeld", "afgewezen", "verjaard"] as const;

/** The recovered-claims ledger: dates in order, and each status with the date and amount it needs. */
/** The dates of a ledger row that must not come before another (the earlier one first). */
const LEDGER_ORDER: [string, string][] = [
  ["ongevalsdatum", "datum_gemeld"],
  ["datum_gemeld", "datum_aansprakelijk"],
  ["datum_aansprakelijk", "datum_geregeld"],
  ["datum_gemeld", "datum_geregeld"],
];

/** A problem when a column that a status needs is empty. */
const ledgerNeed = (r: Record<string, string>, col: string, why: string): RowProblem | null =>
  r[col] === "" ? { column: col, expected: `a value when ${why}`, found: "an empty cell" } : null;

const ledgerCheck = (r: Record<string, string>): RowProblem | null => {
  for (const [a, b] of LEDGER_ORDER) if (r[a] && r[b] && r[b] < r[a]) return { column: b, expected: `a date on or after '${a}' (${r[a]})`, found: r[b] };
  if (r.status === "geregeld") return ledgerNeed(r, "datum_geregeld", "status is geregeld") ?? ledgerNeed(r, "verhaald", "status is geregeld");
  if (r.status === "verjaard") return ledgerNeed(r, "datum_verjaard", "status is verjaard");
  if (r.status === "aansprakelijk_gesteld") return ledgerNeed(r, "datum_aansprakelijk", "status is aansprakelijk_gesteld");
  if (r.verhaald !== "" && Number(r.verhaald) > 0)
    return { column: "verhaald", expected: "no amount recovered unless status is geregeld", found: `${r.verhaald} with status ${r.status}` };
  return null;
};

export const UNITS = ["pct", "eur", "meur", "ratio", "aantal", "jaar", "per_miljoen", "per_100k"] as const;
export const VALUE_STATUS = ["contract", "bron", "afgeleid", "aanname", "synthetisch", "instelling"] as const;

export const TABLES: TableSpec[] = [
  {
    table: "stg_bronnen",
    file: "bronnen",
    description: "Source documents and public sources every figure refers to",
    key: ["bron_id"],
    columns: [
      { name: "bron_id", type: "id", description: "Source id", sql: "VARCHAR" },
      { name: "soort", type: "enum", values: ["document", "publiek", "referentie", "aanname", "synthetisch"], description: "Kind of source", sql: "VARCHAR" },
      { name: "titel", type: "text", description: "Title", sql: "VARCHAR" },
      {
        name: "citeer_als",
        type: "text",
        description: "Short title to cite the document by (e.g. Raadsvoorstel Hilversum 2018)",
        optional: true,
        mayBeAbsent: true,
        sql: "VARCHAR",
      },
      {
        name: "datum",
        type: "text",
        description: "Date (year, year-month or full date)",
        optional: true,
        pattern: /^\d{4}(-\d{2}(-\d{2})?)?$/,
        patternHint: "a date as YYYY, YYYY-MM or YYYY-MM-DD",
        sql: "VARCHAR",
      },
      { name: "uitgever", type: "text", description: "Publisher or parties", sql: "VARCHAR" },
      { name: "vindplaats", type: "text", description: "Where the document can be found (a public address)", sql: "VARCHAR" },
      { name: "licentie", type: "text", description: "Licence or status", sql: "VARCHAR" },
      toelichting,
    ],
  },
  {
    table: "stg_gemeenten",
    file: "referentie/gemeenten",
    description: "Municipalities (2020 boundaries) with inhabitants (CBS 37230ned, CC BY 4.0)",
    key: ["gemeentecode"],
    columns: [
      { ...gemeentecode(), references: undefined },
      { name: "gemeentenaam", type: "text", description: "Name", sql: "VARCHAR" },
      { name: "inwoners", type: "integer", description: "Inhabitants", unit: "aantal", min: 0, sql: "INTEGER" },
    ],
  },
  {
    table: "stg_bevolking",
    file: "referentie/bevolking",
    description: "Population of the Netherlands on 1 January of each year, in total and aged 0-19 (CBS)",
    key: ["jaar"],
    columns: [
      jaar("jaar", "Year (population on 1 January)"),
      { name: "inwoners", type: "integer", description: "Inhabitants on 1 January", unit: "aantal", min: 1, sql: "BIGINT" },
      {
        name: "inwoners_0_19",
        type: "integer",
        description: "Inhabitants aged 0-19 on 1 January (CBS: 'Jonger dan 20 jaar')",
        unit: "aantal",
        min: 1,
        optional: true,
        sql: "BIGINT",
      },
      bron(),
      vindplaats,
      toelichting,
    ],
    rowCheck: (r) =>
      r.inwoners_0_19 !== "" && Number(r.inwoners_0_19) > Number(r.inwoners)
        ? { column: "inwoners_0_19", expected: `at most inwoners (${r.inwoners})`, found: r.inwoners_0_19 }
        : null,
  },
  {
    table: "stg_gemeenten_historisch",
    file: "referentie/gemeenten_historisch",
    description: "Former municipalities and the 2020 municipality they merged into",
    key: ["gemeentecode"],
    columns: [
      { ...gemeentecode(), references: undefined },
      { name: "gemeentenaam", type: "text", description: "Name", sql: "VARCHAR" },
      { name: "opgeheven_per", type: "date", description: "Date the municipality ceased to exist", sql: "DATE" },
      {
        name: "opgegaan_in",
        type: "id",
        description: "Municipality it merged into",
        pattern: /^GM\d{4}$/,
        patternHint: "a CBS code such as GM0575",
        references: ["stg_gemeenten.gemeentecode"],
        sql: "VARCHAR",
      },
      {
        name: "inwoners",
        type: "integer",
        description: "Inhabitants at the last count before it ceased to exist",
        unit: "aantal",
        min: 0,
        optional: true,
        mayBeAbsent: true,
        sql: "INTEGER",
      },
      { name: "inwoners_peildatum", type: "date", description: "Date of that count", optional: true, mayBeAbsent: true, sql: "DATE" },
      bron(),
      vindplaats,
      { ...bron(true), name: "inwoners_bron_id", description: "Source of the count", mayBeAbsent: true },
    ],
  },
  {
    table: "stg_levenstafels",
    file: "referentie/levenstafels",
    description: "Dutch period life tables (Human Mortality Database, CC BY 4.0)",
    key: ["year", "sex", "age"],
    columns: [
      { name: "year", type: "integer", description: "Calendar year of the period table", min: 1000, max: 9999, unit: "jaar", sql: "INTEGER" },
      { name: "sex", type: "enum", values: ["male", "female", "total"], description: "Sex", sql: "VARCHAR" },
      { name: "age", type: "integer", description: "Age in completed years (last age is open)", min: 0, max: 130, unit: "jaar", sql: "INTEGER" },
      { name: "mx", type: "decimal", description: "Central death rate", min: 0, sql: "DECIMAL(12,6)" },
      { name: "qx", type: "decimal", description: "Probability of dying within the year", min: 0, max: 1, sql: "DECIMAL(12,6)" },
      { name: "ax", type: "decimal", description: "Average years lived in the year by those dying", min: 0, max: 20, sql: "DECIMAL(8,3)" },
      { name: "lx", type: "integer", description: "Survivors at exact age (radix 100,000)", min: 0, sql: "INTEGER" },
      { name: "ex", type: "decimal", description: "Life expectancy at exact age", min: 0, max: 130, unit: "jaar", sql: "DECIMAL(8,3)" },
    ],
  },
  {
    table: "stg_parameters",
    file: "parameters/parameters",
    description: "Parameter registry: one row per parameter, with its unit, bounds and reference",
    key: ["parameter_id"],
    columns: [
      {
        name: "parameter_id",
        type: "id",
        description: "Parameter id (scheme.name)",
        pattern: /^[a-z]+(\.[a-z0-9_]+)+$/,
        patternHint: "an id such as wmo.deelname_gemeenten",
        sql: "VARCHAR",
      },
      { name: "omschrijving", type: "text", description: "Description (Dutch)", sql: "VARCHAR" },
      { name: "eenheid", type: "enum", values: UNITS, description: "Unit", sql: "VARCHAR" },
      { name: "min", type: "decimal", description: "Lowest allowed value", optional: true, sql: "DECIMAL(20,6)" },
      { name: "max", type: "decimal", description: "Highest allowed value", optional: true, sql: "DECIMAL(20,6)" },
      {
        name: "verdeling",
        type: "enum",
        values: ["uniform", "driehoek"],
        description: "Distribution over laag–hoog for Monte Carlo draws (driehoek: mode at the value)",
        optional: true,
        sql: "VARCHAR",
      },
      bron(),
      vindplaats,
      toelichting,
    ],
  },
  {
    table: "stg_parameter_waarden",
    file: "parameters/waarden",
    description: "Parameter values by year (valid from that year on), with range and status",
    key: ["parameter_id", "vanaf_jaar"],
    columns: [
      { name: "parameter_id", type: "id", description: "Parameter", references: ["stg_parameters.parameter_id"], sql: "VARCHAR" },
      jaar("vanaf_jaar", "First year the value applies to"),
      { name: "waarde", type: "rational", description: "Value, exact (a decimal number or a fraction such as 11/75)", sql: "VARCHAR" },
      { name: "laag", type: "decimal", description: "Low end of the plausible range", optional: true, sql: "DECIMAL(20,6)" },
      { name: "hoog", type: "decimal", description: "High end of the plausible range", optional: true, sql: "DECIMAL(20,6)" },
      {
        name: "status",
        type: "enum",
        values: VALUE_STATUS,
        description: "contract, bron, afgeleid, aanname, synthetisch or instelling (a run setting)",
        sql: "VARCHAR",
      },
      bron(true),
      vindplaats,
      toelichting,
    ],
    rowCheck: (r) => {
      if (r.status === "aanname" && (r.laag === "" || r.hoog === ""))
        return { column: r.laag === "" ? "laag" : "hoog", expected: "a range (laag and hoog) for an assumption", found: "an empty cell" };
      return lowHighCheck("laag", "hoog", "waarde")(r);
    },
  },
  {
    table: "stg_wmo_macrobudget",
    file: "wmo/macrobudget_2015",
    description: "Wmo macro budget 2015 by component, with the part relevant for recourse (Bijlage 1)",
    key: ["onderdeel_id"],
    columns: [
      { name: "onderdeel_id", type: "id", description: "Component id", sql: "VARCHAR" },
      { name: "onderdeel", type: "text", description: "Component", sql: "VARCHAR" },
      {
        name: "hoofdonderdeel_id",
        type: "id",
        description: "Component this row is part of",
        optional: true,
        references: ["stg_wmo_macrobudget.onderdeel_id"],
        sql: "VARCHAR",
      },
      amount("budget_meur", "Budget 2015", "meur"),
      amount("relevant_meur", "Part relevant for recourse", "meur", true),
      bron(),
      vindplaats,
      toelichting,
    ],
    rowCheck: (r) => {
      if (r.hoofdonderdeel_id === "" && r.relevant_meur === "")
        return { column: "relevant_meur", expected: "the relevant amount of a top-level component", found: "an empty cell" };
      if (r.relevant_meur !== "" && Number(r.relevant_meur) > Number(r.budget_meur))
        return { column: "relevant_meur", expected: `at most the budget (${r.budget_meur})`, found: r.relevant_meur };
      return null;
    },
  },
  {
    table: "stg_wmo_niet_relevant",
    file: "wmo/macrobudget_2015_niet_relevant",
    description: "Items of the macro budget not relevant for recourse (Bijlage 1)",
    key: ["post_id"],
    columns: [
      { name: "post_id", type: "id", description: "Item id", sql: "VARCHAR" },
      { name: "omschrijving", type: "text", description: "Item", sql: "VARCHAR" },
      amount("bedrag_meur", "Amount", "meur"),
      { name: "onderdeel_id", type: "id", description: "Component it is taken from", references: ["stg_wmo_macrobudget.onderdeel_id"], sql: "VARCHAR" },
      bron(),
      vindplaats,
    ],
  },
  {
    table: "stg_wmo_looptijd",
    file: "wmo/looptijd",
    description: "Status of the Wmo agreement by year",
    key: ["jaar"],
    columns: [
      jaar(),
      { name: "status", type: "enum", values: ["overeenkomst", "verlengd", "beeindigd"], description: "Status", sql: "VARCHAR" },
      bron(),
      vindplaats,
      toelichting,
    ],
  },
  {
    table: "stg_wmo_niet_deelnemend",
    file: "wmo/niet_deelnemende_gemeenten",
    description: "Municipalities that opted out of the Wmo agreement, by year",
    key: ["jaar", "gemeentecode"],
    columns: [jaar(), gemeentecode(), { name: "gemeentenaam", type: "text", description: "Name", sql: "VARCHAR" }, bron(), vindplaats, toelichting],
  },
  {
    table: "stg_wmo_waarnemingen",
    file: "wmo/waarnemingen",
    description: "Reported Wmo figures (sums, receipts, totals) to check the rules against",
    key: ["waarneming_id"],
    columns: [
      { name: "waarneming_id", type: "id", description: "Observation id", sql: "VARCHAR" },
      jaar("jaar_van", "First year"),
      jaar("jaar_tot", "Last year"),
      { name: "grootheid", type: "id", description: "What was observed", sql: "VARCHAR" },
      gemeentecode(true),
      { name: "eenheid", type: "enum", values: UNITS, description: "Unit", sql: "VARCHAR" },
      amount("waarde", "Value (point figure)", "eenheid", true),
      amount("laag", "Low end of a reported range", "eenheid", true),
      amount("hoog", "High end of a reported range", "eenheid", true),
      { name: "benadering", type: "boolean", description: "ja if the source gives the figure as approximate", sql: "BOOLEAN" },
      bron(),
      vindplaats,
      toelichting,
    ],
    rowCheck: (r) => {
      if (r.waarde === "" && (r.laag === "" || r.hoog === ""))
        return { column: "waarde", expected: "a value, or a range in laag and hoog", found: "empty cells" };
      if (Number(r.jaar_tot) < Number(r.jaar_van)) return { column: "jaar_tot", expected: `a year not before jaar_van (${r.jaar_van})`, found: r.jaar_tot };
      return lowHighCheck("laag", "hoog")(r);
    },
  },
  {
    table: "stg_wmo_verzekeraars",
    file: "wmo/verzekeraars_aandelen",
    description: "Insurers' shares in the Waarborgfonds omslag and in general-liability premium (art. 6); the shipped table is illustrative",
    key: ["jaar", "verzekeraar"],
    columns: [
      jaar(),
      { name: "verzekeraar", type: "text", description: "Insurer", sql: "VARCHAR" },
      { name: "deelnemer", type: "boolean", description: "Takes part in the agreement", sql: "BOOLEAN" },
      pct("aandeel_omslag_waarborgfonds_pct", "Share in the Waarborgfonds Motorverkeer omslag"),
      pct("aandeel_premie_av_pct", "Share in general-liability premium income"),
      bron(),
      toelichting,
    ],
  },
  {
    table: "stg_wlz_looptijd",
    file: "wlz/looptijd",
    description: "Years of the Wlz convenant 2024-2027 and its base year",
    key: ["jaar"],
    columns: [
      jaar(),
      { name: "status", type: "enum", values: ["basisjaar", "convenant"], description: "Status", sql: "VARCHAR" },
      bron(),
      vindplaats,
      toelichting,
    ],
  },
  {
    table: "stg_rekenmodel_leeftijden",
    file: "rekenmodel/leeftijdsverdeling",
    description: "Rekenmodel Wlz: age at injury by group, in age classes",
    key: ["groep", "leeftijd_van"],
    columns: [
      { name: "groep", type: "enum", values: ["dwarslaesie", "nah"], description: "Group (hoge dwarslaesie, zeer ernstig NAH)", sql: "VARCHAR" },
      { name: "leeftijd_van", type: "integer", description: "First age of the class", min: 0, max: 110, unit: "jaar", sql: "INTEGER" },
      { name: "leeftijd_tot", type: "integer", description: "Last age of the class", min: 0, max: 110, unit: "jaar", sql: "INTEGER" },
      pct("aandeel_pct", "Share of the group's inflow"),
      { name: "status", type: "enum", values: VALUE_STATUS, description: "Status", sql: "VARCHAR" },
      bron(),
      toelichting,
    ],
    rowCheck: (r) =>
      Number(r.leeftijd_tot) < Number(r.leeftijd_van)
        ? { column: "leeftijd_tot", expected: `an age not below leeftijd_van (${r.leeftijd_van})`, found: r.leeftijd_tot }
        : null,
  },
  {
    table: "stg_rekenmodel_levensverwachting",
    file: "rekenmodel/levensverwachting",
    description: "Rekenmodel Wlz: life expectancy after the injury and without it, by age at injury, as the source reports it",
    key: ["groep", "leeftijd"],
    columns: [
      { name: "groep", type: "enum", values: ["dwarslaesie", "nah"], description: "Group", sql: "VARCHAR" },
      { name: "leeftijd", type: "integer", description: "Age at injury", min: 0, max: 110, unit: "jaar", sql: "INTEGER" },
      {
        name: "levensverwachting_zonder",
        type: "decimal",
        description: "Life expectancy without the injury (the source's own population)",
        unit: "jaar",
        min: 0,
        max: 130,
        sql: "DECIMAL(8,2)",
      },
      { name: "levensverwachting_met", type: "decimal", description: "Life expectancy after the injury", unit: "jaar", min: 0, max: 130, sql: "DECIMAL(8,2)" },
      bron(),
      vindplaats,
      toelichting,
    ],
    rowCheck: (r) =>
      Number(r.levensverwachting_met) > Number(r.levensverwachting_zonder)
        ? { column: "levensverwachting_met", expected: `at most levensverwachting_zonder (${r.levensverwachting_zonder})`, found: r.levensverwachting_met }
        : null,
  },
  {
    table: "stg_rekenmodel_pgb",
    file: "rekenmodel/pgb_2015",
    description: "Rekenmodel Wlz: the Wlz pgb per year for the care profiles LG 5-7 in 2015, by component (Regeling langdurige zorg)",
    key: ["zzp"],
    columns: [
      { name: "zzp", type: "enum", values: ["lg5", "lg6", "lg7"], description: "Care package", sql: "VARCHAR" },
      { name: "zorgprofiel", type: "text", description: "Care profile as the regulation names it", sql: "VARCHAR" },
      amount("pv", "Persoonlijke verzorging, per year", "eur"),
      amount("vp", "Verpleging, per year", "eur"),
      amount("beg_ind", "Begeleiding individueel, per year", "eur"),
      amount("beg_gr", "Begeleiding groep, per year", "eur"),
      amount("hh", "Top-up when not living in an institution, per year", "eur"),
      bron(),
      vindplaats,
      toelichting,
    ],
  },
  {
    table: "stg_rekenmodel_zorgprofiel",
    file: "rekenmodel/zorgprofiel",
    description: "Rekenmodel Wlz: mix of ZZP LG care packages by group",
    key: ["groep", "zzp"],
    columns: [
      { name: "groep", type: "enum", values: ["dwarslaesie", "nah"], description: "Group", sql: "VARCHAR" },
      {
        name: "zzp",
        type: "enum",
        values: ["lg5", "lg6", "lg7"],
        description: "Care package (zorgzwaartepakket LG); only the packages the registry prices (rekenmodel.tarief.*) are accepted",
        sql: "VARCHAR",
      },
      pct("aandeel_pct", "Share of the group in this package"),
      { name: "status", type: "enum", values: VALUE_STATUS, description: "Status", sql: "VARCHAR" },
      bron(),
      toelichting,
    ],
  },
  {
    table: "stg_wlz_verkeersgewonden",
    file: "wlz/verkeersgewonden",
    description: "Road deaths and serious road injuries (MAIS3+) per year (SWOV, CBS), for art. 3.3 of the Wlz convenant",
    key: ["jaar"],
    columns: [
      jaar(),
      { name: "verkeersdoden", type: "integer", description: "Road deaths (CBS, 30 days)", unit: "aantal", min: 0, optional: true, sql: "INTEGER" },
      {
        name: "ernstig_gewonden_mais3",
        type: "integer",
        description: "Serious road injuries, MAIS3+ (SWOV estimate, rounded to hundreds)",
        unit: "aantal",
        min: 0,
        sql: "INTEGER",
      },
      bron(),
      vindplaats,
      toelichting,
    ],
  },
  {
    table: "stg_awbz_afkoopsommen",
    file: "wlz/awbz_afkoopsommen",
    description: "AWBZ recourse buy-off sums (predecessor of the Wlz convenant)",
    key: ["periode_id"],
    columns: [
      { name: "periode_id", type: "id", description: "Period id", sql: "VARCHAR" },
      jaar(),
      { name: "periode", type: "text", description: "Period as the source states it", sql: "VARCHAR" },
      { name: "maanden", type: "integer", description: "Months covered", min: 1, max: 12, sql: "INTEGER" },
      amount("bedrag", "Amount", "valuta"),
      { name: "valuta", type: "enum", values: ["NLG", "EUR"], description: "Currency", sql: "VARCHAR" },
      { name: "benadering", type: "boolean", description: "ja if rounded or approximate in the source", sql: "BOOLEAN" },
      bron(),
      vindplaats,
      toelichting,
    ],
  },
  {
    table: "stg_wlz_tijdpad",
    file: "wlz/tijdpad",
    description: "Yearly timeline of the Wlz convenant (art. 4-5, Toelichting 7)",
    key: ["volgorde"],
    columns: [
      { name: "volgorde", type: "integer", description: "Order within the year", min: 1, sql: "INTEGER" },
      { name: "moment", type: "text", description: "Moment as the convenant states it", sql: "VARCHAR" },
      { name: "maand_van", type: "integer", description: "First month", min: 1, max: 12, sql: "INTEGER" },
      { name: "maand_tot", type: "integer", description: "Last month", min: 1, max: 12, sql: "INTEGER" },
      { name: "dag", type: "integer", description: "Day of the month, if fixed", min: 1, max: 31, optional: true, sql: "INTEGER" },
      { name: "uiterlijk", type: "boolean", description: "ja if it is a deadline", sql: "BOOLEAN" },
      { name: "actie", type: "text", description: "Action", sql: "VARCHAR" },
      { name: "partij", type: "text", description: "Party", sql: "VARCHAR" },
      { name: "artikel", type: "text", description: "Article", sql: "VARCHAR" },
      bron(),
    ],
  },
  {
    table: "stg_verhaal_claims",
    file: "verhaal/verhaalde_claims",
    personalDataFree: true,
    streamed: true,
    description: "Recovered-claims ledger: individually recovered recourse claims, one row per case, pseudonymous (the shipped ledger is synthetic)",
    key: ["zaak_id"],
    rowCheck: ledgerCheck,
    columns: [
      {
        name: "zaak_id",
        type: "id",
        description: "Pseudonymous case id (never a BSN or file number that identifies a person)",
        pattern: /^[A-Za-z][A-Za-z0-9_.-]{2,39}$/,
        patternHint: "a pseudonymous id starting with a letter, such as Z-000123",
        sql: "VARCHAR",
      },
      gemeentecode(),
      { name: "regeling", type: "enum", values: ["wmo", "wlz"], description: "Scheme", sql: "VARCHAR" },
      { name: "ongevalsdatum", type: "date", description: "Date of the accident", sql: "DATE" },
      { name: "voorziening", type: "enum", values: VOORZIENINGEN, description: "Provision type", sql: "VARCHAR" },
      amount("kosten", "Cost to the municipality (or Wlz) of the provision", "eur"),
      pct("aansprakelijkheid_pct", "Liability share of the other party"),
      { name: "status", type: "enum", values: CLAIM_STATUS, description: "Status of the claim", sql: "VARCHAR" },
      { name: "datum_gemeld", type: "date", description: "Date the case was reported to the recourse desk", sql: "DATE" },
      { name: "datum_aansprakelijk", type: "date", description: "Date the other party was held liable", optional: true, sql: "DATE" },
      { name: "datum_geregeld", type: "date", description: "Date the claim was settled (paid)", optional: true, sql: "DATE" },
      { name: "datum_verjaard", type: "date", description: "Date the claim became time-barred (art. 3:310 BW)", optional: true, sql: "DATE" },
      amount("verhaald", "Amount recovered", "eur", true),
      amount("honorarium", "Fees paid to a recourse agency or lawyer", "eur", true),
      {
        name: "synthetisch",
        type: "boolean",
        description: "ja for generated (synthetic) cases; may be left out of a real ledger",
        optional: true,
        mayBeAbsent: true,
        sql: "BOOLEAN",
      },
    ],
  },
  {
    table: "stg_verhaal_honorariumstaffel",
    file: "verhaal/honorariumstaffel",
    description: "A no-cure-no-pay fee scale for Wmo recourse: a percentage per bracket of the amount recovered",
    key: ["schijf"],
    columns: [
      { name: "schijf", type: "integer", description: "Bracket number", min: 1, sql: "INTEGER" },
      amount("van", "Bracket from (amount recovered)", "eur"),
      amount("tot", "Bracket up to (empty: no limit)", "eur", true),
      pct("percentage", "Fee on the part of the amount within the bracket"),
      bron(),
      vindplaats,
      toelichting,
    ],
  },
];
