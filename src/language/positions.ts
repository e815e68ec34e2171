import type { Range } from 'vscode-languageserver-types';
import type { LineIndex, OffsetRange } from '../engine/index.js';

/** The one boundary where engine offsets become LSP ranges (UTF-16, zero-based), as the CLI counts them. */
export function toRange(lines: LineIndex, r: OffsetRange): Range {
  return { start: lines.position(r.start), end: lines.position(r.end) };
}
