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
    })),
  }));
  return `${JSON.stringify(files, null, 2)}\n`;
};
