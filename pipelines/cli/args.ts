import { UsageError } from "../lib/errors.ts";

/** An optional whole-number option (--draws, --seed, --inwoners …) of at least `min` and, where given, at most `max`. */
export function wholeNumber(name: string, x: unknown, min: number, max?: { value: number; hint: string }): number | undefined {
  if (x === undefined) return undefined;
  if (!/^\d+$/.test(String(x)) || Number(x) < min) throw new UsageError(`--${name}: expected a whole number of at least ${min}, found "${x}"`);
  if (max && Number(x) > max.value)
    throw new UsageError(`--${name}: at most ${max.value.toLocaleString("en-GB")} (${max.hint}), found ${Number(x).toLocaleString("en-GB")}. Nothing was run.`);
  return Number(x);
}
