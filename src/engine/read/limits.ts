/** Limits that keep hostile input cheap. */
export const LIMITS = {
  /** Characters; a 20,000-task plan is about 14 M. */
  maxChars: 32 * 1024 * 1024,
  /** Nesting of flow and block collections; a plan needs fewer than 20. */
  maxDepth: 64,
  /**
   * Mapping keys (counted as `:` before a space or line end, an upper bound). Past the bench's
   * 20,000-task plan (bench/RESULTS.md has the figures); a file past this gets one finding instead.
   */
  maxKeys: 800_000,
  /** Alias expansions during conversion; a plan needs none. */
  maxAliasCount: 100,
};
