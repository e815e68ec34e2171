import { CHECKS } from './checks/index.js';
import { settingsFor, EMPTY_CONFIG, type Config, type RuleSetting } from './config.js';
import { ACROSS_FILES_RULES, readExemptions, type Exemption } from './exemptions.js';
import { fixToEdits } from './fix.js';
import { rangeOf } from './locate.js';
import { localized, renderLocalized, ruleMeta, type MessageData } from './messages.js';
import { buildPlan, type Plan } from './model.js';
import { runPackRules } from './packs.js';
import { LIMITS, parseYaml, tooLargeProblem } from './parse.js';
import { scanPunctuation } from './read/punctuation.js';
import type { FixSpec, Report } from './rules.js';
import { sumTolerance } from './queries.js';
import { RULE_METAS } from './generated/rules.js';
import { changedTrees, inTrees, treesView, TREE_LOCAL, type PlacedReport } from './reuse.js';
import { nearest, newSchemaMemo, validatePlan } from './schema.js';
import { BIDI_CONTROL, changedSpan, LineIndex, type TextSpan } from './text.js';
import { readWords } from './words.js';
import type { SourceDoc } from './tree.js';
import type { CheckResult, DataPath, Finding, Fix, OffsetRange, PathTarget, Severity } from './types.js';

/** How to check one text. */
export interface CheckOptions {
  config?: Config;
  /** The file's path relative to the config's folder, for per-file overrides. */
  relativePath?: string;
  /** Rules stopped for misbehaving (a loop, unbounded memory): skipped, each reported as a rule failure. */
  failedRules?: { rule: string; detail: string }[];
  /** Told which phase (`read`, `schema`, `packs`) or rule the check is in, for a watchdog. */
  onRule?: (phase: string) => void;
  /** The reading of the document's last version, so that an edit re-reads only what it touched. */
  previous?: SourceDoc;
  /**
   * Leave the findings' fixes and suggestions out, to be made only for the findings that need them
   * (`CheckOutput.completeFixes`): comparing rounds needs each finding's rule, path and message, and a
   * last round's fixes show only on the findings it fixed.
   */
  deferFixes?: boolean;
}

/** The result of a check, with what adapters need to place findings and apply fixes. */
export interface CheckOutput extends CheckResult {
  text: string;
  lines: LineIndex;
  /** The parsed document, when the text was YAML at all. */
  source?: SourceDoc;
  plan?: Plan;
  /** The tolerance the yearly-sum rule applied: hover, inlay hints and the report judge sums with it. */
  sumTolerance: number;
  /**
   * With `deferFixes`: gives the findings passed (of this output) the fixes and suggestions a check
   * without `deferFixes` gives them. Without it, does nothing.
   */
  completeFixes?: (findings: readonly Finding[]) => void;
  /** How many rules kept their findings outside the changed indicator trees from the previous version's check (src/engine/reuse.ts). */
  keptRules?: number;
}

/** Fixes not made yet: how to make them, for `completeFixes`. */
type MakeFixes = () => { fix?: Fix; suggestions?: Fix[] };

/**
 * Checks a plan file's text: YAML, schema, consistency rules and rule packs, with exemptions
 * applied. Pure: no file system, no editor, never throws on any input.
 */
export function checkText(text: string, options: CheckOptions = {}): CheckOutput {
  // A file over the size cap is not read at all: one finding, in well under the time a scan would take.
  const tooLarge = text.length > LIMITS.maxChars;
  const lines = new LineIndex(tooLarge ? text.slice(0, 4096) : text);
  const settings = settingsFor(options.config ?? EMPTY_CONFIG, options.relativePath);
  const tolerance = sumTolerance(options.config, options.relativePath);
  const findings: Finding[] = [];
  const deferred = options.deferFixes ? new Map<Finding, MakeFixes>() : undefined;
  // Fixes are made as the finding is (or, deferred, only when asked for): the same fixes either way.
  const emit = (ruleId: string, messageId: string, data: MessageData, range: OffsetRange, fixes?: MakeFixes) => {
    const severity = severityOf(ruleId, settings[ruleId], undefined, messageId);
    if (severity === undefined) return;
    const meta = ruleMeta(ruleId);
    const template = meta?.messages[messageId];
    if (!template) throw new Error(`rule ${ruleId} has no message ${messageId}`);
    const finding: Finding = { ruleId, severity, messageId, message: renderLocalized(template, data), path: [], range };
    if (fixes && deferred) deferred.set(finding, fixes);
    else if (fixes) Object.assign(finding, fixes());
    findings.push(finding);
  };

  const onRule = options.onRule;
  if (tooLarge) {
    for (const p of parseYaml(text).problems) emit(p.ruleId, p.messageId, p.data, p.range);
    return { findings, text, lines, sumTolerance: tolerance };
  }
  // The edit since the previous check of this file, when there was one: the scans below look only at what it wrote.
  const previous = options.previous;
  const span = previous ? changedSpan(previous.text, text) : undefined;
  const characters = scanCharacters(text, emit, previous?.characters && span ? { scan: previous.characters, span } : undefined);
  for (const p of scanPunctuation(text)) {
    emit('yaml-ascii-punctuation', p.messageId, p.data, p.range, () => {
      const fix = toFix('yaml-ascii-punctuation', { messageId: p.fixId, data: p.fixData, operations: p.edits.map((e) => ({ op: 'text', ...e })) });
      return p.certain ? { fix } : { suggestions: [fix] };
    });
  }
  onRule?.('read');
  const parsed = parseYaml(text, previous, span);
  for (const p of parsed.problems) emit(p.ruleId, p.messageId, p.data, p.range);
  const { source } = parsed;
  if (source) source.characters = characters;
  if (!source) return withDeferred(finish(findings, lines, text, settings, tolerance), deferred);
  if (parsed.data === undefined) return withDeferred(finish(findings, lines, text, settings, tolerance, source), deferred);

  const placed = (ruleId: string, path: DataPath, target: PathTarget, messageId: string, data: MessageData, fixes?: MakeFixes, range = rangeOf(source, path, target)) => {
    const before = findings.length;
    emit(ruleId, messageId, data, range, fixes);
    if (findings.length > before) findings[findings.length - 1].path = path;
    return range;
  };

  onRule?.('schema');
  const readWhole = new Set<string>();
  // A reading of an edit (or of a last round from this round's) shares the data of the parts it did
  // not re-read: their schema results are those of the previous check, found in its memo.
  source.schemaMemo = options.previous?.schemaMemo ?? newSchemaMemo();
  for (const p of validatePlan(parsed.data, source.schemaMemo)) {
    // A value typed in the words of the plan ("8所以上", "新增"): the intended form, fixed where certain.
    const words = readWords(p, parsed.data, (at) => rangeOf(source, at, p.target));
    if (words) {
      if (words.whole) {
        const key = JSON.stringify(p.path);
        if (readWhole.has(key)) continue;
        readWhole.add(key);
      }
      const fixes: MakeFixes | undefined = words.operations.length === 0 ? undefined : () => {
        const fix = toFix('schema', { messageId: 'useNumberForm', data: { intended: words.intended }, operations: words.operations });
        return words.certain ? { fix } : { suggestions: [fix] };
      };
      placed('schema', p.path, p.target, words.messageId, words.data, fixes);
      continue;
    }
    const renameTo = p.renameTo;
    placed('schema', p.path, p.target, p.messageId, p.data, () => ({
      suggestions: renameTo ? [toFix('schema', { messageId: 'renameKey', data: { key: renameTo }, operations: [{ op: 'text', ...rangeOf(source, p.path, 'key'), text: renameTo }] })] : undefined,
    }));
  }

  const plan = buildPlan(parsed.data);
  const config = options.config;
  const failed = new Map((options.failedRules ?? []).map((f) => [f.rule, f.detail]));
  for (const [ruleId, detail] of failed) emit('rule-failure', 'failed', { rule: ruleId, detail }, { start: 0, end: 0 });
  // The previous check of this file, when its data differs from this one only inside some indicator
  // trees: a tree-local rule's findings elsewhere are the same, and the rule runs on those trees alone.
  const memo = options.previous?.ruleMemo;
  const trees = memo && failed.size === 0 && memo.config === config && memo.relativePath === options.relativePath ? changedTrees(memo.data, parsed.data) : undefined;
  const reports = new Map<string, PlacedReport[]>();
  // Where a kept report was placed in the previous text, moved by the edit: the same node, unless the edit is beside it.
  const moved = (at: OffsetRange): OffsetRange | undefined => {
    if (!span || at.end < span.start) return at;
    if (at.start > span.end) return { start: at.start + span.delta, end: at.end + span.delta };
    return undefined;
  };
  let view: Plan | undefined;
  let keptRules = 0;
  for (const [ruleId, check] of Object.entries(CHECKS)) {
    if (severityOf(ruleId, settings[ruleId]) === undefined || failed.has(ruleId)) continue;
    onRule?.(ruleId);
    const options = { ...defaultOptions(ruleId), ...settings[ruleId]?.options };
    const made: PlacedReport[] = [];
    reports.set(ruleId, made);
    const report = (r: Report, at?: OffsetRange) => {
      const range = placed(ruleId, r.path, r.target ?? 'value', r.messageId, r.data ?? {}, () => ({
        fix: r.fix && toFix(ruleId, r.fix),
        suggestions: r.suggestions?.map((s) => toFix(ruleId, s)),
      }), at);
      made.push({ report: r, range });
    };
    const local = trees && TREE_LOCAL.get(ruleId);
    const kept = local ? memo?.reports.get(ruleId) : undefined;
    if (trees && kept) {
      const start = findings.length;
      keptRules++;
      for (const { report: r, range } of kept) if (!inTrees(r.path, trees)) report(r, moved(range));
      if (trees.length === 0 || local === 'none') continue;
      const inside = (r: Report) => {
        if (inTrees(r.path, trees)) report(r);
      };
      try {
        view ??= treesView(plan, trees);
        check({ plan: view, options, register: config?.register, report: inside });
        continue;
      } catch {
        // A rule that cannot run on the trees alone runs whole, as if nothing were kept.
        made.length = 0;
        findings.length = start;
        keptRules--;
      }
    }
    try {
      check({ plan, options, register: config?.register, report });
    } catch (error) {
      // One broken rule must not take the others down: it reports its own failure instead.
      emit('rule-failure', 'failed', { rule: ruleId, detail: error instanceof Error ? error.message : String(error) }, { start: 0, end: 0 });
    }
  }
  source.ruleMemo = { data: parsed.data, config, relativePath: options.relativePath, reports };
  onRule?.('packs');
  for (const hit of runPackRules(options.config?.packRules ?? [], plan, parsed.data)) {
    const severity = severityOf(hit.rule.id, settings[hit.rule.id], hit.rule.severity);
    if (severity === undefined) continue;
    findings.push({
      ruleId: hit.rule.id,
      severity,
      messageId: 'pack',
      message: renderLocalized(hit.rule.message, hit.data),
      path: hit.path,
      range: rangeOf(source, hit.path, hit.onKey ? 'key' : 'value'),
    });
  }
  const result = withDeferred(finish(findings, lines, text, settings, tolerance, source), deferred);
  result.data = parsed.data;
  result.plan = plan;
  if (trees) result.keptRules = keptRules;
  return result;
}

/** A check's output with its deferred fixes made on demand, as `finish` would have kept them. */
function withDeferred(out: CheckOutput, deferred: Map<Finding, MakeFixes> | undefined): CheckOutput {
  if (!deferred) return out;
  out.completeFixes = (findings) => {
    for (const f of findings) {
      const make = deferred.get(f);
      if (!make) continue;
      deferred.delete(f);
      Object.assign(f, make());
      if (out.source) placeableFixes(out.source, f);
    }
  };
  return out;
}

/** Drops a finding's fixes that cannot be placed in the text, rather than offer them broken. */
function placeableFixes(source: SourceDoc, f: Finding): void {
  if (f.fix && !fixToEdits(source, f.fix)) delete f.fix;
  if (f.suggestions) f.suggestions = f.suggestions.filter((s) => fixToEdits(source, s));
}

function toFix(ruleId: string, spec: FixSpec): Fix {
  const template = ruleMeta(ruleId)?.fixes?.[spec.messageId];
  if (!template) throw new Error(`rule ${ruleId} has no fix message ${spec.messageId}`);
  return { messageId: spec.messageId, message: renderLocalized(template, spec.data ?? {}), operations: spec.operations };
}

/**
 * The severity of a finding: the configuration's for the rule, else its message's own default (a
 * rule whose cases weigh differently, as task-has-lead's), else the rule's; none for a rule off by
 * default (`enabledByDefault: false`) that the configuration does not turn on.
 */
function severityOf(ruleId: string, setting: RuleSetting | undefined, fallback?: Severity, messageId?: string): Severity | undefined {
  const meta = ruleMeta(ruleId);
  // A rule off by default runs only where the configuration names a severity for it.
  if (setting?.severity === undefined && meta?.enabledByDefault === false) return undefined;
  const s = setting?.severity ?? (messageId === undefined ? undefined : meta?.messageSeverity?.[messageId]) ?? meta?.severity ?? fallback;
  return s === 'off' ? undefined : s;
}

/** Each rule's option defaults, made once: a check asks for every rule's. */
const DEFAULT_OPTIONS = new Map<string, Record<string, unknown>>();

function defaultOptions(ruleId: string): Record<string, unknown> {
  let made = DEFAULT_OPTIONS.get(ruleId);
  if (!made) DEFAULT_OPTIONS.set(ruleId, (made = optionDefaults(ruleId)));
  return made;
}

function optionDefaults(ruleId: string): Record<string, unknown> {
  const props = (ruleMeta(ruleId)?.options as { properties?: Record<string, { default?: unknown }> } | undefined)?.properties ?? {};
  return Object.fromEntries(Object.entries(props).filter(([, s]) => s.default !== undefined).map(([k, s]) => [k, s.default]));
}

type Emit = (ruleId: string, messageId: string, data: MessageData, range: OffsetRange) => void;

/** Reports decoding damage (U+FFFD) and control characters, each at its first place. */
/**
 * The check of a file refused before reading because its size is over the cap: the same single
 * "file too large" finding a text over the cap gets, without a byte of it read.
 */
export function checkOversized(size: number, options: CheckOptions = {}): CheckOutput {
  const settings = settingsFor(options.config ?? EMPTY_CONFIG, options.relativePath);
  const p = tooLargeProblem(size);
  const severity = severityOf(p.ruleId, settings[p.ruleId]);
  const template = ruleMeta(p.ruleId)?.messages[p.messageId];
  const findings: Finding[] = severity && template ? [{ ruleId: p.ruleId, severity, messageId: p.messageId, message: renderLocalized(template, p.data), path: [], range: p.range }] : [];
  return { findings, text: '', lines: new LineIndex(''), sumTolerance: sumTolerance(options.config, options.relativePath) };
}

/** Where the check found each kind of character it reports at its first place; -1 for none. */
export interface CharacterScan {
  bad: number;
  control: number;
  bidi: number;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const FIND: Record<keyof CharacterScan, (text: string) => number> = {
  bad: (text) => text.indexOf('\uFFFD'),
  control: (text) => CONTROL_CHAR.exec(text)?.index ?? -1,
  bidi: (text) => BIDI_CONTROL.exec(text)?.index ?? -1,
};

/**
 * Reports decoding damage (U+FFFD), control characters and bidi controls, each at its first place.
 * After an edit of a text scanned before, a kind the old text had before the edit is where it was,
 * and a kind it did not have is only looked for in what the edit wrote.
 */
function scanCharacters(text: string, emit: Emit, before?: { scan: CharacterScan; span: TextSpan }): CharacterScan {
  const first = (kind: keyof CharacterScan): number => {
    if (before) {
      const { start, end, delta } = before.span;
      const was = before.scan[kind];
      if (was >= 0 && was < start) return was;
      if (was < 0) {
        const i = FIND[kind](text.slice(start, end + delta));
        return i < 0 ? -1 : start + i;
      }
    }
    return FIND[kind](text);
  };
  const scan = { bad: first('bad'), control: first('control'), bidi: first('bidi') };
  if (scan.bad >= 0) emit('encoding', 'invalidUtf8', {}, { start: scan.bad, end: scan.bad + 1 });
  if (scan.control >= 0) {
    const code = text.charCodeAt(scan.control);
    emit('encoding', 'controlChar', { char: code === 0 ? 'NUL' : `U+${code.toString(16).toUpperCase().padStart(4, '0')}` }, { start: scan.control, end: scan.control + 1 });
  }
  // Bidi overrides, embeddings, isolates and marks make a line show other than it reads ("Trojan Source").
  if (scan.bidi >= 0) emit('encoding', 'bidiControl', { char: `U+${text.charCodeAt(scan.bidi).toString(16).toUpperCase()}` }, { start: scan.bidi, end: scan.bidi + 1 });
  return scan;
}

/** Applies exemptions, reports the broken ones, and sorts findings by place. */
function finish(findings: Finding[], lines: LineIndex, text: string, settings: Record<string, RuleSetting>, tolerance: number, source?: SourceDoc): CheckOutput {
  const exemptions = readExemptions(lines);
  const kept = exemptions.length > 0 ? applyExemptions(findings, exemptions, lines, settings) : findings;
  kept.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId) || a.messageId.localeCompare(b.messageId));
  if (source) {
    // A fix that cannot be placed in the text is dropped rather than offered broken.
    for (const f of kept) placeableFixes(source, f);
  }
  return { findings: kept, text, lines, source, sumTolerance: tolerance };
}

function applyExemptions(findings: Finding[], exemptions: Exemption[], lines: LineIndex, settings: Record<string, RuleSetting>): Finding[] {
  const used = new Set<string>();
  const kept = findings.filter((f) => {
    const line = lines.position(f.range.start).line;
    for (const [i, e] of exemptions.entries()) {
      if (!e.ruleIds.includes(f.ruleId)) continue;
      if (e.scope === 'file' || e.line === line) {
        used.add(`${i}:${f.ruleId}`);
        return false;
      }
    }
    return true;
  });
  const add = (ruleId: string, messageId: string, data: MessageData, range: OffsetRange, fix?: Fix) => {
    const severity = severityOf(ruleId, settings[ruleId]);
    const template = ruleMeta(ruleId)?.messages[messageId];
    if (!severity || !template) return;
    kept.push({ ruleId, severity, messageId, message: renderLocalized(template, data), path: [], range, ...(fix ? { fix } : {}) });
  };
  for (const [i, e] of exemptions.entries()) {
    if (!e.reason) add('exemption-reason', 'missingReason', {}, e.range);
    for (const rule of e.ruleIds) {
      if (!ruleMeta(rule) && !rule.includes('/')) {
        const near = nearest(rule, RULE_METAS.map((m) => m.id));
        if (near) add('exemption-unused', 'unknownRuleNear', { rule, near }, e.range);
        else add('exemption-unused', 'unknownRule', { rule }, e.range);
      } else if (!used.has(`${i}:${rule}`) && !ACROSS_FILES_RULES.includes(rule)) {
        const fix = e.ruleIds.length === 1 ? toFix('exemption-unused', { messageId: 'removeComment', operations: [{ op: 'text', ...e.lineRange, text: '' }] }) : undefined;
        add('exemption-unused', 'unused', { rule, scope: e.scope === 'file' ? localized('本文件中', 'in this file') : localized('下一行', 'on the next line') }, e.range, fix);
      }
    }
  }
  return kept;
}
