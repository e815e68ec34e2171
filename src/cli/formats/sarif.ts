import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_METAS, type Lang, type RowFix } from '../../engine/index.js';
import type { Formatter } from './common.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

const ROOT = '%SRCROOT%';

/**
 * Where a file is, as SARIF wants it: a relative reference under %SRCROOT% (each segment percent-encoded,
 * so `#`, `%` and spaces stay part of the name), or an absolute file: URI for a file outside the working folder.
 */
function artifactLocation(shown: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(shown)) return { uri: pathToFileURL(shown).href };
  return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: ROOT };
}

/** A rule's help as SARIF shows it beside an alert: what must hold, why, and how to read more. */
function help(meta: (typeof RULE_METAS)[number], lang: Lang): { text: string; markdown: string } {
  const more = lang === 'en' ? `Run \`planlint rule ${meta.id}\` for the rule's page.` : `运行 \`planlint rule ${meta.id}\` 查看规则说明。`;
  return {
    text: `${meta.description[lang]}\n\n${meta.rationale[lang]}\n\n${more.replace(/`/g, '')}`,
    markdown: `**${meta.description[lang]}**\n\n${meta.rationale[lang]}\n\n${more}`,
  };
}

/** A fix or suggestion as a SARIF fix: its description and its replacements in the file. */
function sarifFix(fix: RowFix, kind: 'fix' | 'suggestion', shown: string, lang: Lang): object {
  return {
    description: { text: fix.message[lang] },
    artifactChanges: [
      {
        artifactLocation: artifactLocation(shown),
        replacements: (fix.edits ?? []).map((e) => ({
          deletedRegion: { startLine: e.line, startColumn: e.column, endLine: e.endLine, endColumn: e.endColumn },
          insertedContent: { text: e.text },
        })),
      },
    ],
    properties: { kind },
  };
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
            // No helpUri: planlint has no public site, and a dead link in every alert is worse than none.
            help: help(meta, lang),
            defaultConfiguration: { level: LEVEL[meta.severity], ...(meta.enabledByDefault === false ? { enabled: false } : {}) },
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
      // The safe fix first, then the suggestions a person chooses among; `properties.kind` tells them apart.
      ...(f.baselineState !== 'absent' && (f.fix || f.suggestions)
        ? {
            fixes: [
              ...(f.fix ? [sarifFix(f.fix, 'fix', r.path, lang)] : []),
              ...(f.suggestions ?? []).map((x) => sarifFix(x, 'suggestion', r.path, lang)),
            ],
          }
        : {}),
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
        tool: { driver: { name: 'planlint', version, rules } },
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
        // A report (plan.form) is not a plan to issue: a dashboard can tell its file apart from the plans.
        artifacts: reports.map((r) => ({ location: artifactLocation(r.path), ...(r.form ? { properties: { form: r.form } } : {}) })),
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
