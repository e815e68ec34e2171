import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { leadInEffect, nodeAt, peopleText, rangeOf, type CheckOutput, type DeclaredCounts, type Indicator, type Lang, type Milestone, type Section, type Task } from '../engine/index.js';
import { countsText, declaredCountsText, formText } from './facts.js';
import { text } from './texts.js';
import { toRange } from './positions.js';

/** The outline: a report's title and form, the plan's indicators, its regions, then sections → subsections and tasks → indicators; a task's detail is its lead, a derived one marked so, then its 配合单位, people and tags; its milestones are its children after its indicators. */
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
    // Several units of a responsible-only row: none is said to lead (task-has-lead's leadAmbiguous).
    if (lead.from === 'responsible-only' && lead.units.length > 1) return `${lead.units.map((r) => r.name).join('、')}(${text(lang, 'leadUndecidedShort')})`;
    return `${lead.units.map((r) => r.name).join('、')}(${text(lang, 'derived')})`;
  };
  // 配合单位 follow the lead, marked so: they share the task without leading it.
  const withCooperating = (detail: string | undefined, x: Task | Section): string | undefined =>
    x.cooperating.length === 0 ? detail : [detail, `${text(lang, 'cooperates')}:${x.cooperating.map((r) => r.name).join('、')}`].filter(Boolean).join(';');
  // Then the people who answer for it and its tags: 分管领导 何海平;#省定.
  const withFacts = (detail: string | undefined, x: Task | Section): string | undefined =>
    [withCooperating(detail, x), x.people.length ? peopleText(x.people) : undefined, ...(x.kind === 'task' ? x.tags.map((tag) => `#${tag}`) : [])].filter(Boolean).join(';') || undefined;
  const milestone = (m: Milestone): DocumentSymbol => symbol(`${m.kind} ${m.date}`, undefined, SymbolKind.Key, m.path, 'date', []);
  const task = (t: Task): DocumentSymbol =>
    symbol(t.number ? `${t.number} ${t.title}` : t.title, withFacts(taskLead(t), t), SymbolKind.Event, t.path, 'title', [...t.indicators.map(indicator), ...t.milestones.map(milestone)]);
  // A section's "6类22件", as declared, follows its lead.
  const counts = (c: DeclaredCounts | undefined) => (c && (c.categories || c.items) ? countsText(lang, c.categories?.value, c.items?.value) : undefined);
  const section = (s: Section): DocumentSymbol =>
    symbol(s.number ? `${s.number} ${s.title}` : s.title, withFacts([s.lead.map((r) => r.name).join('、'), counts(s.declaredCounts)].filter(Boolean).join(';') || undefined, s), SymbolKind.Namespace, s.path, 'title', [
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
  // The plan's declared counts first, with what it lists beside them: 6类22件 · 实有 6类21件 ✗.
  const declared = declaredCountsText(lang, plan.declaredCounts, plan);
  const countsSymbol = declared && counts(plan.declaredCounts) ? [symbol(counts(plan.declaredCounts) as string, declared, SymbolKind.Constant, ['plan', 'declaredCounts'], 'items', [])] : [];
  // A report opens with its title and form (新闻报道), so that the outline says it is not a plan to issue; a plan's
  // outline stays its sections, as its title says nothing the editor's tab does not.
  const form = formText(lang, plan.form);
  const formSymbol = form ? [symbol(plan.title ?? text(lang, 'thePlan'), form, SymbolKind.File, ['plan'], 'title', [])] : [];
  return [...formSymbol, ...countsSymbol, ...plan.indicators.map(indicator), ...regions, ...plan.sections.map(section)];
}
