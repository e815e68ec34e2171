import { styleText } from 'node:util';
import stringWidth from 'string-width';
import { REPORT_FORM_NAMES, escapeControls as safe, type FindingRow } from '../../engine/index.js';
import { TEXTS } from '../texts.js';
import { baselineSummaryLines, groupHeading, newFirst } from './baseline.js';
import { counts, type Formatter } from './common.js';

const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

/**
 * For people: per file, each finding's place, severity, message and rule, then the source line with
 * a marker under the span (measured in terminal columns, so Chinese text lines up), then a summary.
 */
export const stylish: Formatter = (reports, { lang, color, group = true }) => {
  const t = TEXTS[lang];
  const paint = (style: Parameters<typeof styleText>[0], s: string) => (color ? styleText(style, s) : s);
  const out: string[] = [];
  const rules = new Set<string>();
  let hidden = 0;
  for (const r of reports) {
    if (r.findings.length === 0 && !r.readError) continue;
    // Everything that comes from a plan (its name, its text, messages quoting it) is shown with its
    // control and bidi characters escaped, colours or not: a plan cannot drive the reader's terminal.
    // A report's header says so: a CI log reader sees why its findings are notes, not a plan's errors.
    out.push(paint('underline', safe(r.path)) + (r.form ? ` ${t.reportForm(REPORT_FORM_NAMES[r.form][lang])}` : ''));
    if (r.readError) out.push(`  ${paint('red', t.error)}  ${safe(r.readError)}`);
    const ordered = newFirst(r.findings);
    const others = group ? sameElsewhere(ordered) : new Map<FindingRow, FindingRow[]>();
    const shownAbove = new Set([...others.values()].flat());
    for (const [i, f] of ordered.entries()) {
      if (shownAbove.has(f)) continue;
      const heading = groupHeading(f, ordered[i - 1], lang);
      if (heading) out.push(`  ${paint('bold', heading)}`);
      out.push(`  ${paint('dim', `${f.line}:${f.column}`)}  ${paint(SEVERITY_STYLE[f.severity], t[f.severity])}  ${safe(f.message[lang])}  ${paint('dim', f.ruleId)}`);
      const gutter = String(f.line);
      const raw = f.excerpt.replace(/\t/g, ' ');
      const source = safe(raw);
      const before = safe(raw.slice(0, f.column - 1));
      const spanEnd = f.endLine === f.line ? Math.max(f.endColumn - 1, f.column) : raw.length;
      const span = safe(raw.slice(f.column - 1, spanEnd)) || ' ';
      out.push(paint('dim', `    ${gutter} | `) + source);
      out.push(paint('dim', `    ${' '.repeat(gutter.length)} | `) + ' '.repeat(stringWidth(before)) + paint(SEVERITY_STYLE[f.severity], '^'.repeat(Math.max(1, stringWidth(span)))));
      // What the editor's lightbulb offers, listed under the finding with the option that applies it.
      const pad = `    ${' '.repeat(gutter.length)}   `;
      if (f.fix) out.push(`${pad}${paint('green', t.fixLabel)}${safe(f.fix.message[lang])}`);
      (f.suggestions ?? []).forEach((x, i) => {
        out.push(`${pad}${paint('green', t.suggestionLabel(i + 1))}${safe(x.message[lang])}  ${paint('dim', `--fix-suggestion ${f.ruleId}${i === 0 ? '' : `:${i + 1}`}`)}`);
      });
      const same = others.get(f);
      if (same) {
        out.push(`${pad}${paint('dim', t.sameElsewhere(same.length, same.map((x) => x.line)))}`);
        hidden += same.length;
      }
      rules.add(f.ruleId);
    }
    out.push('');
  }
  for (const line of baselineSummaryLines(reports, lang)) out.push(line);
  const c = counts(reports);
  const total = c.error + c.warning + c.info;
  const clean = reports.filter((r) => r.findings.length === 0 && !r.readError).length;
  if (total > 0) {
    out.push(paint(c.error > 0 ? 'red' : 'yellow', `✖ ${t.problems(total, c.error, c.warning, c.info)}`));
    if (c.fixable > 0) out.push(`  ${t.fixable(c.fixable)}`);
    if (c.suggestions > 0) out.push(`  ${t.suggestible(c.suggestions)}`);
    if (hidden > 0) out.push(`  ${t.grouped(hidden)}`);
    out.push(`  ${t.ruleDocs([...rules].sort()[0])}`);
  }
  out.push(t.files(reports.length, clean));
  return `${out.join('\n')}\n`;
};

/**
 * Three or more findings that say the same of different tasks (as the review report gathers them), by
 * the first of them: the others, shown as one line of their lines under it. Only within one baseline
 * state, so that a new finding is never folded under an old one.
 */
function sameElsewhere(findings: readonly FindingRow[]): Map<FindingRow, FindingRow[]> {
  const byKey = new Map<string, FindingRow[]>();
  for (const f of findings) {
    if (f.sameAs === undefined) continue;
    const key = `${f.baselineState ?? ''}\u0000${f.sameAs}`;
    const same = byKey.get(key);
    if (same) same.push(f);
    else byKey.set(key, [f]);
  }
  const out = new Map<FindingRow, FindingRow[]>();
  for (const [first, ...rest] of byKey.values()) if (rest.length >= 2) out.set(first, rest);
  return out;
}
