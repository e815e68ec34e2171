import { distance } from 'fastest-levenshtein';
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as planValidators from './generated/validators.js';
import * as configValidators from './generated/validators-config.js';
import type { DataPath, Localized, PathTarget } from './types.js';
import { localized, type MessageData } from './messages.js';

/** A schema violation, located by data path, with a message id of the `schema` rule. */
export interface SchemaProblem {
  path: DataPath;
  target: PathTarget;
  messageId: string;
  data: MessageData;
  /** Replacement key for a misspelt one. */
  renameTo?: string;
}

/** Caps the findings one file can produce from the schema; past that, more help no one. */
const MAX_PROBLEMS = 500;

/**
 * The validators, compiled at build time (scripts/gen.mjs writes them as ajv standalone code into
 * src/engine/generated/validators.js): no schema is compiled and no code is generated at run time.
 * The validators of .planlint.yaml, packs and registers are a module of their own, which the bundles
 * load on first use (scripts/build.mjs): a check of a plan alone never runs them.
 */
const VALIDATORS: Readonly<Record<'plan' | 'config' | 'pack' | 'register', ValidateFunction>> = {
  plan: planValidators.plan,
  get config() { return configValidators.config; },
  get pack() { return configValidators.pack; },
  get register() { return configValidators.register; },
};
export type SchemaName = keyof typeof VALIDATORS;

/** Validates data against one of planlint's schemas (plan file, .planlint.yaml, rule pack). */
export function validateAgainst(name: SchemaName, data: unknown): SchemaProblem[] {
  const validate = VALIDATORS[name];
  if (validate(data)) return [];
  return explain(validate.errors ?? []).slice(0, MAX_PROBLEMS);
}

/**
 * The schema's results for the parts of a plan (sections, tasks, indicators) by the part's data, kept
 * with a reading for the next reading of the same file, which shares the data of every part it did
 * not re-read.
 */
export type SchemaMemo = planValidators.PartsMemo;

/** An empty memo of parts' results, for `validatePlan`. */
export const newSchemaMemo: () => SchemaMemo = planValidators.newPartsMemo;

/**
 * Validates plan data against schemas/plan.schema.json. With a memo, a part whose data the memo has
 * seen gives its results from there (the same problems as validating it again), and the others are
 * kept in it.
 */
export function validatePlan(data: unknown, memo?: SchemaMemo): SchemaProblem[] {
  return memo ? planValidators.withPartsMemo(memo, () => validateAgainst('plan', data)) : validateAgainst('plan', data);
}

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['文本', 'text'],
  number: ['数字', 'a number'],
  integer: ['整数', 'a whole number'],
  boolean: ['true 或 false', 'true or false'],
  object: ['映射(键: 值)', 'a mapping (key: value)'],
  array: ['列表', 'a list'],
  null: ['空值', 'null'],
};

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return '[…]';
  if (typeof v === 'object') return '{…}';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : typeof v;
}

function toPath(instancePath: string): DataPath {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/**
 * Turns ajv's errors into problems a drafter understands. The wrong branches of a `oneOf` are
 * dropped in favour of one message naming every accepted type, or the errors of the branch whose
 * type matched.
 */
function explain(errors: ErrorObject[]): SchemaProblem[] {
  const oneOfs = errors.filter((e) => e.keyword === 'oneOf');
  const inBranch = (e: ErrorObject, o: ErrorObject) =>
    e !== o && e.schemaPath.startsWith(`${o.schemaPath}/`) && e.instancePath.startsWith(o.instancePath);
  const consumed = new Set<ErrorObject>();
  const problems: SchemaProblem[] = [];
  for (const o of oneOfs) {
    const branch = errors.filter((e) => inBranch(e, o));
    branch.forEach((e) => consumed.add(e));
    consumed.add(o);
    const branchOf = (e: ErrorObject) => e.schemaPath.slice(o.schemaPath.length).split('/')[1];
    const typeFailed = new Set(branch.filter((e) => e.keyword === 'type' && e.instancePath === o.instancePath).map(branchOf));
    // A branch whose type matched holds the real mistake: a key inside it, or a value it does not allow.
    const matched = branch.filter((e) => !typeFailed.has(branchOf(e)));
    const deeper = matched.filter((e) => e.instancePath !== o.instancePath);
    const kept = deeper.length > 0 ? deeper : matched;
    // Every branch rejects the same discriminating field (`type: bogus`): one message naming them all.
    const consts = kept.filter((e) => e.keyword === 'const');
    const branches = new Set(kept.map(branchOf));
    if (consts.length > 0 && new Set(consts.map(branchOf)).size === branches.size && new Set(consts.map((e) => e.instancePath)).size === 1) {
      const allowed = consts.map((e) => String((e.params as { allowedValue: unknown }).allowedValue));
      problems.push({ path: toPath(consts[0].instancePath), target: 'value', messageId: 'notInEnum', data: { found: describeValue(consts[0].data), allowed: allowed.join(', ') } });
      continue;
    }
    if (kept.length > 0) {
      kept.forEach((e) => consumed.delete(e));
      continue;
    }
    const typeErrors = branch.filter((e) => e.keyword === 'type' && e.instancePath === o.instancePath);
    const types = [...new Set(typeErrors.flatMap((e) => String((e.params as { type: string }).type).split(',')))];
    if (types.length === 0) {
      problems.push({ path: toPath(o.instancePath), target: 'value', messageId: 'invalid', data: { detail: o.message ?? '' } });
      continue;
    }
    problems.push(typeProblem(o.instancePath, types, o.data));
  }
  for (const e of errors) {
    if (consumed.has(e)) continue;
    const p = one(e);
    if (p) problems.push(p);
  }
  return dedupe(problems);
}

function typeProblem(instancePath: string, types: string[], found: unknown): SchemaProblem {
  const zh = types.map((t) => TYPE_NAMES[t]?.[0] ?? t).join('或');
  const en = types.map((t) => TYPE_NAMES[t]?.[1] ?? t).join(' or ');
  return { path: toPath(instancePath), target: 'value', messageId: 'wrongType', data: { expected: localized(zh, en), found: describeValue(found) } };
}

function one(e: ErrorObject): SchemaProblem | undefined {
  const path = toPath(e.instancePath);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      const suggestion = nearest(key, allowed);
      return suggestion
        ? { path: [...path, key], target: 'key', messageId: 'unknownKeySuggest', data: { key, suggestion }, renameTo: suggestion }
        : { path: [...path, key], target: 'key', messageId: 'unknownKey', data: { key, allowed: allowed.join(', ') } };
    }
    case 'required':
      return { path, target: 'key', messageId: 'missingKey', data: { key: String(params.missingProperty) } };
    case 'type':
      return typeProblem(e.instancePath, String(params.type).split(','), e.data);
    case 'enum':
      return {
        path, target: 'value', messageId: 'notInEnum',
        data: { found: describeValue(e.data), allowed: (params.allowedValues as unknown[]).map((v) => String(v)).join(', ') },
      };
    case 'propertyNames':
      return { path: [...path, String(params.propertyName)], target: 'key', messageId: 'badYearKey', data: { key: String(params.propertyName) } };
    case 'pattern':
      if (e.propertyName !== undefined || e.schemaPath.includes('propertyNames')) return undefined;
      return { path, target: 'value', messageId: 'badFormat', data: { found: describeValue(e.data), ...formatHint(String(params.pattern)) } };
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
      return {
        path, target: 'value', messageId: 'outOfRange',
        data: { found: describeValue(e.data), comparison: String(params.comparison), limit: Number(params.limit) },
      };
    case 'minLength':
      return { path, target: 'value', messageId: 'empty', data: {} };
    case 'minItems': case 'minProperties':
      return { path, target: 'value', messageId: 'tooFew', data: { limit: Number(params.limit) } };
    case 'const':
      return { path, target: 'value', messageId: 'notInEnum', data: { found: describeValue(e.data), allowed: JSON.stringify(params.allowedValue) } };
    default:
      return { path, target: 'value', messageId: 'invalid', data: { detail: `${e.keyword}` } };
  }
}

function formatHint(pattern: string): { format: string | Localized } {
  if (pattern.includes('(-[0-9]{2})?')) return { format: localized('YYYY-MM 或 YYYY-MM-DD', 'YYYY-MM or YYYY-MM-DD') };
  if (pattern.includes('-[0-9]{2}-')) return { format: 'YYYY-MM-DD' };
  // A region id (or a byRegion key inside a year) is anything but four digits, which read as a year.
  if (pattern === '^(?![0-9]{4}$)') return { format: localized('不是四位数字的标识(四位数字表示年份)', 'an id other than four digits (four digits are a year)') };
  return { format: pattern };
}

function dedupe(problems: SchemaProblem[]): SchemaProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.path.join('\u0000')}|${p.messageId}|${JSON.stringify(p.data)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The allowed key closest to a misspelt one, if it is close enough to be a typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  // One slip in a short key, two in a longer one (`titel` → `title` is two edits: a swap).
  return best !== undefined && bestDistance <= (best.length <= 3 ? 1 : best.length <= 8 ? 2 : 3) ? best : undefined;
}
