// An independent recomputation of Wmo Bijlage 1 in decimal.js, from the data files, to cross-check the SQL.
import { Decimal } from "decimal.js";
import { param, rows } from "./registry.ts";

const HALF_UP = Decimal.ROUND_HALF_UP;

export function bijlage1(year: number) {
  const relevant = rows("wmo/macrobudget_2015.csv")
    .filter((r) => r.hoofdonderdeel_id === "")
    .reduce((s, r) => s.plus(r.relevant_meur), new Decimal(0))
    .times(1_000_000);
  const w1 = param("wmo.gewicht_zorgverzekeraars", 2015);
  const w2 = param("wmo.gewicht_awbz", 2015);
  const weighted = w1
    .times(param("wmo.regrespercentage_zorgverzekeraars", 2015))
    .plus(w2.times(param("wmo.regrespercentage_awbz", 2015)))
    .div(w1.plus(w2));
  const contract = param("wmo.regrespercentage_contract", 2015);
  const rounding = param("wmo.afronding_afkoopsom", 2015);
  const unroundedWeighted = relevant.times(weighted).div(100);
  const unroundedContract = relevant.times(contract).div(100);
  const at100 = unroundedContract.div(rounding).toDecimalPlaces(0, HALF_UP).times(rounding);
  const afterMunicipalities = at100.times(param("wmo.deelname_gemeenten", year)).div(100).toDecimalPlaces(0, HALF_UP);
  const afterInsurers = afterMunicipalities.times(param("wmo.deelname_verzekeraars", year)).div(100).toDecimalPlaces(0, HALF_UP);
  // Bijlage 1's conditional example: "Zou dat percentage uitkomen op 95% dan wordt de definitieve afkoopsom ergo ..."
  const example = afterMunicipalities.times(param("wmo.deelname_verzekeraars_voorbeeld", 2015)).div(100).toDecimalPlaces(0, HALF_UP);
  return { relevant, weighted, contract, unroundedWeighted, unroundedContract, at100, afterMunicipalities, afterInsurers, example };
}
