import type { Location, Range } from 'vscode-languageserver-types';
import { pathAt, rangeOf, unitMentions, type CheckOutput, type DataPath, type Plan, type Unit, type UnitRef } from '../engine/index.js';
import { toRange } from './positions.js';

/** Every place the plan names a unit: lead, responsible and cooperating entries of sections and tasks. */
export function allUnitRefs(plan: Plan): UnitRef[] {
  return unitMentions(plan).map((m) => m.ref);
}

/** The declared unit a name refers to, by name or alias. */
export function unitNamed(plan: Plan, name: string): Unit | undefined {
  return plan.units.find((u) => u.name === name) ?? plan.units.find((u) => u.aliases.includes(name));
}

const samePath = (a: DataPath, b: DataPath) => a.length === b.length && a.every((s, i) => String(s) === String(b[i]));

/** The unit name under an offset: a lead/responsible/cooperating entry, or a declaration's name. */
export function unitAt(output: CheckOutput, offset: number): { name: string; path: DataPath } | undefined {
  const { source, plan } = output;
  if (!source || !plan) return undefined;
  const { path } = pathAt(source.root, offset);
  const ref = allUnitRefs(plan).find((r) => samePath(r.path, path));
  if (ref) return { name: ref.name, path: ref.path };
  const decl = plan.units.find((u) => samePath([...u.path, 'name'], path));
  if (decl) return { name: decl.name, path: [...decl.path, 'name'] };
  return undefined;
}

/** Where a unit is declared, and every place that names it (by its name or an alias). */
export function unitLocations(output: CheckOutput, uri: string, name: string): { declaration?: Location; references: Location[] } {
  const { source, plan, lines } = output;
  if (!source || !plan) return { references: [] };
  const unit = unitNamed(plan, name);
  const names = new Set(unit ? [unit.name, ...unit.aliases] : [name]);
  const loc = (path: DataPath): Location => ({ uri, range: toRange(lines, rangeOf(source, path, 'value')) });
  return {
    declaration: unit ? loc([...unit.path, 'name']) : undefined,
    references: allUnitRefs(plan).filter((r) => names.has(r.name)).map((r) => loc(r.path)),
  };
}

/** The range of the unit name under an offset, for prepareRename. */
export function unitRange(output: CheckOutput, offset: number): Range | undefined {
  const at = unitAt(output, offset);
  if (!at || !output.source) return undefined;
  return toRange(output.lines, rangeOf(output.source, at.path, 'value'));
}
