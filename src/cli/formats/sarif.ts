import { RULE_METAS } from '../../engine/index.js';
import type { Formatter } from './common.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;
const DOCS = 'https://planlint.invalid/rules/';

/** SARIF 2.1.0, for code-scanning dashboards. Columns count UTF-16 code units, as the editor does. */
export const sarif: Formatter = (reports, { lang, version }) => {
  const used = [...new Set(reports.flatMap((r) => r.findings.map((f) => f.ruleId)))].sort();
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
    r.findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: used.indexOf(f.ruleId),
      level: LEVEL[f.severity],
      message: { text: f.message[lang] },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(r.path), uriBaseId: '%SRCROOT%' },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'planlint', version, informationUri: 'https://planlint.invalid/', rules } },
        columnKind: 'utf16CodeUnits',
        artifacts: reports.map((r) => ({ location: { uri: encodeURI(r.path), uriBaseId: '%SRCROOT%' } })),
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
