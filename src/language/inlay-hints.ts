import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import { formatNumber, nodeAt, yearlyTotal, type CheckOutput, type Lang } from '../engine/index.js';
import { sumMark } from './hover.js';
import { text } from './texts.js';

/** After each overall target in the range: the sum of its yearly targets and whether it meets it (Σ 90 ✓). */
export function inlayHints(output: CheckOutput, range: Range, lang: Lang): InlayHint[] {
  const { plan, source } = output;
  if (!plan || !source) return [];
  const hints: InlayHint[] = [];
  for (const ind of plan.allIndicators) {
    const total = yearlyTotal(ind, output.sumTolerance);
    if (!total || !ind.overall) continue;
    const node = nodeAt(source.root, ind.overall.path);
    if (!node) continue;
    const position = output.lines.position(node.end);
    if (position.line < range.start.line || position.line > range.end.line) continue;
    hints.push({ position, label: ` Σ ${formatNumber(total.sum)}${sumMark(total)}`, kind: InlayHintKind.Parameter, paddingLeft: true, tooltip: text(lang, 'sumHint') });
  }
  return hints;
}
