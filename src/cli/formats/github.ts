import { REPORT_FORM_NAMES, escapeControls } from '../../engine/index.js';
import { TEXTS } from '../texts.js';
import type { Formatter } from './common.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

// Control and bidi characters are escaped first: a raw ESC in a workflow log drives the log's terminal.
const data = (s: string) => escapeControls(s).replace(/%/g, '%25');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands: an annotation per finding, on its file and span. A report's findings
 * (plan.form) say so in their titles, which GitHub shows in bold over each annotation, on the pull request's
 * line as in the run's list: a ::notice of its own would stand apart from them, and would use up one of the
 * few notices GitHub shows per step.
 */
export const github: Formatter = (reports, { lang }) => {
  const lines = reports.flatMap((r) => [
    ...(r.readError !== undefined ? [`::error file=${property(r.path)},title=${property('planlint read error')}::${data(r.readError)}`] : []),
    ...r.findings.map((f) => {
      const props = [
        `file=${property(r.path)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        ...(f.endLine === f.line ? [`endColumn=${f.endColumn}`] : []),
        `title=${property(`planlint ${f.ruleId}${r.form ? ` ${TEXTS[lang].reportForm(REPORT_FORM_NAMES[r.form][lang])}` : ''}`)}`,
      ];
      // The annotation's body may span lines: the fix and each suggestion follow the message, as in the editor.
      const t = TEXTS[lang];
      const body = [
        f.message[lang],
        ...(f.fix ? [`${t.fixLabel}${f.fix.message[lang]}`] : []),
        ...(f.suggestions ?? []).map((x, i) => `${t.suggestionLabel(i + 1)}${x.message[lang]} (--fix-suggestion ${f.ruleId}:${i + 1})`),
      ];
      return `::${COMMAND[f.severity]} ${props.join(',')}::${body.map(data).join('%0A')}`;
    }),
  ]);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
