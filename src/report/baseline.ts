import { escapeControls, formatNumber, ruleMeta, type FileResult, type FindingRow, type Lang, type TargetChange } from '../engine/index.js';

const esc = (s: string) => escapeControls(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The words of a round compared with the last one, in both languages. */
const ROUND_TEXTS = {
  'zh-CN': {
    newFindings: (n: number) => `本轮新增的问题(${n})`,
    noNew: '本轮没有新增问题。',
    fixed: (n: number) => `上一轮的问题中本轮已修复的(${n})`,
    noFixed: '上一轮的问题本轮均未修复。',
    stillOpen: (n: number) => `仍未解决 ${n} 个`,
    targets: '目标变化',
    noTargets: '各项目标与上一轮相同。',
    indicator: '指标(单位)',
    owner: '所属任务/章节',
    at: '年度/总体',
    before: '上一轮',
    after: '本轮',
    overall: '总体目标',
    baseline: '基期',
    none: '无',
    tasksAdded: '新增任务',
    tasksRemoved: '删除任务',
    lastRoundLine: (n: number) => `上一轮第 ${n} 行`,
    line: (n: number) => `第 ${n} 行`,
    verdict: (fixed: number, added: number, open: number) => `与上一轮相比:本轮修复了 ${fixed} 个问题,新增 ${added} 个,仍未解决 ${open} 个。`,
    fixedRules: (rules: string) => `已修复:${rules}。`,
  },
  en: {
    newFindings: (n: number) => `New since the last round (${n})`,
    noNew: 'Nothing new since the last round.',
    fixed: (n: number) => `Fixed since the last round (${n})`,
    noFixed: 'None of the last round\'s findings is fixed.',
    stillOpen: (n: number) => `${n} still open`,
    targets: 'Targets changed',
    noTargets: 'Every target is as in the last round.',
    indicator: 'Indicator (unit)',
    owner: 'Task / section',
    at: 'Year / overall',
    before: 'Last round',
    after: 'This round',
    overall: 'overall',
    baseline: 'baseline',
    none: 'none',
    tasksAdded: 'Tasks added',
    tasksRemoved: 'Tasks removed',
    lastRoundLine: (n: number) => `last round, line ${n}`,
    line: (n: number) => `line ${n}`,
    verdict: (fixed: number, added: number, open: number) => `Against the last round: this round fixed ${fixed} finding${fixed === 1 ? '' : 's'}, added ${added}, left ${open} open.`,
    fixedRules: (rules: string) => `Fixed: ${rules}.`,
  },
} as const;

type RoundTexts = (typeof ROUND_TEXTS)[Lang];

/** What the verdict adds for a compared round: what the new round fixed, added and left open. */
export function roundVerdict(r: FileResult, lang: Lang): string {
  const b = r.baseline;
  if (!b) return '';
  const t = ROUND_TEXTS[lang];
  const added = r.findings.filter((f) => f.baselineState === 'new').length;
  const open = r.findings.filter((f) => f.baselineState === 'unchanged').length;
  const rules = [...new Set(b.fixed.map((f) => f.ruleId))].map((id) => ruleMeta(id)?.description[lang] ?? id);
  return ` ${t.verdict(b.fixed.length, added, open)}${rules.length > 0 ? ` ${t.fixedRules(rules.join(lang === 'en' ? ', ' : '、'))}` : ''}`;
}

function item(f: FindingRow, where: string, lang: Lang): string {
  return `<div class="finding ${f.severity}">${esc(f.message[lang])} <code class="muted">${esc(f.ruleId)}</code>
<pre>${esc(where)} | ${esc(f.excerpt.trim())}</pre></div>`;
}

function at(c: TargetChange, t: RoundTexts): string {
  return c.which === 'year' ? String(c.year) : t[c.which];
}

function targetTable(changes: readonly TargetChange[], t: RoundTexts): string {
  if (changes.length === 0) return `<h3>${esc(t.targets)}</h3><p class="muted">${esc(t.noTargets)}</p>`;
  const v = (x: number | undefined) => (x === undefined ? esc(t.none) : formatNumber(x));
  const rows = changes
    .map((c) => `<tr><td>${esc(c.indicator)}</td><td class="muted">${esc(c.owner)}</td><td>${esc(at(c, t))}</td><td class="num">${v(c.before)}</td><td class="num">${v(c.after)}</td></tr>`)
    .join('\n');
  return `<h3>${esc(t.targets)}</h3><table class="target-changes"><thead><tr><th>${esc(t.indicator)}</th><th>${esc(t.owner)}</th><th>${esc(t.at)}</th><th>${esc(t.before)}</th><th>${esc(t.after)}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * A compared round, shown before everything else of its plan: the new findings first, then the
 * fixed ones (at the last round's lines), the targets changed, the tasks added and removed.
 */
export function roundSection(r: FileResult, lang: Lang): string {
  const b = r.baseline;
  if (!b) return '';
  const t = ROUND_TEXTS[lang];
  const added = r.findings.filter((f) => f.baselineState === 'new');
  const tasks = (title: string, list: typeof b.tasksAdded) =>
    list.length === 0 ? '' : `<h4>${esc(title)}</h4><ul>${list.map((x) => `<li>${esc(x.number ? `${x.number} ${x.title}` : x.title)}</li>`).join('')}</ul>`;
  return `<section class="round">
<h3 id="new-findings">${esc(t.newFindings(added.length))}</h3>
${added.length === 0 ? `<p class="muted">${esc(t.noNew)}</p>` : `<div class="new-findings">${added.map((f) => item(f, t.line(f.line), lang)).join('\n')}</div>`}
<h3 id="fixed-findings">${esc(t.fixed(b.fixed.length))}</h3>
${b.fixed.length === 0 ? `<p class="muted">${esc(t.noFixed)}</p>` : `<div class="fixed-findings">${b.fixed.map((f) => item(f, t.lastRoundLine(f.line), lang)).join('\n')}</div>`}
${targetTable(b.targets, t)}
${tasks(t.tasksAdded, b.tasksAdded)}${tasks(t.tasksRemoved, b.tasksRemoved)}
</section>`;
}
