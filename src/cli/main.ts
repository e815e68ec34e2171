import fs from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { EMPTY_CONFIG, RULE_METAS, checkSpellingsAcrossFiles, checkSpellingsAcrossRounds, toRows, type Config, type FileResult, type Lang, type Severity } from '../engine/index.js';
import { renderReport } from '../report/html.js';
import { parseCli, UsageError, type CliOptions } from './args.js';
import { findConfig, loadConfigFile } from '../node/config-files.js';
import { displayPath, findFiles, readIgnoreFile, type IgnoreList } from './files.js';
import { checkOutput, writeOutput, type WriteResult } from '../node/write-file.js';
import { compareWithLastRound, findLastRounds } from './baseline.js';
import { runImport } from './import.js';
import { counts } from './formats/common.js';
import { FORMATTERS } from './formats/index.js';
import { checkFile, type CheckedFile } from './lint.js';
import { lintAll } from './pool.js';
import { knownRules, unknownRule } from './rule-names.js';
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
  if (options.command === 'rule') return explainRule(options.paths[0], io, lang);
  const t = TEXTS[lang];
  const color = options.color ?? (Boolean(io.stdout.isTTY) && !io.env.NO_COLOR && options.output === undefined);

  const configs = new ConfigResolver(options, io, lang);
  if (options.command === 'export') {
    const loaded = configs.forFile(path.resolve(io.cwd, options.paths[0]));
    if (typeof loaded === 'number') return loaded;
    const bad = configs.checkRuleNames();
    if (bad !== undefined) return bad;
    // Loaded only here: the document libraries are most of the bundle and a check never needs them.
    const { runExport } = await import('./export.js');
    return runExport(options, io, lang, VERSION, loaded.config, loaded.configDir);
  }

  // What a folder walk skips: .planlintignore in the working folder and `ignores` of its config (as markdownlint-cli2 does).
  const ignores: IgnoreList[] = [];
  const ignoreFile = readIgnoreFile(path.join(io.cwd, '.planlintignore'));
  if (ignoreFile) ignores.push(ignoreFile);
  const here = configs.forFolder(io.cwd);
  if (typeof here === 'number') return here;
  if (here.config.ignores) ignores.push({ base: here.configDir, patterns: here.config.ignores });
  const { files, missing, unread } = findFiles(io.cwd, options.paths, ignores);
  if (missing.length > 0) {
    io.stderr.write(`planlint: 找不到 / not found: ${missing.join(', ')}\n`);
    return 2;
  }
  if (files.length === 0 && unread.length === 0) {
    io.stderr.write(`planlint: ${t.noFiles}\n`);
    return 2;
  }
  // Each plan takes the .planlint.yaml nearest to it, as the editor does, wherever the CLI runs from.
  const perFile: LoadedConfig[] = [];
  for (const file of files) {
    const loaded = configs.forFile(file);
    if (typeof loaded === 'number') return loaded;
    perFile.push(loaded);
  }
  const badName = configs.checkRuleNames();
  if (badName !== undefined) return badName;
  // Every file this run reads: an output never goes over one of them, by any name.
  const inputs = [...files, ...configs.files()];
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
  const lastRounds = options.baseline === undefined ? undefined : await findLastRounds(files, options.baseline, io.cwd, options.paths);
  if (lastRounds !== undefined && !Array.isArray(lastRounds)) {
    io.stderr.write(`planlint: ${lastRounds['zh-CN']} / ${lastRounds.en}\n`);
    return 2;
  }
  if (options.command === 'report') {
    checked = files.map((file, i) => {
      const c = checkFile(file, io.cwd, perFile[i].config, perFile[i].configDir, fixing, options.suggestionPicks);
      progress?.(i + 1);
      return c;
    });
    if (lastRounds) checked.forEach((c, i) => (c.result = compareWithLastRound(c, lastRounds[i], io.cwd, perFile[i].config, perFile[i].configDir)));
    reports = checked.map((c) => c.result);
  } else {
    const jobs = files.map((file, index) => ({
      index, file, cwd: io.cwd, config: perFile[index].config, configDir: perFile[index].configDir, fix: fixing, picks: options.suggestionPicks,
      ...(lastRounds ? { lastRound: lastRounds[index] } : {}),
    }));
    reports = await lintAll(jobs, io.workerScript, progress);
  }
  // Spellings are compared over the whole run, once every file is checked, each file under its own config;
  // with a last round, over the last round's files too, and its findings marked against them.
  if (lastRounds) checkSpellingsAcrossRounds(reports);
  else checkSpellingsAcrossFiles(reports);
  // What the walk could not read is reported as a read error in every format, never skipped in silence.
  reports = [...reports, ...unread.map((u) => ({ path: displayPath(io.cwd, u.file), findings: [], readError: u.error }))];

  if (options.fixDryRun) {
    for (const r of reports) {
      if (r.fixed === undefined || r.original === undefined) continue;
      io.stdout.write(createTwoFilesPatch(`a/${r.path.replace(/^\/+/, '')}`, `b/${r.path.replace(/^\/+/, '')}`, r.original, r.fixed, '', '', { context: 2 }));
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
    const text = FORMATTERS[options.format](reports, { lang, color, version: VERSION, cwd: io.cwd, group: !options.noGroup });
    if (outFile !== undefined) {
      const written = writeOutput(outFile, text, { inputs });
      if (!written.ok) return writeFailed(io, options.output as string, written);
    } else io.stdout.write(text);
  }
  const code = exitCode(reports, options, io, t);
  return writeFailures || code;
}

/** `planlint rule <id>`: the rule's page in the terminal, from the metadata the bundle carries. */
function explainRule(id: string, io: CliIo, lang: Lang): number {
  const meta = RULE_METAS.find((m) => m.id === id);
  if (!meta) {
    io.stderr.write(`planlint: ${unknownRule(id)}\n`);
    return 2;
  }
  const t = TEXTS[lang];
  const lines = [`${meta.id}  (${t[meta.severity]}${meta.fixable === 'fix' ? `, ${t.fixLabel.replace(/[::]\s*$/, '')}` : ''})`, '', meta.description[lang], '', meta.rationale[lang]];
  if (meta.enabledByDefault === false) lines.splice(1, 0, t.offByDefault(meta.severity, meta.id));
  const fixes = Object.values(meta.fixes ?? {});
  if (fixes.length > 0) lines.push('', ...fixes.map((f) => `  - ${f[lang].replace(/\{\w+\}/g, '…')}`));
  // The full page, with examples, ships beside the bundle: rules/<id>/README.md in the package.
  const page = path.resolve(__dirname, '..', 'rules', id, 'README.md');
  if (fs.existsSync(page)) lines.push('', `${t.rulePage}: ${page}`);
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** A write planlint did not make: one line saying which file and why, and exit code 2. */
function writeFailed(io: CliIo, shown: string, result: WriteResult & { ok: false }): number {
  io.stderr.write(`planlint: ${shown}:${result.message['zh-CN']} / ${result.message.en}\n`);
  return 2;
}

function exitCode(reports: FileResult[], options: CliOptions, io: CliIo, t: (typeof TEXTS)[Lang]): number {
  if (reports.some((r) => r.readError)) return 2;
  // A disable comment naming no rule turns nothing off: a configuration error, as a misspelt --rule is.
  if (reports.some((r) => r.findings.some((f) => f.ruleId === 'exemption-unused' && f.messageId?.startsWith('unknownRule')))) {
    io.stderr.write(`planlint: ${t.unknownExemptionRule}\n`);
    return 2;
  }
  // Against a last round, only what this round added fails the run: what was open before is known.
  const failing = reports.some((r) => r.findings.some((f) => RANK[f.severity] >= RANK[options.failOn] && f.baselineState !== 'unchanged'));
  const c = counts(reports);
  if (options.maxWarnings !== undefined && c.warning > options.maxWarnings) {
    io.stderr.write(`planlint: ${t.tooManyWarnings(c.warning, options.maxWarnings)}\n`);
    return 1;
  }
  return failing ? 1 : 0;
}

/** A configuration in effect for some plans, and the folder its globs are relative to. */
interface LoadedConfig {
  config: Config;
  configDir: string;
  configFile?: string;
}

/**
 * The configuration of each plan: `--config` for all, else the .planlint.yaml nearest to the plan's folder
 * (the server's rule too). Each config file is read and reported once; `--rule` applies over every one.
 */
class ConfigResolver {
  private readonly loaded = new Map<string, LoadedConfig | number>();

  constructor(
    private readonly options: CliOptions,
    private readonly io: CliIo,
    private readonly lang: Lang,
  ) {}

  /** The config for a plan file, or the exit code when its config is missing or broken (already reported). */
  forFile(file: string): LoadedConfig | number {
    return this.forFolder(path.dirname(file));
  }

  /** The config for the plans of a folder. */
  forFolder(dir: string): LoadedConfig | number {
    const { options, io } = this;
    const configFile = options.config ? path.resolve(io.cwd, options.config) : findConfig(dir);
    const key = configFile ?? '';
    let entry = this.loaded.get(key);
    if (entry === undefined) {
      entry = this.load(configFile);
      this.loaded.set(key, entry);
    }
    return entry;
  }

  /** The config files read so far. */
  files(): string[] {
    return [...this.loaded.values()].flatMap((e) => (typeof e !== 'number' && e.configFile ? [e.configFile] : []));
  }

  /** A misspelt name in --rule or --fix-suggestion would turn nothing off, in silence: exit 2 with the nearest name. */
  checkRuleNames(): number | undefined {
    const packs = [...this.loaded.values()].flatMap((e) => (typeof e === 'number' ? [] : e.config.packRules.map((r) => r.id)));
    const known = knownRules(packs);
    for (const id of [...Object.keys(this.options.ruleOverrides), ...Object.keys(this.options.suggestionPicks)]) {
      if (!known.includes(id)) {
        this.io.stderr.write(`planlint: ${unknownRule(id, known)}\n`);
        return 2;
      }
    }
    return undefined;
  }

  private load(file: string | undefined): LoadedConfig | number {
    const { options, io, lang } = this;
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
}
