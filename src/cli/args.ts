import { parseArgs } from 'node:util';
import type { Lang, Severity, SeveritySetting } from '../engine/index.js';
import { EXPORT_FORMATS, type ExportFormat } from '../export/formats.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** The CLI's options, validated. */
export interface CliOptions {
  command: 'check' | 'report' | 'import' | 'export' | 'rule' | 'help' | 'version';
  paths: string[];
  format: Format;
  output?: string;
  lang?: Lang;
  config?: string;
  ruleOverrides: Record<string, SeveritySetting>;
  failOn: Severity;
  maxWarnings?: number;
  fix: boolean;
  fixDryRun: boolean;
  /** `--fix-suggestion <rule>[:<n>]`: apply the n-th suggestion (1-based) of each finding of the rule. */
  suggestionPicks: Record<string, number>;
  color?: boolean;
  /** `--no-group`: stylish shows every finding on its own, even three or more that say the same of different tasks. */
  noGroup: boolean;
  /** `export --to`: the document to write. */
  to?: ExportFormat;
  /** `import`: replace files that exist; `export`: write even when the plan has errors. */
  force: boolean;
  /** `--baseline`: the last round, a file, a folder or a git revision, to mark findings new or unchanged against. */
  baseline?: string;
}

/** A usage error: a message for the user, and exit code 2. */
export class UsageError extends Error {}

const SEVERITIES = ['off', 'info', 'warning', 'error'];

/** Parses the command line; throws UsageError with a helpful message. */
export function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        lang: { type: 'string' },
        config: { type: 'string', short: 'c' },
        rule: { type: 'string', multiple: true },
        'fail-on': { type: 'string' },
        'max-warnings': { type: 'string' },
        fix: { type: 'boolean' },
        force: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        'fix-suggestion': { type: 'string', multiple: true },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'no-group': { type: 'boolean' },
        to: { type: 'string' },
        baseline: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    const msg = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    if (unknown) throw new UsageError(`未知选项 / unknown option: ${unknown[1]}(planlint --help 查看全部选项 / see planlint --help)`);
    throw new UsageError(`参数有误 / bad arguments: ${msg.split('\n')[0]}`);
  }
  const v = parsed.values;
  const positionals = [...parsed.positionals];
  let command: CliOptions['command'] = 'check';
  if (v.help) command = 'help';
  else if (v.version) command = 'version';
  else if (positionals[0] === 'report' || positionals[0] === 'import' || positionals[0] === 'export' || positionals[0] === 'rule') {
    command = positionals[0];
    positionals.shift();
  }
  const format = (v.format ?? 'stylish') as Format;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`未知的输出格式 / unknown format "${v.format}";可用 / available: ${FORMATS.join(', ')}`);
  }
  if (v.lang !== undefined && v.lang !== 'zh-CN' && v.lang !== 'en' && v.lang !== 'zh') {
    throw new UsageError(`未知的语言 / unknown language "${v.lang}";可用 / available: zh-CN, en`);
  }
  const failOn = (v['fail-on'] ?? 'error') as Severity;
  if (!['info', 'warning', 'error'].includes(failOn)) {
    throw new UsageError(`--fail-on 应为 info、warning 或 error / must be info, warning or error, not "${v['fail-on']}"`);
  }
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    maxWarnings = Number(v['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      throw new UsageError(`--max-warnings 应为非负整数 / must be a whole number ≥ 0, not "${v['max-warnings']}"`);
    }
  }
  const ruleOverrides: Record<string, SeveritySetting> = {};
  for (const r of v.rule ?? []) {
    const m = /^([a-z0-9/-]+)=(\w+)$/.exec(r);
    if (!m || !SEVERITIES.includes(m[2])) {
      throw new UsageError(`--rule 应写成 <规则>=<级别>,级别为 ${SEVERITIES.join('|')} / must be <rule>=<severity>: "${r}"`);
    }
    ruleOverrides[m[1]] = m[2] as SeveritySetting;
  }
  const suggestionPicks: Record<string, number> = {};
  for (const r of v['fix-suggestion'] ?? []) {
    const m = /^([a-z0-9/-]+)(?::([1-9]\d*))?$/.exec(r);
    if (!m) throw new UsageError(`--fix-suggestion 应写成 <规则>[:<第几条建议>],如 yearly-sum-matches-overall:2 / must be <rule>[:<n>]: "${r}"`);
    suggestionPicks[m[1]] = Number(m[2] ?? 1);
  }
  // As ESLint's --fix-type: choosing what to fix means nothing without saying whether to write or to show.
  if (v['fix-suggestion'] && !v.fix && !v['fix-dry-run']) {
    throw new UsageError('--fix-suggestion 需要与 --fix(写入)或 --fix-dry-run(只显示差异)同用 / requires --fix (write) or --fix-dry-run (show the diff)');
  }
  if (v.fix && v['fix-dry-run']) throw new UsageError('--fix 与 --fix-dry-run 不能同时使用 / cannot be used together');
  if (command === 'report' && !v.output) throw new UsageError('planlint report 需要 -o <文件.html> / needs -o <file.html>');
  if (command === 'import' && positionals.length !== 1) {
    throw new UsageError('planlint import 需要一个文档:planlint import <草稿.docx|.txt|.md|-> [-o 计划.plan.yaml] [--force] / needs one document');
  }
  if (command === 'rule' && positionals.length !== 1) throw new UsageError('planlint rule 需要一个规则名,如 planlint rule unit-declared / needs one rule name');
  if (command === 'export') {
    if (!v.to) throw new UsageError(`planlint export 需要 --to ${EXPORT_FORMATS.join('|')} / needs --to ${EXPORT_FORMATS.join('|')}`);
    if (!(EXPORT_FORMATS as readonly string[]).includes(v.to)) {
      throw new UsageError(`未知的导出格式 / unknown export format "${v.to}";可用 / available: ${EXPORT_FORMATS.join(', ')}`);
    }
    if (positionals.length !== 1) throw new UsageError('planlint export 需要且只需要一个计划文件 / needs exactly one plan file');
  } else if (v.to !== undefined) {
    throw new UsageError('--to 只用于 planlint export / is for planlint export only');
  }
  if (v.force && command !== 'import' && command !== 'export') throw new UsageError('--force 只用于 planlint import 与 export / is for planlint import and export only');
  if (v.baseline !== undefined && command !== 'check' && command !== 'report') throw new UsageError('--baseline 只用于检查与 planlint report / is for checking and planlint report only');
  if (v.baseline === '') throw new UsageError('--baseline 需要上一轮的文件、目录或 git 修订版本 / needs the last round: a file, a folder or a git revision');
  return {
    command,
    paths: positionals,
    format,
    output: v.output,
    lang: v.lang === undefined ? undefined : v.lang === 'en' ? 'en' : 'zh-CN',
    config: v.config,
    ruleOverrides,
    failOn,
    maxWarnings,
    fix: v.fix ?? false,
    fixDryRun: v['fix-dry-run'] ?? false,
    suggestionPicks,
    color: v['no-color'] ? false : v.color,
    noGroup: v['no-group'] ?? false,
    to: v.to as ExportFormat | undefined,
    force: v.force ?? false,
    baseline: v.baseline,
  };
}
