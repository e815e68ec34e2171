// Timing helpers shared by the benchmark and its engine-timing processes.
import { performance } from 'node:perf_hooks';

export const median = (ts) => [...ts].sort((a, b) => a - b)[Math.floor(ts.length / 2)];

/**
 * Medians of several functions timed in turns (one round runs each once), after one warm-up round:
 * whatever the machine does meanwhile falls on all of them alike, so their ratios hold.
 */
export function timeTogether(fns, rounds = 7) {
  for (const fn of Object.values(fns)) fn();
  const ts = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let i = 0; i < rounds; i++) {
    for (const [k, fn] of Object.entries(fns)) {
      const t0 = performance.now();
      fn();
      ts[k].push(performance.now() - t0);
    }
  }
  return Object.fromEntries(Object.entries(ts).map(([k, t]) => [k, median(t)]));
}
