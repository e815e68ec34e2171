import type { Plan } from './model.js';
import type { DataPath, Localized, Severity } from './types.js';

/** A declarative rule from a rule pack: a selector and a built-in check. Never code. */
export interface PackRule {
  id: string;
  severity: Severity;
  description?: Localized;
  given: 'plan' | 'unit' | 'section' | 'task' | 'indicator';
  where?: Record<string, string | number | boolean>;
  then: {
    field: string;
    check: 'present' | 'absent' | 'in' | 'not-in' | 'min' | 'max' | 'max-length' | 'non-empty';
    values?: (string | number)[];
    value?: number;
  };
  /** Templates with {field}, {value} and {name} placeholders. */
  message: Localized;
}

/** A pack rule's finding before it gets a range. */
export interface PackHit {
  rule: PackRule;
  path: DataPath;
  data: Record<string, string>;
  onKey: boolean;
}

type Obj = Record<string, unknown>;

function at(data: unknown, path: DataPath): unknown {
  let v = data;
  for (const seg of path) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, seg)) return undefined;
    v = (v as Obj)[seg as string];
  }
  return v;
}

function selected(plan: Plan, given: PackRule['given']): DataPath[] {
  switch (given) {
    case 'plan': return [['plan']];
    case 'unit': return plan.units.map((u) => u.path);
    case 'section': return plan.allSections.map((s) => s.path);
    case 'task': return plan.allTasks.map((t) => t.path);
    case 'indicator': return plan.allIndicators.map((i) => i.path);
  }
}

/** Runs declarative pack rules over the plan data. */
export function runPackRules(rules: readonly PackRule[], plan: Plan, data: unknown): PackHit[] {
  const hits: PackHit[] = [];
  for (const rule of rules) {
    for (const path of selected(plan, rule.given)) {
      const obj = at(data, path);
      if (typeof obj !== 'object' || obj === null) continue;
      const o = obj as Obj;
      if (rule.where && !Object.entries(rule.where).every(([k, v]) => Object.hasOwn(o, k) && o[k] === v)) continue;
      const { field, check, values = [], value } = rule.then;
      const has = Object.hasOwn(o, field);
      const v = has ? o[field] : undefined;
      const name = scalarText(o.name ?? o.title);
      const ok = (() => {
        switch (check) {
          case 'present': return has;
          case 'absent': return !has;
          case 'non-empty': return has && v !== '' && !(Array.isArray(v) && v.length === 0);
          case 'in': return !has || values.includes(v as string | number);
          case 'not-in': return !has || !values.includes(v as string | number);
          case 'min': return typeof v !== 'number' || value === undefined || v >= value;
          case 'max': return typeof v !== 'number' || value === undefined || v <= value;
          case 'max-length': return typeof v !== 'string' || value === undefined || [...v].length <= value;
        }
      })();
      if (ok) continue;
      hits.push({
        rule,
        path: has ? [...path, field] : path,
        data: { field, value: has ? String(v) : '', name },
        onKey: check === 'absent',
      });
    }
  }
  return hits;
}

/** A scalar as a message shows it; a mapping or list (a mistyped name) shows as nothing, not "[object Object]". */
function scalarText(x: unknown): string {
  return typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : '';
}
