import { escapeControls as safe, formatNumber, type FileResult, type FindingRow, type Lang, type TargetChange } from '../../engine/index.js';

/** The words of a comparison with the last round, in both languages. */
const BASELINE_TEXTS = {
  'zh-CN': {
    new: '本轮新增 / new since the last round',
    unchanged: '仍未解决 / still open',
    summary: (n: number, u: number, f: number) => `与上一轮相比:本轮新增 ${n} 项,仍未解决 ${u} 项,已修复 ${f} 项`,
    fixed: '已修复 / fixed since the last round',
    targets: (n: number) => `目标变化 ${n} 处`,
    tasks: (added: number, removed: number) => `新增任务 ${added} 项,删除任务 ${removed} 项`,
    overall: '总体目标',
    baseline: '基期',
    none: '无',
  },
  en: {
    new: 'new since the last round / 本轮新增',
    unchanged: 'still open / 仍未解决',
    summary: (n: number, u: number, f: number) => `Against the last round: ${n} new, ${u} still open, ${f} fixed`,
    fixed: 'fixed since the last round / 已修复',
    targets: (n: number) => `${n} target${n === 1 ? '' : 's'} changed`,
    tasks: (added: number, removed: number) => `${added} task${added === 1 ? '' : 's'} added, ${removed} removed`,
    overall: 'overall',
    baseline: 'baseline',
    none: 'none',
  },
} as const;

/** A file's findings with those new since the last round first, then those still open, each group in order. */
export function newFirst(findings: readonly FindingRow[]): FindingRow[] {
  const rank = (f: FindingRow) => (f.baselineState === 'new' ? 0 : f.baselineState === 'unchanged' ? 1 : 2);
  return findings.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map((x) => x.f);
}

/** The heading to print before `f` when its group differs from the one before it; none outside a comparison. */
export function groupHeading(f: FindingRow, before: FindingRow | undefined, lang: Lang): string | undefined {
  if (f.baselineState === undefined || f.baselineState === before?.baselineState) return undefined;
  return f.baselineState === 'new' ? BASELINE_TEXTS[lang].new : f.baselineState === 'unchanged' ? BASELINE_TEXTS[lang].unchanged : undefined;
}

/** Counts against the last round, or undefined when the run compared nothing. */
function baselineCounts(reports: readonly FileResult[]): { new: number; unchanged: number; fixed: number } | undefined {
  if (!reports.some((r) => r.baseline)) return undefined;
  const all = reports.flatMap((r) => r.findings);
  return {
    new: all.filter((f) => f.baselineState === 'new').length,
    unchanged: all.filter((f) => f.baselineState === 'unchanged').length,
    fixed: reports.reduce((n, r) => n + (r.baseline?.fixed.length ?? 0), 0),
  };
}

/** "2023: 7 → 5" — a target's change, as people read it. */
function targetChangeText(c: TargetChange, lang: Lang): string {
  const t = BASELINE_TEXTS[lang];
  const at = c.which === 'year' ? String(c.year) : t[c.which];
  const shown = (v: number | undefined) => (v === undefined ? t.none : formatNumber(v));
  return `${at}: ${shown(c.before)} → ${shown(c.after)}`;
}

/** The closing lines of the human output: the counts, then per file what the new round fixed and changed. */
export function baselineSummaryLines(reports: readonly FileResult[], lang: Lang): string[] {
  const c = baselineCounts(reports);
  if (!c) return [];
  const t = BASELINE_TEXTS[lang];
  const out = [t.summary(c.new, c.unchanged, c.fixed)];
  for (const r of reports) {
    const b = r.baseline;
    if (!b || (b.fixed.length === 0 && b.targets.length === 0 && b.tasksAdded.length === 0 && b.tasksRemoved.length === 0)) continue;
    out.push(`  ${safe(r.path)}`);
    if (b.fixed.length > 0) out.push(`    ${t.fixed}:`);
    for (const f of b.fixed) out.push(`      ✔ ${safe(f.message[lang])}  ${f.ruleId}`);
    if (b.targets.length > 0) out.push(`    ${t.targets(b.targets.length)}:`);
    for (const x of b.targets) out.push(`      ${safe(x.owner)} · ${safe(x.indicator)}  ${targetChangeText(x, lang)}`);
    if (b.tasksAdded.length > 0 || b.tasksRemoved.length > 0) out.push(`    ${t.tasks(b.tasksAdded.length, b.tasksRemoved.length)}`);
  }
  return out;
}
