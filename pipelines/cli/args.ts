import { UsageError } from "../lib/errors.ts";

/** An optional whole-number option (--draws, --seed, --inwoners …) of at least `min`. */
export function wholeNumber(name: string, x: unknown, min: number): number | undefined {
  if (x === undefined) return undefined;
  if (!/^\d+$/.test(String(x)) || Number(x) < min) throw new UsageError(`--${name}: expected a whole number of at least ${min}, found "${x}"`);
  return Number(x);
}
