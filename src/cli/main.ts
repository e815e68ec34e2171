import fs from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { EMPTY_CONFIG, checkSpellingsAcrossFiles, toRows, type Config, type FileResult, type Lang, type Severity } from '../engine/index.js';
import { renderReport } from '../report/html.js';
import { parseCli, UsageError, type CliOptions } from './args.js';
import { findConfig, loadConfigFile } from '../node/config-files.js';
import { displayPath, findFiles } from './files.js';
import { checkOutput, writeOutput, type WriteResult } from '../node/write-file.js';
import { runImport } from './import.js';
import { counts } from './formats/common.js';
import { FORMATTERS } from './formats/index.js';
import { checkFile, type CheckedFile } from './lint.js';
import { lintAll } from './pool.js';
import { langFromEnv, TEXTS, USAGE } from './texts.js';

declare const PLANLINT_VERSION: string | undefined;
const VERSION = typeof PLANLINT_VERSION === 'string' ? PLANLINT_VERSION : '0.0.0-dev';

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  /** Standard input, for `planlint import -`; absent reads the process's own. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** The bundle to start worker threads from; absent runs everything on this thread. */
  workerScript?: string;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Runs the CLI and returns its exit code: 0 clean, 1 findings at or above --fail-on, 2 usage or internal error. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`planlint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (options.command === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  if (options.command === 'version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const lang: Lang = options.lang ?? langFromEnv(io.env);
  if (options.command === 'import') return runImport(options, io, lang);
  const t = TEXTS[lang];
  const color = options.color ?? (Boolean(io.stdout.isTTY) && !io.env.NO_COLOR && options.output === undefined);

  const loaded = loadConfig(options, io, lang);
  if (typeof loaded === 'number') return loaded;
  const { config, configDir } = loaded;
  if (options.command === 'export') {
    // Loaded only here: the document libraries are most of the bundle and a check never needs them.
    const { runExport } = await import('./export.js');
    return runExport(options, io, lang, VERSION, config, configDir);
  }

  const { files, missing, unread } = findFiles(io.cwd, options.paths);
  if (missing.length > 0) {
    io.stderr.write(`planlint: 找不到 / not found: ${missing.join(', ')}\n`);
    return 2;
  }
  if (files.length === 0 && unread.length === 0) {
    io.stderr.write(`planlint: ${t.noFiles}\n`);
    return 2;
  }
  // Every file this run reads: an output never goes over one of them, by any name.
  const inputs = [...files, ...(loaded.configFile ? [loaded.configFile] : [])];
  const outFile = options.output === undefined ? undefined : path.resolve(io.cwd, options.output);
  if (outFile !== undefined) {
    const ok = checkOutput(outFile, inputs);
    if (!ok.ok) return writeFailed(io, options.output as string, ok);
  }

  const progress = io.stderr.isTTY && files.length >= 20
    ? (done: number) => io.stderr.write(`\r${lang === 'en' ? 'Checking' : '检查中'} ${done}/${files.length}${done === files.length ? '\r\x1b[K' : ''}`)
    : undefined;
  const fixing = options.fix || options.fixDryRun;
  let writeFailures = 0;
  // The review report shows the plans beside their findings, so it keeps what each check read
  // (on this thread: a plan's model does not cross threads); every other command needs only rows.
  let checked: CheckedFile[] | undefined;
  let reports: FileResult[];
  if (options.command === 'report') {
    checked = files.map((file, i) => {
      const c = checkFile(file, io.cwd, config, configDir, fixing);
      progress?.(i + 1);
      return c;
    });
    reports = checked.map((c) => c.result);
  } else {
    reports = await lintAll(files.map((file, index) => ({ index, file, cwd: io.cwd, config, configDir, fix: fixing })), io.workerScript, progress);
  }
  // Spellings are compared over the whole run, once every file is checked.
  checkSpellingsAcrossFiles(reports, config);
  // What the walk could not read is reported as a read error in every format, never skipped in silence.
  reports = [...reports, ...unread.map((u) => ({ path: displayPath(io.cwd, u.file), findings: [], readError: u.error }))];

  if (options.fixDryRun) {
    for (const r of reports) {
      if (r.fixed === undefined || r.original === undefined) continue;
      io.stdout.write(createTwoFilesPatch(`a/${r.path}`, `b/${r.path}`, r.original, r.fixed, '', '', { context: 2 }));
    }
  }
  for (const r of reports) if (r.fixStopped) io.stderr.write(`planlint: ${r.path}:${r.fixStopped['zh-CN']} / ${r.fixStopped.en}\n`);
  if (options.fix) {
    for (const r of reports) {
      if (r.fixed === undefined || r.original === undefined || !r.readStat) continue;
      const written = writeOutput(path.resolve(io.cwd, r.path), r.fixed, { expected: { ...r.readStat, content: r.original } });
      if (written.ok) io.stderr.write(`${t.fixed(r.path, r.fixesApplied ?? 0)}\n`);
      else writeFailures = writeFailed(io, r.path, written);
    }
  }

  if (options.command === 'report') {
    const file = outFile as string;
    const written = writeOutput(file, renderReport(checked ?? [], { lang, version: VERSION }), { inputs });
    if (!written.ok) return writeFailed(io, options.output as string, written);
    io.stderr.write(`${t.reportWritten(displayPath(io.cwd, file))}\n`);
  } else if (!options.fixDryRun) {
    const text = FORMATTERS[options.format](reports, { lang, color, version: VERSION, cwd: io.cwd });
    if (outFile !== undefined) {
      const written = writeOutput(outFile, text, { inputs });
      if (!written.ok) return writeFailed(io, options.output as string, written);
    } else io.stdout.write(text);
  }
  const code = exitCode(reports, options, io, t);
  return writeFailures || code;
}

/** A write planlint did not make: one line saying which file and why, and exit code 2. */
function writeFailed(io: CliIo, shown: string, result: WriteResult & { ok: false }): number {
  io.stderr.write(`planlint: ${shown}:${result.message['zh-CN']} / ${result.message.en}\n`);
  return 2;
}

function exitCode(reports: FileResult[], options: CliOptions, io: CliIo, t: (typeof TEXTS)[Lang]): number {
  if (reports.some((r) => r.readError)) return 2;
  const failing = reports.some((r) => r.findings.some((f) => RANK[f.severity] >= RANK[options.failOn]));
  const c = counts(reports);
  if (options.maxWarnings !== undefined && c.warning > options.maxWarnings) {
    io.stderr.write(`planlint: ${t.tooManyWarnings(c.warning, options.maxWarnings)}\n`);
    return 1;
  }
  return failing ? 1 : 0;
}

function loadConfig(options: CliOptions, io: CliIo, lang: Lang): { config: Config; configDir: string; configFile?: string } | number {
  const file = options.config ? path.resolve(io.cwd, options.config) : findConfig(io.cwd);
  if (options.config && (!file || !fs.existsSync(file))) {
    io.stderr.write(`planlint: 找不到配置文件 / config not found: ${options.config}\n`);
    return 2;
  }
  let config: Config = { ...EMPTY_CONFIG, rules: {} };
  let configDir = io.cwd;
  if (file) {
    configDir = path.dirname(file);
    const loaded = loadConfigFile(file);
    if (loaded.findings.length > 0) {
      const shown: FileResult = { path: displayPath(io.cwd, file), findings: toRows(loaded.findings, loaded.lines) };
      io.stderr.write(`planlint: ${TEXTS[lang].configProblems}\n`);
      io.stderr.write(FORMATTERS.stylish([shown], { lang, color: false, version: VERSION }));
      if (loaded.findings.some((f) => f.severity === 'error')) return 2;
    }
    config = loaded.config;
  }
  for (const [id, severity] of Object.entries(options.ruleOverrides)) config.rules[id] = { ...config.rules[id], severity };
  return { config, configDir, configFile: file };
}
