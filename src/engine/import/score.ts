/**
 * The importer's scorer: an imported plan file against a hand-encoded gold one. Pure (texts in,
 * figures out) so that `npm run import-score` and the floor tests compute exactly the same numbers.
 */
import { parse } from 'yaml';
import { dice } from './indicators.js';
import { checkText } from '../check.js';
import type { Finding } from '../types.js';

type Data = Record<string, unknown>;

/** Precision, recall and F1 of one matching, with the counts behind them. */
export interface Prf {
  gold: number;
  got: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Share of matched items right on one field. */
export interface Share {
  right: number;
  of: number;
  share: number;
}

/** Every figure of one seed. */
export interface SeedScore {
  sections: Prf;
  tasks: Prf;
  /** Sections and tasks together (the brief's "sections and tasks" figure). */
  structure: Prf;
  /** Matched tasks whose effective lead and responsible units equal the gold's exactly. */
  units: Share;
  lead: Share;
  responsible: Share;
  indicators: Prf;
  fields: Record<'value' | 'unit' | 'kind' | 'comparator' | 'year', Share>;
  /** Matched indicators with an actual in the gold or the import: asOf, value, unit, percent and status all equal. */
  actuals: Share;
  findings: { gold: number; got: number; matched: number; recall: number; extra: number; extraShare: number };
  /** Schema findings on the imported plan (must be 0). */
  schemaFindings: number;
  /** What it still gets wrong, for the report: a few examples per field. */
  misses: Record<string, string[]>;
}

function prf(gold: number, got: number, matched: number): Prf {
  const precision = got === 0 ? (gold === 0 ? 1 : 0) : matched / got;
  const recall = gold === 0 ? 1 : matched / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, got, matched, precision, recall, f1 };
}

function share(right: number, of: number): Share {
  return { right, of, share: of === 0 ? 1 : right / of };
}

interface Flat {
  kind: 'section' | 'task';
  number: string;
  title: string;
  lead: string[];
  responsible: string[];
  line?: number;
}

/** A scalar as text; anything else (a mapping, a list) as nothing, never "[object Object]". */
function asText(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

/** Numbers compare as printed, without their trailing full stop and with parentheses of either width. */
function normNumber(n: unknown): string {
  return asText(n).replace(/[(]/g, '(').replace(/[)]/g, ')').replace(/[.．、\s]+$/, '').trim();
}

function normTitle(t: unknown): string {
  return asText(t).replace(/[\s"“”'‘’。,,]/g, '');
}

function titlesMatch(a: string, b: string): boolean {
  const x = normTitle(a);
  const y = normTitle(b);
  return x === y || (Math.min(x.length, y.length) >= 4 && (x.includes(y) || y.includes(x))) || dice(x, y) >= 0.8;
}

function lineOf(node: unknown): number | undefined {
  const s = (node as Data | undefined)?.source;
  return typeof s === 'object' && s !== null && typeof (s as Data).line === 'number' ? ((s as Data).line as number) : undefined;
}

function names(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}

function flatten(data: Data): { items: Flat[]; indicators: Data[] } {
  const items: Flat[] = [];
  const indicators: Data[] = [];
  const addIndicators = (list: unknown) => {
    for (const i of Array.isArray(list) ? (list as Data[]) : []) {
      indicators.push(i);
      addIndicators(i.parts);
    }
  };
  const walk = (sections: unknown, lead: string[], responsible: string[]) => {
    for (const s of Array.isArray(sections) ? (sections as Data[]) : []) {
      const sl = names(s.lead);
      const sr = names(s.responsible);
      // A section's own clause replaces its parents' (as `task-has-lead` reads inheritance).
      const effLead = sl.length > 0 ? sl : lead;
      const effResp = sl.length > 0 || sr.length > 0 ? sr : responsible;
      items.push({ kind: 'section', number: normNumber(s.number), title: asText(s.title), lead: sl, responsible: sr, line: lineOf(s) });
      addIndicators(s.indicators);
      for (const t of Array.isArray(s.tasks) ? (s.tasks as Data[]) : []) {
        const tl = names(t.lead);
        const tr = names(t.responsible);
        items.push({
          kind: 'task',
          number: normNumber(t.number),
          title: asText(t.title),
          lead: tl.length > 0 ? tl : effLead,
          responsible: tl.length > 0 || tr.length > 0 ? tr : effResp,
          line: lineOf(t),
        });
        addIndicators(t.indicators);
      }
      walk(s.sections, effLead, effResp);
    }
  };
  walk(data.sections, [], []);
  return { items, indicators };
}

/** Greedy one-to-one matching in document order: each gold item takes the first free candidate that fits. */
function match<T, U>(gold: T[], got: U[], fits: (g: T, u: U) => number): [T, U][] {
  const used = new Set<number>();
  const pairs: [T, U][] = [];
  for (const g of gold) {
    let best = -1;
    let bestScore = 0;
    got.forEach((u, k) => {
      if (used.has(k)) return;
      const s = fits(g, u);
      if (s > bestScore) {
        best = k;
        bestScore = s;
      }
    });
    if (best >= 0) {
      used.add(best);
      pairs.push([g, got[best]]);
    }
  }
  return pairs;
}

function structureFit(g: Flat, u: Flat): number {
  if (g.kind !== u.kind || g.number !== u.number || !titlesMatch(g.title, u.title)) return 0;
  // Prefer the candidate on the same line: numbers like (一) repeat in every part.
  return 1 + (g.line !== undefined && g.line === u.line ? 1 : 0) + dice(normTitle(g.title), normTitle(u.title));
}

function targetOf(i: Data): { value?: number; year?: number; comparator?: string } {
  const overall = i.overall as Data | undefined;
  const yearly = i.yearly as Data | undefined;
  const years = yearly ? Object.keys(yearly).map(Number).filter(Number.isFinite).sort((a, b) => a - b) : [];
  const lastYear = years[years.length - 1];
  const yv = lastYear !== undefined ? yearly?.[String(lastYear)] : undefined;
  const yearlyValue = typeof yv === 'number' ? yv : typeof (yv as Data | undefined)?.value === 'number' ? ((yv as Data).value as number) : undefined;
  const value = typeof overall?.value === 'number' ? overall.value : yearlyValue;
  const year = typeof overall?.year === 'number' ? overall.year : overall ? lastYear : lastYear;
  const comparator = (overall?.comparator as string | undefined) ?? (i.comparator as string | undefined);
  return { value, year, comparator };
}

function indicatorFit(g: Data, u: Data): number {
  const gl = lineOf(g);
  const ul = lineOf(u);
  if (gl === undefined || gl !== ul) return 0;
  const o = Math.max(dice(normTitle(g.name), normTitle(u.name)), normTitle(g.name).includes(normTitle(u.name)) || normTitle(u.name).includes(normTitle(g.name)) ? 0.9 : 0);
  if (o < 0.5) return 0;
  // The same figure is a strong hint when a line states several indicators.
  const sameValue = targetOf(g).value !== undefined && targetOf(g).value === targetOf(u).value ? 1 : 0;
  return o + sameValue;
}

/** The source line a finding is about: its path walked up to the nearest node that has one. */
function findingLine(data: unknown, f: Finding): number | undefined {
  let best: number | undefined;
  let node: unknown = data;
  const l0 = lineOf(node);
  if (l0 !== undefined) best = l0;
  for (const seg of f.path) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<string | number, unknown>)[seg as string];
    const l = lineOf(node);
    if (l !== undefined) best = l;
  }
  return best;
}

function findingKeys(text: string): { keys: string[]; schema: number } {
  const out = checkText(text);
  const keys: string[] = [];
  let schema = 0;
  for (const f of out.findings) {
    if (f.ruleId === 'schema' || f.ruleId.startsWith('yaml-')) schema++;
    keys.push(`${f.ruleId}@${findingLine(out.data, f) ?? '?'}`);
  }
  return { keys, schema };
}

/** Scores one imported plan file against its gold. */
export function scoreImport(goldYaml: string, importedYaml: string): SeedScore {
  const gold = flatten(parse(goldYaml) as Data);
  const got = flatten(parse(importedYaml) as Data);
  const misses: Record<string, string[]> = { structure: [], extra: [], units: [], indicators: [], extraIndicators: [], value: [], unit: [], kind: [], comparator: [], year: [], actual: [], findings: [] };
  const push = (k: string, s: string) => {
    const list = misses[k] ?? (misses[k] = []);
    list.push(s);
  };

  const pairs = match(gold.items, got.items, structureFit);
  const matchedGot = new Set(pairs.map((p) => p[1]));
  const matchedGold = new Set(pairs.map((p) => p[0]));
  for (const g of gold.items) if (!matchedGold.has(g)) push('structure', `${g.kind} ${g.number} ${g.title} (l.${g.line ?? '?'})`);
  for (const u of got.items) if (!matchedGot.has(u)) push('extra', `${u.kind} ${u.number} ${u.title} (l.${u.line ?? '?'})`);
  const count = (list: Flat[], kind: Flat['kind']) => list.filter((x) => x.kind === kind).length;
  const pairCount = (kind: Flat['kind']) => pairs.filter((p) => p[0].kind === kind).length;

  const taskPairs = pairs.filter((p) => p[0].kind === 'task');
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, k) => x === b[k]);
  let leadRight = 0;
  let respRight = 0;
  let bothRight = 0;
  for (const [g, u] of taskPairs) {
    const l = same(g.lead, u.lead);
    const r = same(g.responsible, u.responsible);
    if (l) leadRight++;
    if (r) respRight++;
    if (l && r) bothRight++;
    else push('units', `${g.number} ${g.title}: lead ${JSON.stringify(u.lead)} vs ${JSON.stringify(g.lead)}; resp ${JSON.stringify(u.responsible)} vs ${JSON.stringify(g.responsible)}`);
  }

  const ipairs = match(gold.indicators, got.indicators, indicatorFit);
  const matchedInd = new Set(ipairs.map((p) => p[0]));
  for (const g of gold.indicators) if (!matchedInd.has(g)) push('indicators', `${String(g.name)} (l.${lineOf(g) ?? '?'})`);
  const matchedGotInd = new Set(ipairs.map((p) => p[1]));
  for (const u of got.indicators) if (!matchedGotInd.has(u)) push('extraIndicators', `${String(u.name)} (l.${lineOf(u) ?? '?'})`);
  const fieldRight = { value: 0, unit: 0, kind: 0, comparator: 0, year: 0 };
  let actualsOf = 0;
  let actualsRight = 0;
  for (const [g, u] of ipairs) {
    if (g.actual !== undefined || u.actual !== undefined) {
      actualsOf++;
      const ga = (g.actual ?? {}) as Data;
      const ua = (u.actual ?? {}) as Data;
      const differ = (['asOf', 'value', 'unit', 'percent', 'status'] as const).filter((k) => asText(ga[k]) !== asText(ua[k]));
      if (differ.length === 0) actualsRight++;
      else push('actual', `${String(g.name)} (l.${lineOf(g) ?? '?'}): ${differ.map((k) => `${k} ${asText(ua[k])} vs gold ${asText(ga[k])}`).join(', ')}`);
    }
    const tg = targetOf(g);
    const tu = targetOf(u);
    const check = (field: keyof typeof fieldRight, a: unknown, b: unknown) => {
      if (a === b) fieldRight[field]++;
      else push(field, `${String(g.name)} (l.${lineOf(g) ?? '?'}): ${String(b)} vs gold ${String(a)}`);
    };
    check('value', tg.value, tu.value);
    check('unit', g.unit, u.unit);
    check('kind', g.kind, u.kind);
    check('comparator', tg.comparator, tu.comparator);
    check('year', tg.year, tu.year);
  }

  const gf = findingKeys(goldYaml);
  const uf = findingKeys(importedYaml);
  const pool = new Map<string, number>();
  for (const k of uf.keys) pool.set(k, (pool.get(k) ?? 0) + 1);
  let fm = 0;
  for (const k of gf.keys) {
    const n = pool.get(k) ?? 0;
    if (n > 0) {
      fm++;
      pool.set(k, n - 1);
    } else push('findings', k);
  }
  const extra = uf.keys.length - fm;
  for (const [k, n] of pool) for (let i = 0; i < n; i++) push('extraFindings', k);

  return {
    sections: prf(count(gold.items, 'section'), count(got.items, 'section'), pairCount('section')),
    tasks: prf(count(gold.items, 'task'), count(got.items, 'task'), pairCount('task')),
    structure: prf(gold.items.length, got.items.length, pairs.length),
    units: share(bothRight, taskPairs.length),
    lead: share(leadRight, taskPairs.length),
    responsible: share(respRight, taskPairs.length),
    indicators: prf(gold.indicators.length, got.indicators.length, ipairs.length),
    fields: {
      value: share(fieldRight.value, ipairs.length),
      unit: share(fieldRight.unit, ipairs.length),
      kind: share(fieldRight.kind, ipairs.length),
      comparator: share(fieldRight.comparator, ipairs.length),
      year: share(fieldRight.year, ipairs.length),
    },
    actuals: share(actualsRight, actualsOf),
    findings: {
      gold: gf.keys.length,
      got: uf.keys.length,
      matched: fm,
      recall: gf.keys.length === 0 ? 1 : fm / gf.keys.length,
      extra,
      extraShare: uf.keys.length === 0 ? 0 : extra / uf.keys.length,
    },
    schemaFindings: uf.schema,
    misses,
  };
}

/** Sums seeds' scores into one (counts added, ratios recomputed from the sums). */
export function totalScore(scores: SeedScore[]): SeedScore {
  const addPrf = (pick: (s: SeedScore) => Prf) => {
    const g = scores.reduce((n, s) => n + pick(s).gold, 0);
    const u = scores.reduce((n, s) => n + pick(s).got, 0);
    const m = scores.reduce((n, s) => n + pick(s).matched, 0);
    return prf(g, u, m);
  };
  const addShare = (pick: (s: SeedScore) => Share) => share(scores.reduce((n, s) => n + pick(s).right, 0), scores.reduce((n, s) => n + pick(s).of, 0));
  const fg = scores.reduce((n, s) => n + s.findings.gold, 0);
  const fu = scores.reduce((n, s) => n + s.findings.got, 0);
  const fm = scores.reduce((n, s) => n + s.findings.matched, 0);
  return {
    sections: addPrf((s) => s.sections),
    tasks: addPrf((s) => s.tasks),
    structure: addPrf((s) => s.structure),
    units: addShare((s) => s.units),
    lead: addShare((s) => s.lead),
    responsible: addShare((s) => s.responsible),
    indicators: addPrf((s) => s.indicators),
    fields: {
      value: addShare((s) => s.fields.value),
      unit: addShare((s) => s.fields.unit),
      kind: addShare((s) => s.fields.kind),
      comparator: addShare((s) => s.fields.comparator),
      year: addShare((s) => s.fields.year),
    },
    actuals: addShare((s) => s.actuals),
    findings: { gold: fg, got: fu, matched: fm, recall: fg === 0 ? 1 : fm / fg, extra: fu - fm, extraShare: fu === 0 ? 0 : (fu - fm) / fu },
    schemaFindings: scores.reduce((n, s) => n + s.schemaFindings, 0),
    misses: {},
  };
}
