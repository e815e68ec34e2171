import { REPORT_FORM_NAMES } from '../../engine/index.js';
import { TEXTS } from '../texts.js';
import type { Formatter } from './common.js';

function xml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // XML 1.0 cannot carry most control characters, even escaped.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

/**
 * JUnit XML for CI test views: a suite per file, a failing case per finding, one passing case per clean file.
 * A report's suite (plan.form) says so where a test view shows it, in its name after the path, as the stylish
 * header does, and for a script in the suite's properties (form, as in SARIF's artifact); its cases' class
 * names stay the bare path.
 */
export const junit: Formatter = (reports, { lang }) => {
  const t = TEXTS[lang];
  const suites = reports.map((r) => {
    // A file that could not be read is an error, never a passing case.
    const cases = r.readError !== undefined
      ? [`    <testcase classname="${xml(r.path)}" name="planlint">`, `      <error type="read" message="${xml(r.readError)}">${xml(`${r.path} ${r.readError}`)}</error>`, '    </testcase>']
      : r.findings.length === 0
        ? [`    <testcase classname="${xml(r.path)}" name="planlint"/>`]
        : r.findings.map((f) => [
            `    <testcase classname="${xml(r.path)}" name="${xml(`${f.ruleId} ${f.line}:${f.column}`)}">`,
            `      <failure type="${f.severity}" message="${xml(f.message[lang])}">${xml(`${r.path}:${f.line}:${f.column} ${t[f.severity]} ${f.message[lang]} (${f.ruleId})`)}</failure>`,
            '    </testcase>',
          ].join('\n'));
    const errors = r.readError !== undefined ? 1 : 0;
    const name = r.form ? `${r.path} ${t.reportForm(REPORT_FORM_NAMES[r.form][lang])}` : r.path;
    return [
      `  <testsuite name="${xml(name)}" tests="${Math.max(1, r.findings.length)}" failures="${r.findings.length}" errors="${errors}">`,
      ...(r.form ? ['    <properties>', `      <property name="form" value="${xml(r.form)}"/>`, '    </properties>'] : []),
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  const total = reports.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
  const failures = reports.reduce((n, r) => n + r.findings.length, 0);
  const errors = reports.filter((r) => r.readError !== undefined).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="planlint" tests="${total}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}\n</testsuites>\n`;
};
