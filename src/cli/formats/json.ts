import type { BaselineSummary, Lang } from '../../engine/index.js';
import type { Formatter } from './common.js';

/** Machine-readable: per file, each finding with 1-based positions, both messages and any fix. */
export const json: Formatter = (reports, { lang }) => {
  const files = reports.map((r) => ({
    filePath: r.path,
    errorCount: r.findings.filter((f) => f.severity === 'error').length,
    warningCount: r.findings.filter((f) => f.severity === 'warning').length,
    infoCount: r.findings.filter((f) => f.severity === 'info').length,
    ...(r.readError ? { readError: r.readError } : {}),
    messages: r.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message[lang],
      messages: f.message,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      ...(f.fix ? { fix: { description: f.fix.message[lang], ...(f.fix.edits ? { edits: f.fix.edits } : {}) } } : {}),
      ...(f.suggestions
        ? {
            suggestions: f.suggestions.map((s, i) => ({
              description: s.message[lang],
              // The option that applies this suggestion, with --fix or --fix-dry-run.
              option: `--fix-suggestion ${f.ruleId}:${i + 1}`,
              ...(s.edits ? { edits: s.edits } : {}),
            })),
          }
        : {}),
      ...(f.baselineState ? { baselineState: f.baselineState } : {}),
    })),
    ...(r.baseline ? { baseline: baselineJson(r.baseline, lang) } : {}),
  }));
  return `${JSON.stringify(files, null, 2)}\n`;
};

/** Against the last round: the fixed findings (at the last round's lines), the targets changed, the tasks added and removed. */
function baselineJson(b: BaselineSummary, lang: Lang) {
  const path = (p: readonly (string | number)[]) => p.join('.');
  return {
    fixed: b.fixed.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message[lang], messages: f.message, baselineLine: f.line, baselineState: 'absent' })),
    targetChanges: b.targets.map((t) => ({ ...t, path: path(t.path) })),
    tasksAdded: b.tasksAdded.map((t) => ({ ...t, path: path(t.path) })),
    tasksRemoved: b.tasksRemoved.map((t) => ({ ...t, path: path(t.path) })),
  };
}
