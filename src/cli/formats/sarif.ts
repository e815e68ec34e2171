import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_METAS } from '../../engine/index.js';
import type { Formatter } from './common.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;
const DOCS = 'https://planlint.invalid/rules/';

const ROOT = '%SRCROOT%';

/**
 * Where a file is, as SARIF wants it: a relative reference under %SRCROOT% (each segment percent-encoded,
 * so `#`, `%` and spaces stay part of the name), or an absolute file: URI for a file outside the working folder.
 */
function artifactLocation(shown: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(shown)) return { uri: pathToFileURL(shown).href };
  return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: ROOT };
}

/** SARIF 2.1.0, for code-scanning dashboards. Columns count UTF-16 code units, as the editor does. */
export const sarif: Formatter = (reports, { lang, version, cwd }) => {
  const used = [...new Set(reports.flatMap((r) => [...r.findings, ...(r.baseline?.fixed ?? [])].map((f) => f.ruleId)))].sort();
  const rules = used.map((id) => {
    const meta = RULE_METAS.find((m) => m.id === id);
    return {
      id,
      ...(meta
        ? {
            shortDescription: { text: meta.description[lang] },
            fullDescription: { text: meta.rationale[lang] },
            helpUri: `${DOCS}${id}`,
            defaultConfiguration: { level: LEVEL[meta.severity] },
          }
        : {}),
    };
  });
  const results = reports.flatMap((r) =>
    [...r.findings, ...(r.baseline?.fixed ?? [])].map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: used.indexOf(f.ruleId),
      level: LEVEL[f.severity],
      message: { text: f.message[lang] },
      // A fixed finding's place was in the last round's text: only its file is named.
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(r.path),
            ...(f.baselineState === 'absent' ? {} : { region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn } }),
          },
        },
      ],
      ...(f.baselineState ? { baselineState: f.baselineState } : {}),
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'planlint', version, informationUri: 'https://planlint.invalid/', rules } },
        columnKind: 'utf16CodeUnits',
        ...(cwd ? { originalUriBaseIds: { [ROOT]: { uri: `${pathToFileURL(cwd).href.replace(/\/$/, '')}/` } } } : {}),
        // A file that could not be read makes the run unsuccessful, so a dashboard never shows green for it.
        invocations: [
          {
            executionSuccessful: !reports.some((r) => r.readError !== undefined),
            toolExecutionNotifications: reports.filter((r) => r.readError).map((r) => ({
              level: 'error',
              message: { text: r.readError },
              locations: [{ physicalLocation: { artifactLocation: artifactLocation(r.path) } }],
            })),
          },
        ],
        artifacts: reports.map((r) => ({ location: artifactLocation(r.path) })),
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
