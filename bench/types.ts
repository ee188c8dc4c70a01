/** One line of the results table in docs/performance.md. */
export type Figure = { figure: string; measured: string; target: string; pass: boolean | null };

/** What each benchmark hands to bench/run.ts: its figures, and markdown with the detail behind them. */
export type BenchResult = { figures: Figure[]; details: string };

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const wholeMs = (ms: number) => `${Math.round(ms)} ms`;
export const tenthMs = (ms: number) => `${ms.toFixed(1)} ms`;

/** The middle value (the upper of the two middle ones for an even count); NaN for none. */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Nearest-rank percentile of values already sorted ascending; NaN for none. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
