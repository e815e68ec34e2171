import {
  REPORT_FORM_NAMES, buildPlan, comparatorSymbol, effectiveCooperating, effectivePeople, escapeControls, formatNumber, indicatorLabel, label, milestonesText, peopleText, regionLabel, regionSum, ruleMeta, splitTotal,
  tagCountsListed, type FileResult, type FindingRow, type Indicator, type Lang, type Plan, type Task,
} from '../engine/index.js';
import { roundSection, roundVerdict } from './baseline.js';
import { groupSameFindings, indicatorRows, leadsFor, unitMatrix, type IndicatorRow, type TaskRole } from './model.js';
import { REPORT_TEXTS, type ReportTexts } from './texts.js';

// Control and bidi characters from a plan are shown as escapes (`U+202E`): they cannot reorder what a reviewer reads.
const esc = (s: string) => escapeControls(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number | undefined) => (v === undefined ? '' : formatNumber(v));
const sym = comparatorSymbol;

const CSS = `
*{box-sizing:border-box}body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;margin:0;color:#1f2328;background:#fff;line-height:1.55}
main{max-width:1180px;margin:0 auto;padding:24px}h1{font-size:26px;margin:0 0 4px}h2{font-size:21px;border-bottom:2px solid #d0d7de;padding-bottom:4px;margin-top:40px}h3{font-size:17px;margin:24px 0 8px}
.muted{color:#656d76}.verdict{padding:12px 16px;border-radius:6px;font-size:18px;font-weight:600;margin:12px 0}.ok{background:#dafbe1;border:1px solid #4ac26b}.warn{background:#fff8c5;border:1px solid #d4a72c}.bad{background:#ffebe9;border:1px solid #ff8182}.report{background:#ddf4ff;border:1px solid #54aeff}
table{border-collapse:collapse;width:100%;font-size:13.5px;margin:6px 0 14px}th,td{border:1px solid #d0d7de;padding:4px 7px;text-align:left;vertical-align:top}th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums}
.sev-error{color:#cf222e;font-weight:600}.sev-warning{color:#9a6700;font-weight:600}.sev-info{color:#0969da}
.remedies{margin:2px 0 4px}.remedies ul{margin:2px 0;padding-left:1.4em}.finding{border-left:3px solid #d0d7de;padding:4px 10px;margin:8px 0;break-inside:avoid}.finding.error{border-color:#cf222e}.finding.warning{border-color:#d4a72c}.finding.info{border-color:#0969da}
pre{background:#f6f8fa;padding:6px 8px;margin:4px 0;overflow-x:auto;font-size:12.5px;white-space:pre-wrap}code{font-size:12.5px}
.lead{color:#0550ae;font-weight:600}.shares{color:#57606a}.cooperates{color:#6e7781}.undecided{color:#9a6700}.spark{vertical-align:middle}tr{break-inside:avoid}
tr.by-region td{border-top:0;background:#fbfcfd;font-size:12.5px;padding:2px 7px 4px 22px}tr.has-regions td{border-bottom:0}.by-region .sum{font-weight:600}
.task-facts td:first-child{width:36%}.task-facts .facts div{font-size:12.5px;color:#656d76;overflow-wrap:anywhere}.task-facts .facts b{font-weight:600;color:#57606a}.tag{display:inline-block;font-size:12px;color:#57606a;border:1px solid #d0d7de;border-radius:9px;padding:0 6px;margin:0 0 0 4px;line-height:1.5;white-space:nowrap}.tag-counts{font-size:13px;margin:0 0 6px}
nav ul{columns:2;padding-left:20px}@media print{main{max-width:none;padding:0}h2{break-before:page}.noprint{display:none}a{color:inherit;text-decoration:none}}
`;

/** One checked plan as the report shows it: its findings, the plan the check read, and the sum tolerance in force. */
export interface ReportedPlan {
  result: FileResult;
  plan?: Plan;
  tolerance: number;
}

/** The reviewer's report: one self-contained HTML page (no script, no network, no external asset). */
export function renderReport(checked: readonly ReportedPlan[], options: { lang: Lang; version: string }): string {
  const t = REPORT_TEXTS[options.lang];
  const reports = checked.map((c) => c.result);
  // A file that could not be read, or is not YAML, has an empty plan: its findings still show.
  const plans = checked.map((c) => c.plan ?? buildPlan(undefined));
  const body = reports.map((r, i) => planSection(r, plans[i], i, t, options.lang, checked[i].tolerance)).join('\n');
  const overview = reports
    .map((r, i) => {
      const v = verdict(r.findings, plans[i], t, options.lang);
      return `<tr><td><a href="#plan-${i}">${esc(titleOf(plans[i], r))}</a><div class="muted">${esc(r.path)}</div></td><td class="${v.cls}">${esc(v.short)}</td>${countCells(r.findings)}</tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${options.lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(t.title)}</title><style>${CSS}</style></head>
<body><main>
<h1>${esc(t.title)}</h1>
<div class="muted">planlint ${esc(options.version)} · ${esc(t.subtitle(reports.length))}</div>
<h3>${esc(t.overview)}</h3>
<table id="overview"><thead><tr><th>${esc(t.plan)}</th><th>${esc(t.verdict)}</th><th>${esc(t.errors)}</th><th>${esc(t.warnings)}</th><th>${esc(t.infos)}</th></tr></thead><tbody>
${overview}
</tbody></table>
${body}
</main></body></html>
`;
}

function titleOf(plan: Plan, r: FileResult): string {
  return plan.title ?? r.path;
}

function countCells(findings: readonly FindingRow[]): string {
  const c = (s: string) => findings.filter((f) => f.severity === s).length;
  return `<td class="num sev-error">${c('error')}</td><td class="num sev-warning">${c('warning')}</td><td class="num sev-info">${c('info')}</td>`;
}

function verdict(findings: readonly FindingRow[], plan: Plan, t: ReportTexts, lang: Lang): { cls: string; text: string; short: string } {
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  // A progress or news report is not issued: whatever its findings, it gets no verdict on issuing, and never
  // "fit to issue" for a text that names no unit.
  if (plan.form !== 'plan') return { cls: 'report', text: t.reportForm(REPORT_FORM_NAMES[plan.form][lang], count('error'), count('warning')), short: t.reportFormShort };
  // A plan with no lead anywhere, or no unit at all, is never fit to issue, whatever severity it is configured to.
  const unassigned = findings.some((f) => f.ruleId === 'task-has-lead' && f.path.length === 1 && f.path[0] === 'plan');
  const errors = Math.max(count('error'), unassigned ? 1 : 0);
  const warnings = count('warning');
  if (errors > 0) return { cls: 'bad', text: t.notReady(errors, warnings), short: t.notReadyShort };
  if (warnings > 0) return { cls: 'warn', text: t.readyWithWarnings(warnings), short: t.readyWithWarningsShort };
  return { cls: 'ok', text: t.ready, short: t.readyShort };
}

function planSection(r: FileResult, plan: Plan, i: number, t: ReportTexts, lang: Lang, tolerance: number): string {
  const v = verdict(r.findings, plan, t, lang);
  const title = titleOf(plan, r);
  const period = plan.period ? `${plan.period.start}—${plan.period.end}` : '—';
  return `<section id="plan-${i}" class="plan">
<h2>${esc(title)}</h2>
<div class="muted">${esc(r.path)} · ${esc(t.period)} ${esc(period)} · ${t.counts(plan.allSections.length, plan.allTasks.length, plan.allIndicators.length, plan.units.length)}</div>
<div class="verdict ${v.cls}" data-verdict="${v.cls}">${esc(v.text)}${esc(roundVerdict(r, lang))}</div>
${roundSection(r, lang)}
${findingsByRule(r.findings, t, lang)}
${findingsByLead(r.findings, plan, t, lang)}
${taskFacts(plan, t)}
${indicatorTable(indicatorRows(plan, tolerance), t, plan, r.findings)}
${matrix(plan, t)}
</section>`;
}

function findingsByRule(findings: readonly FindingRow[], t: ReportTexts, lang: Lang): string {
  if (findings.length === 0) return `<h3>${esc(t.byRule)}</h3><p class="muted">${esc(t.noFindings)}</p>`;
  const groups = new Map<string, FindingRow[]>();
  for (const f of findings) groups.set(f.ruleId, [...(groups.get(f.ruleId) ?? []), f]);
  const rows = [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([id, fs]) => `<tr><td><code>${esc(id)}</code></td><td>${esc(ruleMeta(id)?.description[lang] ?? id)}</td><td class="sev-${fs[0].severity}">${esc(t.severity[fs[0].severity])}</td><td class="num">${fs.length}</td></tr>`)
    .join('');
  return `<h3>${esc(t.byRule)}</h3><table class="by-rule"><thead><tr><th>${esc(t.rule)}</th><th>${esc(t.description)}</th><th>${esc(t.level)}</th><th>${esc(t.count)}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** What the editor's lightbulb offers for a finding, as sentences a reviewer can send back to the drafter. */
function remedies(f: FindingRow, t: ReportTexts, lang: Lang): string {
  const items = [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])];
  if (items.length === 0) return '';
  const sentence = (s: string) => (/[。.!?!?]$/.test(s) ? s : `${s}${lang === 'en' ? '.' : '。'}`);
  const label = items.length === 1 ? t.remedy : t.remedies;
  return `<div class="remedies">${esc(label)}<ul>${items.map((x) => `<li>${esc(sentence(x.message[lang]))}</li>`).join('')}</ul></div>`;
}

function findingsByLead(findings: readonly FindingRow[], plan: Plan, t: ReportTexts, lang: Lang): string {
  if (findings.length === 0) return '';
  const groups = new Map<string, FindingRow[]>();
  for (const f of findings) {
    const { names, how } = leadsFor(plan, f);
    // A lead the source never names is headed as what it is: derived, or the row's units with none leading.
    const who = names.length === 0 ? t.wholePlan : how === 'derived' ? `${names.join('、')}(${t.derived})` : names.join('、');
    const key = `${how === 'undecided' && names.length > 0 ? t.undecidedUnits : t.leadUnit}:${who}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const order = { error: 0, warning: 1, info: 2 };
  const parts = [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0], 'zh-CN'))
    .map(([lead, fs]) => {
      const sorted = [...fs].sort((a, b) => order[a.severity] - order[b.severity] || a.line - b.line);
      const items = groupSameFindings(plan, sorted)
        .map((g) => (g.length === 1 ? findingEntry(g[0], t, lang) : groupEntry(g, t, lang)))
        .join('\n');
      return `<h4>${esc(lead)} <span class="muted">(${fs.length})</span></h4>\n${items}`;
    })
    .join('\n');
  return `<h3>${esc(t.byLead)}</h3><div class="by-lead">${parts}</div>`;
}

function findingEntry(f: FindingRow, t: ReportTexts, lang: Lang): string {
  return `<div class="finding ${f.severity}"><span class="sev-${f.severity}">${esc(t.severity[f.severity])}</span> ${esc(f.message[lang])} <code class="muted">${esc(f.ruleId)}</code>
<pre>${esc(t.line(f.line))} | ${esc(f.excerpt.trim())}</pre>${remedies(f, t, lang)}</div>`;
}

/** Findings that say the same of several tasks: one entry, the first message as the example, then each task's line. */
function groupEntry(g: readonly FindingRow[], t: ReportTexts, lang: Lang): string {
  const f = g[0];
  const lines = g.map((x) => `${esc(t.line(x.line))} | ${esc(x.excerpt.trim())}`).join('\n');
  // A remedy is shown once only when it reads the same for every task.
  const same = g.every((x) => remedies(x, t, lang) === remedies(f, t, lang));
  return `<div class="finding ${f.severity} grouped" data-count="${g.length}"><span class="sev-${f.severity}">${esc(t.severity[f.severity])}</span> ${esc(t.sameForTasks(g.length))} <code class="muted">${esc(f.ruleId)}</code>
<div>${esc(f.message[lang])}</div>
<pre>${lines}</pre>${same ? remedies(f, t, lang) : ''}</div>`;
}

/**
 * What a task states beside its units and numbers, one small line each in the hover's order: its tags, its 配合单位,
 * its 责任人 (its own, else its section's), then its 节点 and its 完成时限 on one line. Only tasks that state one
 * of them are listed, the column head names only the kinds some task states, and the section is left out for a
 * plan whose tasks state none. The tags' counts come first, each against the count the plan declares, if it does.
 */
function taskFacts(plan: Plan, t: ReportTexts): string {
  type Kind = 'tags' | 'cooperatingUnit' | 'people' | 'milestones' | 'deadline';
  const present = new Set<Kind>();
  const name = (kind: Kind) => `<b>${esc(t[kind])}</b>${esc(t.colon)}`;
  const factsOf = (task: Task): string => {
    const cooperating = effectiveCooperating(task);
    const people = effectivePeople(task);
    const lines: string[] = [];
    const add = (kind: Kind, html: string) => {
      present.add(kind);
      return html;
    };
    if (task.tags.length) lines.push(add('tags', `${name('tags')}${task.tags.map((tag) => `<span class="tag">${esc(tag)}</span>`).join('')}`));
    if (cooperating.length) lines.push(add('cooperatingUnit', `${name('cooperatingUnit')}${esc(cooperating.map((r) => r.name).join('、'))}`));
    if (people.length) lines.push(add('people', `${name('people')}${esc(peopleText(people))}`));
    const when = [
      ...(task.milestones.length ? [add('milestones', `${name('milestones')}${esc(milestonesText(task.milestones))}`)] : []),
      ...(task.deadline ? [add('deadline', `${name('deadline')}${esc(String(task.deadline.written))}`)] : []),
    ];
    if (when.length) lines.push(when.join(' · '));
    return lines.map((l) => `<div>${l}</div>`).join('');
  };
  const rows = plan.allTasks
    .map((task) => ({ task, facts: factsOf(task) }))
    .filter(({ facts }) => facts !== '')
    .map(({ task, facts }) => `<tr><td>${esc(label(task))}</td><td class="facts">${facts}</td></tr>`)
    .join('\n');
  // Declared tags first, in the plan's order, then the others as the tasks first carry them.
  const declared = tagCountsListed(plan);
  const others = [...new Set(plan.allTasks.flatMap((task) => task.tags))].filter((tag) => !declared.some((c) => c.tag === tag));
  const counts = [
    ...declared.map((c) => `<span${c.declared === c.listed ? '' : ' class="sev-warning"'}>${esc(t.tagCount(c.tag, c.declared, c.listed))}</span>`),
    ...others.map((tag) => `<span>${esc(t.tagListed(tag, plan.allTasks.filter((task) => task.tags.includes(tag)).length))}</span>`),
  ].join(' · ');
  if (rows === '' && counts === '') return '';
  const head = (['tags', 'cooperatingUnit', 'people', 'milestones', 'deadline'] as const).filter((k) => present.has(k)).map((k) => t[k]).join(t.listSep);
  const table = rows === '' ? '' : `<table class="task-facts"><thead><tr><th>${esc(t.task)}</th><th>${esc(head)}</th></tr></thead><tbody>${rows}</tbody></table>`;
  return `<h3>${esc(t.taskFacts)}</h3>${counts ? `<div class="tag-counts muted">${counts}</div>` : ''}${table}`;
}

function sparkline(row: IndicatorRow): string {
  const pts: [number, number][] = [];
  const b = row.indicator.baseline;
  if (b?.year !== undefined) pts.push([b.year, b.value]);
  for (const y of row.years) pts.push([y, row.values.get(y) as number]);
  const o = row.indicator.overall;
  if (o?.year !== undefined && !row.values.has(o.year)) pts.push([o.year, o.value]);
  if (pts.length < 2) return '';
  const [x0, x1, y0, y1] = pts.reduce(([a, b, c, d], [x, y]) => [Math.min(a, x), Math.max(b, x), Math.min(c, y), Math.max(d, y)], [Infinity, -Infinity, Infinity, -Infinity]);
  const W = 90;
  const H = 24;
  const px = (x: number) => (x1 === x0 ? W / 2 : 3 + ((x - x0) / (x1 - x0)) * (W - 6));
  const py = (y: number) => (y1 === y0 ? H / 2 : H - 3 - ((y - y0) / (y1 - y0)) * (H - 6));
  const d = pts.map((p, i) => `${i ? 'L' : 'M'}${px(p[0]).toFixed(1)},${py(p[1]).toFixed(1)}`).join('');
  const dots = pts.map((p) => `<circle cx="${px(p[0]).toFixed(1)}" cy="${py(p[1]).toFixed(1)}" r="1.8"/>`).join('');
  return `<svg class="spark" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img"><path d="${d}" fill="none" stroke="#0969da" stroke-width="1.5"/><g fill="#0969da">${dots}</g></svg>`;
}

/** The actual, its rate recomputed, and the printed rate marked where it differs: 7558 (119.97%, 印为 119%). */
function actualCell(r: IndicatorRow, t: ReportTexts): string {
  const p = r.progress;
  if (!p) return '';
  const { actual } = p;
  const value = actual.value === undefined ? '' : `${n(actual.value)}${actual.unit && actual.unit !== r.indicator.unit ? esc(actual.unit) : ''}`;
  const wrong = actual.percent !== undefined && p.expectedPercent !== undefined && p.expectedPercent !== actual.percent;
  const rate = p.rate !== undefined
    ? `${formatNumber(Math.round(p.rate * 100) / 100)}%${wrong ? `, ${esc(t.actualPrinted)} ${n(actual.percent)}%` : ''}`
    : actual.percent !== undefined ? `${n(actual.percent)}%` : '';
  const cls = wrong || p.unitsDiffer ? ' class="sev-warning"' : '';
  const when = actual.asOf !== undefined ? `<div class="muted">${esc(String(actual.asOf))}</div>` : '';
  return `<span${cls}>${[value, rate ? `(${rate})` : ''].filter((x) => x !== '').join(' ')}</span>${actual.status ? `<div class="muted">${esc(actual.status)}</div>` : ''}${when}`;
}

const REGION_RULES = new Set(['regions-sum-to-total', 'region-declared']);

/**
 * An indicator's splits by region, one line each, under its row: each region and its value, then their sum. A value or
 * sum a region finding points at is marked, so the table and the findings agree.
 */
function regionLines(ind: Indicator, plan: Plan, flagged: ReadonlySet<string>, t: ReportTexts, cols: number): string {
  if (ind.byRegion.length === 0) return '';
  const at = (path: readonly (string | number)[]) => flagged.has(JSON.stringify(path));
  const lines = ind.byRegion.map((split) => {
    const values = split.values
      .map((v) => {
        const unit = v.unit !== undefined && v.unit !== ind.unit ? esc(v.unit) : '';
        const text = `${esc(regionLabel(plan, v.key))} ${n(v.value)}${unit}`;
        return at(v.keyPath) || at(v.path) ? `<span class="sev-error">${text}</span>` : text;
      })
      .join('、');
    const s = regionSum(ind, split);
    const total = splitTotal(ind, split);
    const sum = s === undefined ? '' : ` · <span class="sum${total && at(total.path) ? ' sev-error' : ''}">${esc(t.regionsSum)} ${n(s)}</span>`;
    return `<div><span class="muted">${esc(t.byRegion(split.year))}:</span>${values}${sum}</div>`;
  });
  return `<tr class="by-region"><td colspan="${cols}">${lines.join('')}</td></tr>`;
}

function indicatorTable(rows: IndicatorRow[], t: ReportTexts, plan: Plan, findings: readonly FindingRow[]): string {
  const flagged = new Set(findings.filter((f) => REGION_RULES.has(f.ruleId)).map((f) => JSON.stringify(f.path)));
  if (rows.length === 0) return `<h3>${esc(t.indicators)}</h3><p class="muted">${esc(t.noIndicators)}</p>`;
  const years = [...new Set(rows.flatMap((r) => r.years))].sort();
  // A progress notice's column; a plan without actuals keeps its table as it was.
  const actuals = rows.some((r) => r.progress);
  const head = `<tr><th>${esc(t.indicator)}</th><th>${esc(t.owner)}</th><th>${esc(t.baseline)}</th>${years.map((y) => `<th>${y}</th>`).join('')}<th>${esc(t.overall)}</th><th>${esc(t.sumOfYears)}</th><th>${esc(t.growth)}</th>${actuals ? `<th>${esc(t.actual)}</th>` : ''}<th>${esc(t.trend)}</th></tr>`;
  const body = rows
    .map((r) => {
      const ind = r.indicator;
      const b = ind.baseline ? `${n(ind.baseline.value)}${ind.baseline.year ? `<div class="muted">${ind.baseline.year}</div>` : ''}` : '';
      const o = ind.overall ? `${sym(ind.overall.comparator ?? ind.comparator)}${n(ind.overall.value)}${ind.overall.year ? `<div class="muted">${ind.overall.year}</div>` : ''}` : '';
      const growth = r.impliedGrowth === undefined ? '' : `${formatNumber(Math.round(r.impliedGrowth * 100) / 100)}%`;
      const mismatch = r.total !== undefined && !r.total.ok;
      const regions = regionLines(ind, plan, flagged, t, 7 + years.length + (actuals ? 1 : 0));
      return `<tr${regions ? ' class="has-regions"' : ''}><td>${esc(indicatorLabel(ind))}${ind.parent ? `<div class="muted">${esc(t.partOf)} ${esc(ind.parent.name)}</div>` : ''}</td><td class="muted">${esc(r.owner)}</td><td class="num">${b}</td>${years.map((y) => `<td class="num">${n(r.values.get(y))}</td>`).join('')}<td class="num">${o}</td><td class="num${mismatch ? ' sev-error' : ''}">${n(r.total?.sum)}</td><td class="num">${growth}</td>${actuals ? `<td class="num">${actualCell(r, t)}</td>` : ''}<td>${sparkline(r)}</td></tr>${regions}`;
    })
    .join('\n');
  return `<h3>${esc(t.indicators)}</h3><table class="indicators"><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function matrix(plan: Plan, t: ReportTexts): string {
  const m = unitMatrix(plan);
  if (m.units.length === 0) return `<h3>${esc(t.matrix)}</h3><p class="muted">${esc(t.noUnits)}</p>`;
  const name = (task: { number?: string; title: string }) => esc(task.number ?? task.title.slice(0, 8));
  type MatrixTask = (typeof m.tasks)[number];
  const leadName = (task: MatrixTask) => (m.derived.has(task) ? `${name(task)}<span class="derived" title="${esc(t.derivedLead)}">(${esc(t.derived)})</span>` : name(task));
  const shareName = (task: MatrixTask) => (m.undecided.has(task) ? `${name(task)}<span class="undecided" title="${esc(t.undecidedLead)}">${esc(t.leadUndecided)}</span>` : name(task));
  // 配合 gets its columns only where some task names a cooperating unit: most plans have none.
  const roles: [TaskRole, string, string, (task: MatrixTask) => string][] = [
    ['lead', t.leads, 'lead', leadName],
    ['responsible', t.shares, 'shares', shareName],
    ...(m.cooperating ? [['cooperating', t.cooperates, 'cooperates', name] as [TaskRole, string, string, (task: MatrixTask) => string]] : []),
  ];
  const rows = m.units
    .map((u) => {
      const of = m.roles.get(u) as Map<MatrixTask, TaskRole>;
      const cells = roles.map(([role, , css, show]) => {
        const tasks = m.tasks.filter((task) => of.get(task) === role);
        return `<td class="num">${tasks.length}</td><td class="${css}">${tasks.map(show).join(' ')}</td>`;
      });
      return `<tr><td>${esc(u)}</td>${cells.join('')}</tr>`;
    })
    .join('\n');
  const head = roles.map(([, title]) => `<th colspan="2">${esc(title)}</th>`).join('');
  return `<h3>${esc(t.matrix)}</h3><table class="matrix"><thead><tr><th>${esc(t.unit)}</th>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}
