import { DEFAULT_REGISTER_UNITS } from './generated/default-register.js';
import { localized, renderLocalized, ruleMeta, type MessageData } from './messages.js';
import { parseYaml } from './parse.js';
import { validateAgainst } from './schema.js';
import { LineIndex } from './text.js';
import type { Localized } from './types.js';

/** 曾用名 — a name a body had before it was renamed, with the year of the rename. */
export interface FormerName {
  name: string;
  year: number;
  short?: string[];
}

/** 登记单位 — a unit of a register: its official name (no place prefix), short forms and former names. */
export interface RegisterUnit {
  name: string;
  short?: string[];
  former?: FormerName[];
}

/** Where a register unit came from: the workspace's register file, or the one planlint ships. */
export type RegisterOrigin = 'register' | 'default';

/** 单位登记簿 — the units a workspace knows beyond any one plan, each with where it came from. */
export interface Register {
  units: readonly (RegisterUnit & { origin: RegisterOrigin })[];
  /** Whether a register was configured on purpose (the unknown-name rule runs only then). */
  explicit: boolean;
}

/** How a name reads against a register unit. */
export interface RegisterMatch {
  unit: RegisterUnit & { origin: RegisterOrigin };
  /** `name`: the official name; `short`: a short form; `former` / `formerShort`: a former name or its short form. */
  form: 'name' | 'short' | 'former' | 'formerShort';
  /** The place prefix before the matched form (市, 区, 綦江区), kept when a fix rewrites the name. */
  prefix: string;
  /** The rename, when the form is a former one. */
  former?: FormerName;
  /** Other units the same form names (a former name two successors share): a fix would have to guess. */
  alternatives: (RegisterUnit & { origin: RegisterOrigin })[];
}

/** Reads a register file's text: the units, or why it was not read (one line per problem, at most three). */
export function readRegisterText(text: string): { units: RegisterUnit[] } | { problems: Localized[] } {
  const parsed = parseYaml(text);
  if (parsed.data === undefined || parsed.problems.length > 0) {
    const lines = new LineIndex(text);
    return { problems: parsed.problems.slice(0, 3).map((p) => prefixed(`${lines.position(p.range.start).line + 1}`, explain(p.ruleId, p.messageId, p.data))) };
  }
  const problems = validateAgainst('register', parsed.data);
  if (problems.length > 0) return { problems: problems.slice(0, 3).map((p) => prefixed(p.path.join('.'), explain('schema', p.messageId, p.data))) };
  const units = (parsed.data as { units: (RegisterUnit & { attested?: unknown; level?: unknown })[] }).units.map(({ attested: _a, level: _l, ...u }) => u);
  return { units };
}

function explain(ruleId: string, messageId: string, data: MessageData): Localized {
  const template = ruleMeta(ruleId)?.messages[messageId];
  return template ? renderLocalized(template, data) : localized(messageId, messageId);
}

function prefixed(where: string, m: Localized): Localized {
  return where ? { 'zh-CN': `${where}:${m['zh-CN']}`, en: `${where}: ${m.en}` } : m;
}

/** The register in effect: the workspace's units first (they win a tie), then the default register's unless switched off. */
export function makeRegister(own: readonly RegisterUnit[] | undefined, useDefault: boolean): Register | undefined {
  if (!own && !useDefault) return undefined;
  const units = [
    ...(own ?? []).map((u) => ({ ...u, origin: 'register' as const })),
    ...(useDefault ? DEFAULT_REGISTER_UNITS.map((u) => ({ ...u, origin: 'default' as const })) : []),
  ];
  return { units, explicit: own !== undefined };
}

/** A place prefix: 市, 区, 县, 省, 州, 旗, or a place name ending in one (綦江区, 重庆市綦江区), with an optional 委 or 政府 before the body. */
const PLACE_PREFIX = /^(?:[\u4e00-\u9fff]{0,10}[省市县区州旗盟])?(?:委|政府)?$/u;

const INDEXES = new WeakMap<Register, Map<string, { match: Omit<RegisterMatch, 'prefix' | 'alternatives'> }[]>>();

function formsOf(register: Register): Map<string, { match: Omit<RegisterMatch, 'prefix' | 'alternatives'> }[]> {
  const cached = INDEXES.get(register);
  if (cached) return cached;
  const forms = new Map<string, { match: Omit<RegisterMatch, 'prefix' | 'alternatives'> }[]>();
  const add = (text: string, match: Omit<RegisterMatch, 'prefix' | 'alternatives'>) => {
    const list = forms.get(text) ?? [];
    list.push({ match });
    forms.set(text, list);
  };
  for (const unit of register.units) {
    add(unit.name, { unit, form: 'name' });
    for (const s of unit.short ?? []) add(s, { unit, form: 'short' });
    for (const former of unit.former ?? []) {
      add(former.name, { unit, form: 'former', former });
      for (const s of former.short ?? []) add(s, { unit, form: 'formerShort', former });
    }
  }
  INDEXES.set(register, forms);
  return forms;
}

/**
 * How `name` reads against the register: the longest form it ends with, after a place prefix. The
 * official name wins over a short form of the same text (卫生健康委 is a short form only when no unit
 * is officially so named).
 */
export function matchRegister(register: Register, name: string): RegisterMatch | undefined {
  // The same few names come back in every mention and every file: each read once per register.
  let memo = MATCHES.get(register);
  if (!memo) MATCHES.set(register, (memo = new Map<string, RegisterMatch | undefined>()));
  const known = memo.get(name);
  if (known !== undefined || memo.has(name)) return known;
  // Bounded: a language server meets names without end.
  if (memo.size >= MAX_MATCHES) memo.clear();
  const match = readAgainst(register, name);
  memo.set(name, match);
  return match;
}

/** Names read against a register, with what they read as (shared: the callers only read it). */
const MATCHES = new WeakMap<Register, Map<string, RegisterMatch | undefined>>();
const MAX_MATCHES = 20_000;

function readAgainst(register: Register, name: string): RegisterMatch | undefined {
  const forms = formsOf(register);
  for (let start = 0; start < name.length; start++) {
    const prefix = name.slice(0, start);
    if (!PLACE_PREFIX.test(prefix)) continue;
    const hits = forms.get(name.slice(start));
    if (!hits) continue;
    const best = hits.find((h) => h.match.form === 'name') ?? hits[0];
    const alternatives = best.match.form === 'name' ? [] : hits.filter((h) => h !== best && h.match.unit !== best.match.unit).map((h) => h.match.unit);
    return { ...best.match, prefix, alternatives };
  }
  return undefined;
}
