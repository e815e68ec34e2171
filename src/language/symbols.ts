import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { leadInEffect, nodeAt, rangeOf, type CheckOutput, type Indicator, type Lang, type Section, type Task } from '../engine/index.js';
import { text } from './texts.js';
import { toRange } from './positions.js';

/** The outline: the plan's indicators, its regions, then sections → subsections and tasks → indicators; a task's detail is its lead, a derived one marked so, then its 配合单位. */
export function documentSymbols(output: CheckOutput, lang: Lang = 'zh-CN'): DocumentSymbol[] {
  const { source, plan, lines } = output;
  if (!source || !plan) return [];
  const symbol = (name: string, detail: string | undefined, kind: SymbolKind, path: readonly (string | number)[], titleKey: string, children: DocumentSymbol[]): DocumentSymbol => {
    const whole = rangeOf(source, path, 'value');
    const node = nodeAt(source.root, path);
    const full = node ? { start: node.start, end: node.end } : whole;
    const title = rangeOf(source, [...path, titleKey], 'value');
    const range = toRange(lines, full);
    const selection = toRange(lines, title.start >= full.start && title.end <= full.end ? title : { start: full.start, end: full.start });
    return { name: name || '—', detail, kind, range, selectionRange: selection, children };
  };
  const indicator = (i: Indicator): DocumentSymbol =>
    symbol(i.name, i.unit, SymbolKind.Number, i.path, 'name', i.parts.map(indicator));
  const taskLead = (t: Task): string | undefined => {
    const lead = leadInEffect(t);
    if (lead.from === 'own') return lead.units.map((r) => r.name).join('、');
    if (lead.from === undefined || lead.from === 'section') return undefined;
    return `${lead.units.map((r) => r.name).join('、')}(${text(lang, 'derived')})`;
  };
  // 配合单位 follow the lead, marked so: they share the task without leading it.
  const withCooperating = (detail: string | undefined, x: Task | Section): string | undefined =>
    x.cooperating.length === 0 ? detail : [detail, `${text(lang, 'cooperates')}:${x.cooperating.map((r) => r.name).join('、')}`].filter(Boolean).join(';');
  const task = (t: Task): DocumentSymbol =>
    symbol(t.number ? `${t.number} ${t.title}` : t.title, withCooperating(taskLead(t), t), SymbolKind.Event, t.path, 'title', t.indicators.map(indicator));
  const section = (s: Section): DocumentSymbol =>
    symbol(s.number ? `${s.number} ${s.title}` : s.title, withCooperating(s.lead.map((r) => r.name).join('、') || undefined, s), SymbolKind.Namespace, s.path, 'title', [
      ...s.indicators.map(indicator),
      ...s.tasks.map(task),
      ...s.sections.map(section),
    ]);
  // The regions as one entry, each region under it, a merged one with the regions it holds.
  const regions = plan.regions.length === 0 ? [] : [
    symbol(text(lang, 'regions'), String(plan.regions.length), SymbolKind.Array, ['regions'], '', plan.regions.map((r) =>
      symbol(r.name, r.merged.length > 0 ? r.merged.join('、') : r.id, SymbolKind.EnumMember, r.path, 'name', []))),
  ];
  // The plan's own indicators (a whole list's total investment) come first, as the file writes them.
  return [...plan.indicators.map(indicator), ...regions, ...plan.sections.map(section)];
}
