import type { CheckOutput } from './check.js';
import { settingsFor, type Config } from './config.js';
import { readExemptions } from './exemptions.js';
import { listOf, localized, renderLocalized, ruleMeta } from './messages.js';
import { unitMentions } from './model.js';
import { matchRegister } from './register.js';
import { rangeOf } from './locate.js';
import type { FileResult, FindingRow } from './rows.js';
import type { Severity } from './types.js';

const RULE = 'unit-spelling-across-files';

/** 单位写法 — how one file spells a unit the register knows, placed at its first use. */
export interface UnitSpelling {
  /** The unit, as the register names it in full with the place prefix (区卫生健康委员会). */
  unit: string;
  spelling: string;
  at: Pick<FindingRow, 'path' | 'line' | 'column' | 'endLine' | 'endColumn' | 'excerpt'>;
}

/** A disable comment naming unit-spelling-across-files: the 1-based line it exempts (`file`: all), placed at the comment. */
export interface SpellingExemption {
  line: number | 'file';
  at: Pick<FindingRow, 'line' | 'column' | 'endLine' | 'endColumn' | 'excerpt'>;
}

/** What one file brings to the check across files, under its own configuration: plain data, so it crosses worker threads. */
export interface FileSpellings {
  /** The rule's severity in this file's configuration (folder config and per-path overrides). */
  severity: Severity;
  /** exemption-unused's severity here, for a disable comment of the rule that exempts nothing; absent when off. */
  unusedSeverity?: Severity;
  spellings: UnitSpelling[];
  exemptions: SpellingExemption[];
}

/**
 * The spellings a checked file uses for units the register knows, with the rule's severity and
 * disable comments in this file; undefined when its configuration has no register or turns the rule
 * off (the file then takes no part in the comparison).
 */
export function unitSpellings(output: CheckOutput, config: Config | undefined, relativePath?: string): FileSpellings | undefined {
  const register = config?.register;
  const meta = ruleMeta(RULE);
  if (!register || !meta || !output.plan || !output.source) return undefined;
  const settings = settingsFor(config, relativePath);
  const setting = settings[RULE]?.severity;
  if (setting === 'off') return undefined;
  const unusedSetting = settings['exemption-unused']?.severity ?? ruleMeta('exemption-unused')?.severity;
  const out: UnitSpelling[] = [];
  const seen = new Set<string>();
  for (const { ref } of unitMentions(output.plan)) {
    if (seen.has(ref.name)) continue;
    seen.add(ref.name);
    const match = matchRegister(register, ref.name);
    // A former name is unit-register-form's finding; the same body's current name is its own unit here.
    if (!match || match.former) continue;
    const range = rangeOf(output.source, ref.path);
    const s = output.lines.position(range.start);
    const e = output.lines.position(range.end);
    out.push({
      unit: match.prefix + match.unit.name,
      spelling: ref.name,
      at: { path: ref.path, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, excerpt: output.lines.lineText(s.line) },
    });
  }
  const exemptions: SpellingExemption[] = [];
  for (const x of readExemptions(output.lines)) {
    if (!x.ruleIds.includes(RULE)) continue;
    const s = output.lines.position(x.range.start);
    const e = output.lines.position(x.range.end);
    exemptions.push({
      line: x.scope === 'file' ? 'file' : (x.line ?? 0) + 1,
      at: { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, excerpt: output.lines.lineText(s.line) },
    });
  }
  if (out.length === 0 && exemptions.length === 0) return undefined;
  return { severity: setting ?? meta.severity, ...(unusedSetting && unusedSetting !== 'off' ? { unusedSeverity: unusedSetting } : {}), spellings: out, exemptions };
}

/**
 * Adds to each file the findings of unit-spelling-across-files: for every unit spelt more than one
 * way over the run, the spelling most files use is the reference (the full name on a tie, then the
 * first seen), and each file spelling it otherwise is told where, with the files that use the reference.
 */
export function checkSpellingsAcrossFiles(results: FileResult[]): void {
  acrossFiles(results);
}

/**
 * The check across files: adds its findings to each file and returns, for each finding added, what it
 * is about as a key equal across rounds (the unit and the file's spelling; for a disable comment that
 * exempts nothing, the comment's line text), never its line.
 */
function acrossFiles(results: FileResult[]): Map<FindingRow, string> {
  const keys = new Map<FindingRow, string>();
  const meta = ruleMeta(RULE);
  if (!meta) return keys;
  // unit → spelling → the files that use it
  const byUnit = new Map<string, Map<string, FileResult[]>>();
  // unit → the files that spell it, each with its spelling: a file's spellings are looked up once each
  const at = new Map<FileResult, Map<string, UnitSpelling>>();
  for (const r of results) {
    const own = new Map<string, UnitSpelling>();
    at.set(r, own);
    for (const s of r.unitSpellings?.spellings ?? []) {
      own.set(`${s.unit}\0${s.spelling}`, own.get(`${s.unit}\0${s.spelling}`) ?? s);
      const spellings = byUnit.get(s.unit) ?? new Map<string, FileResult[]>();
      byUnit.set(s.unit, spellings);
      const files = spellings.get(s.spelling) ?? [];
      if (files[files.length - 1] !== r) files.push(r);
      spellings.set(s.spelling, files);
    }
  }
  const used = new Set<SpellingExemption>();
  for (const [unit, spellings] of byUnit) {
    if (spellings.size < 2) continue;
    const ranked = [...spellings.entries()].sort((a, b) => b[1].length - a[1].length || Number(b[0] === unit) - Number(a[0] === unit));
    const [reference, referenceFiles] = ranked[0];
    const usesReference = new Set(referenceFiles);
    for (const [spelling, files] of ranked.slice(1)) {
      for (const r of files) {
        // A file that also uses the reference is told so by the rules within one file.
        if (usesReference.has(r)) continue;
        const input = r.unitSpellings!;
        const place = at.get(r)!.get(`${unit}\0${spelling}`)!.at;
        // The file the finding lands in decides, by its own disable comments.
        const exempt = input.exemptions.find((x) => x.line === 'file' || x.line === place.line);
        if (exempt) {
          used.add(exempt);
          continue;
        }
        const shown = referenceFiles.slice(0, 3).map((f) => f.path);
        const files = listOf(referenceFiles.length > 3 ? [...shown, '…'] : shown);
        const row: FindingRow = { ruleId: RULE, messageId: 'differs', severity: input.severity, message: renderLocalized(meta.messages.differs, { spelling, reference, files, unit }), ...place };
        r.findings.push(row);
        keys.set(row, `differs\0${unit}\0${spelling}`);
      }
    }
  }
  reportUnusedExemptions(results, used, keys);
  for (const r of results) if (r.unitSpellings) r.findings.sort((a, b) => a.line - b.line || a.column - b.column);
  return keys;
}

/**
 * With a last round (`--baseline`): the check across files, then the same check over the last round's
 * spellings (each file's `lastUnitSpellings`), and its findings marked new or unchanged against the
 * last round's by what they are about (the unit, the file's spelling, the file), never by line; the
 * last round's that are gone are added to the file's fixed ones. A file not compared (no `baseline`)
 * keeps its findings unmarked.
 */
export function checkSpellingsAcrossRounds(results: FileResult[]): void {
  const now = acrossFiles(results);
  const lastRound: FileResult[] = results.map((r) => ({ path: r.path, findings: [], ...(r.lastUnitSpellings ? { unitSpellings: r.lastUnitSpellings } : {}) }));
  const then = acrossFiles(lastRound);
  results.forEach((r, i) => {
    if (!r.baseline) return;
    const open = new Map<string, FindingRow[]>();
    for (const f of lastRound[i].findings) {
      const key = then.get(f) as string;
      const same = open.get(key);
      if (same) same.push(f);
      else open.set(key, [f]);
    }
    r.findings = r.findings.map((f) => {
      const key = now.get(f);
      if (key === undefined) return f;
      const same = open.get(key)?.shift();
      return { ...f, baselineState: same ? 'unchanged' : 'new' };
    });
    for (const gone of open.values()) for (const f of gone) r.baseline.fixed.push({ ...f, baselineState: 'absent' });
  });
}



/** A disable comment of the rule that exempted nothing over the run: exemption-unused, as within one file. */
function reportUnusedExemptions(results: FileResult[], used: Set<SpellingExemption>, keys: Map<FindingRow, string>): void {
  const template = ruleMeta('exemption-unused')?.messages.unused;
  if (!template) return;
  for (const r of results) {
    const input = r.unitSpellings;
    if (!input?.unusedSeverity) continue;
    for (const x of input.exemptions) {
      if (used.has(x)) continue;
      const scope = x.line === 'file' ? localized('本文件中', 'in this file') : localized('下一行', 'on the next line');
      const row: FindingRow = { ruleId: 'exemption-unused', messageId: 'unused', severity: input.unusedSeverity, message: renderLocalized(template, { rule: RULE, scope }), path: [], ...x.at };
      r.findings.push(row);
      keys.set(row, `unused\0${x.line === 'file' ? 'file' : 'line'}\0${x.at.excerpt.trim()}`);
    }
  }
}
