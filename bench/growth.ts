// How cost grows: a straight line fitted (least squares, simple-statistics) through measured points, with its R².
// npm run bench prints each line; ARCHITECTURE.md ("How cost grows") records them with the points they rest on.
import { linearRegression, linearRegressionLine, rSquared } from "simple-statistics";

export interface Line {
  /** what x counts (draws, grid points, evaluations) */
  x: string;
  points: [number, number][];
  /** y at x = 0, the fixed part: in y's unit (ms for a time line, MiB for a memory line) */
  intercept: number;
  /** y per unit of x */
  slope: number;
  r2: number;
}

/** The median of some timings (the upper middle one for an even count). */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function fitLine(x: string, points: [number, number][]): Line {
  const l = linearRegression(points);
  const r2 = rSquared(points, linearRegressionLine(l));
  return { x, points, intercept: Number(l.b.toFixed(1)), slope: Number(l.m.toPrecision(4)), r2: Number(r2.toFixed(4)) };
}

export const lineText = (name: string, l: Line, unit = 1, unitName = l.x) =>
  `${name}: ms ≈ ${l.intercept} + ${Number((l.slope * unit).toPrecision(4))} per ${unit === 1 ? "" : `${unit.toLocaleString("en-GB")} `}${unitName} (R² ${l.r2}; points ${l.points
    .map(([x, y]) => `${x.toLocaleString("en-GB")}: ${Math.round(y)}`)
    .join(", ")})`;
