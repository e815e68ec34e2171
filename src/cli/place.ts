import type { DataPath, Finding, FindingRow } from '../engine/index.js';

interface SourceRef {
  line?: number;
  quote?: string;
}

/** The nearest `source` on the way up a data path: the finding's own node, else its task, section… */
function sourceOf(data: unknown, p: DataPath): (SourceRef & { value?: string }) | undefined {
  const chain: unknown[] = [data];
  let node = data;
  for (const seg of p) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<string | number, unknown>)[seg];
    chain.push(node);
  }
  const last = chain.length === p.length + 1 ? chain[chain.length - 1] : undefined;
  const value = typeof last === 'string' || typeof last === 'number' ? String(last) : undefined;
  for (let i = chain.length - 1; i >= 0; i--) {
    const n = chain[i];
    if (n === null || typeof n !== 'object' || Array.isArray(n)) continue;
    const s = (n as { source?: unknown }).source;
    if (typeof s === 'string' && s !== '') return { quote: s, value };
    if (s && typeof s === 'object') {
      const { line, quote } = s as { line?: unknown; quote?: unknown };
      if (typeof line === 'number' || typeof quote === 'string') {
        return { line: typeof line === 'number' ? line : undefined, quote: typeof quote === 'string' ? quote : undefined, value };
      }
    }
  }
  return undefined;
}

/**
 * A finding at the document's line, at the words it is about (the value when the line prints it, else the
 * source's quote), with that line as the excerpt.
 */
export function placeInDocument(f: Finding, data: unknown, lines: readonly string[]): FindingRow {
  const ref = sourceOf(data, f.path);
  let line = ref?.line !== undefined && ref.line >= 1 && ref.line <= lines.length ? ref.line : undefined;
  if (line === undefined && ref?.quote) {
    const i = lines.findIndex((l) => findQuote(l, ref.quote as string) !== undefined);
    if (i >= 0) line = i + 1;
  }
  line ??= 1;
  const text = lines[line - 1] ?? '';
  const quote = ref?.quote ? findQuote(text, ref.quote) : undefined;
  // A value printed on the line (a unit's name, a figure) is marked itself, searched from the quote on.
  const valueAt = ref?.value ? text.indexOf(ref.value, quote?.start ?? 0) : -1;
  const span = valueAt >= 0 ? { start: valueAt, end: valueAt + (ref?.value as string).length } : (quote ?? { start: 0, end: text.length });
  const column = span.start + 1;
  const endColumn = span.end + 1;
  // A document has no --fix: the fix is kept as a suggestion, so its advice ("use the declared name") shows.
  const suggestions = [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])].map((s) => ({ message: s.message }));
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    path: f.path,
    line,
    column,
    endLine: line,
    endColumn,
    excerpt: text,
    ...(suggestions.length > 0 ? { suggestions } : {}),
  };
}

/**
 * Where a quote is in a line: the quote as printed, or one shortened with an ellipsis ("到2020年……达到90%"),
 * whose parts follow each other in the line; from the first part's start to the last part's end.
 */
export function findQuote(line: string, quote: string): { start: number; end: number } | undefined {
  const parts = quote.split(/……|…/).filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  let start = -1;
  let end = 0;
  for (const part of parts) {
    const at = line.indexOf(part, end);
    if (at < 0) return undefined;
    if (start < 0) start = at;
    end = at + part.length;
  }
  return { start, end };
}
