/** How the benchmarks print their figures: a titled block of labelled lines, numbers in en-US form. */
import { loadavg } from 'node:os';

export function header(title: string): void {
  console.log(`\n${title}\n${'─'.repeat(Math.min(title.length, 100))}`);
}

/** One line of figures under a 10-character label ('' continues the previous label). */
export function line(label: string, text: string): void {
  console.log(`${label.padEnd(10)} ${text}`);
}

export function fmt(x: number): string {
  return x.toLocaleString('en-US');
}

/** A duration in ms, to a sensible precision: 3.2 ms, 87 ms, 1.25 s. */
export function sec(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function mb(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MB`;
}

/** Total of durations in seconds, in ms. */
export function totalMs(seconds: readonly number[]): number {
  return seconds.reduce((a, b) => a + b, 0) * 1000;
}

/** Smallest, median and largest: "3,214–4,693–4,781". */
export function range(xs: readonly number[]): string {
  const sorted = [...xs].sort((a, b) => a - b);
  return `${fmt(sorted[0] ?? 0)}–${fmt(sorted[Math.floor(sorted.length / 2)] ?? 0)}–${fmt(sorted[sorted.length - 1] ?? 0)}`;
}

/** The machine's load average over 1, 5 and 15 minutes: "1.25 0.80 0.51" (a shared machine slows every figure). */
export function loadAverage(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}
