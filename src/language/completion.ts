import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import planSchema from '../../schemas/plan.schema.json';
import { text } from './texts.js';
import { buildPlan, matchRegister, nodeAt, pathAt, type CheckOutput, type Lang, type Plan, type Register, type Unit } from '../engine/index.js';

type SchemaNode = { $ref?: string; properties?: Record<string, SchemaNode>; items?: SchemaNode; enum?: unknown[]; enumDescriptions?: string[]; title?: string; description?: string; oneOf?: SchemaNode[]; additionalProperties?: SchemaNode | boolean };
const ROOT = planSchema as unknown as SchemaNode & { definitions: Record<string, SchemaNode> };

function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  let n = node;
  for (let i = 0; n?.$ref && i < 10; i++) n = ROOT.definitions[n.$ref.replace('#/definitions/', '')];
  return n;
}

/** The schema node for a data path, following properties, items and references. */
export function schemaAt(path: readonly (string | number)[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = ROOT;
  for (const seg of path) {
    node = resolve(node);
    if (!node) return undefined;
    if (typeof seg === 'number') node = node.items;
    else node = node.properties?.[seg] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
  }
  return resolve(node);
}

const pickText = (s: string | undefined, lang: Lang) => {
  if (!s) return undefined;
  const [zh, en] = s.split(' / ');
  return lang === 'en' && en ? en : zh;
};

/**
 * Completion in a plan file: unit names in lead, responsible and cooperating lists, enum values after a key
 * that has them (block or flow), the plan's regions as the keys of a byRegion (or of a year in it, block or flow), and the keys a mapping allows that it does not have yet.
 */
export function complete(output: CheckOutput, offset: number, lang: Lang, lastUnits?: Unit[], register?: Register): CompletionItem[] {
  const { source } = output;
  const units = output.plan?.units ?? lastUnits ?? partialPlan(output)?.units;
  const path = source ? pathAt(source.root, offset).path : [];
  const lineStart = output.lines.lineStart(output.lines.position(offset).line);
  const before = output.text.slice(lineStart, offset);
  // In a unit list: `lead: [` … or `- ` under lead/responsible/cooperating.
  const listKey = [...path].reverse().find((s) => typeof s === 'string');
  const inUnitList = listKey === 'lead' || listKey === 'responsible' || listKey === 'cooperating' || /(lead|responsible|cooperating):\s*\[[^\]]*$/.test(before);
  if (inUnitList && (units || register)) {
    const own = (units ?? []).map((u, i) => ({
      label: u.name,
      kind: CompletionItemKind.Value,
      detail: u.kind === 'group' ? text(lang, 'groupPlaceholderShort') : u.member ? text(lang, 'memberUnit') : undefined,
      sortText: String(i).padStart(5, '0'),
    }));
    return register ? [...own, ...registerItems(register, units ?? [], lang)] : own;
  }
  // In a flow byRegion on this line (`byRegion: { 2024: { | } }`): the regions the mapping the cursor is in lacks.
  const flow = flowRegionKeys(before, output.text.slice(offset, output.lines.lineStart(output.lines.position(offset).line + 1)));
  if (flow) return regionItems(output, flow);
  // A value after a key, block (`kind: `) or in a flow mapping on this line, as files write plan.form (`form: { kind: `).
  const keyMatch = /^\s*(?:-\s+)?([A-Za-z]+):\s*\S*$/.exec(before) ?? /[{,]\s*([A-Za-z]+):\s*[^\s,{}]*$/.exec(before);
  if (keyMatch) {
    const parentPath = path[path.length - 1] === keyMatch[1] ? path.slice(0, -1) : path;
    const prop = schemaAt([...parentPath, keyMatch[1]]);
    if (prop?.enum) {
      // Each value's own words where the schema has them (plan.form's kind: 新闻报道,不印发), beside the key's.
      return prop.enum.map((v, i) => ({ label: String(v), kind: CompletionItemKind.EnumMember, detail: pickText(prop.enumDescriptions?.[i], lang), documentation: pickText(prop.description, lang) }));
    }
  }
  if (/^\s*(?:-\s+)?[A-Za-z]*$/.test(before) && source) {
    // A key position: offer the keys of the enclosing mapping that are not written yet.
    const column = before.length - (/[A-Za-z]*$/.exec(before)?.[0].length ?? 0);
    const mapPath = enclosingMap(output, output.lines.position(offset).line, column);
    // A key of byRegion, or of a year's mapping in it (`2024:`): the plan's regions not written there yet.
    const last = mapPath[mapPath.length - 1];
    if (last === 'byRegion' || (mapPath[mapPath.length - 2] === 'byRegion' && YEAR.test(String(last)))) {
      const written = nodeAt(source.root, mapPath);
      return regionItems(output, new Set(written?.kind === 'map' ? written.pairs.flatMap((p) => (p.keyText === undefined ? [] : [p.keyText])) : []));
    }
    let node = schemaAt(mapPath);
    if (node?.items) node = resolve(node.items);
    const existing = nodeAt(source.root, mapPath);
    const have = new Set(existing?.kind === 'map' ? existing.pairs.map((p) => p.keyText) : []);
    return Object.entries(node?.properties ?? {})
      .filter(([k]) => !have.has(k))
      .map(([k, v]) => ({ label: k, kind: CompletionItemKind.Property, detail: pickText(resolve(v)?.title ?? v.title, lang), documentation: pickText(resolve(v)?.description ?? v.description, lang), insertText: `${k}: ` }));
  }
  return [];
}

/**
 * The register's official names, after the plan's own: with the place prefix the plan's units use most
 * (区, 市, 綦江区), so that 卫生健康委员会 is offered as 区卫生健康委员会 in a district's plan.
 */
function registerItems(register: Register, units: readonly Unit[], lang: Lang): CompletionItem[] {
  const prefixes = new Map<string, number>();
  for (const u of units) {
    // The register's reading of the name, else the place word it starts with (区民政局 → 区).
    const p = matchRegister(register, u.name)?.prefix ?? /^[\u4e00-\u9fff]{0,8}?[省市县区]/u.exec(u.name)?.[0];
    if (p !== undefined) prefixes.set(p, (prefixes.get(p) ?? 0) + 1);
  }
  const prefix = [...prefixes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const have = new Set(units.map((u) => u.name));
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const u of register.units) {
    const label = prefix + u.name;
    if (have.has(label) || seen.has(label)) continue;
    seen.add(label);
    items.push({
      label,
      kind: CompletionItemKind.Value,
      detail: text(lang, u.origin === 'default' ? 'fromDefaultRegister' : 'fromRegister'),
      ...(u.short?.length ? { documentation: `${text(lang, 'shortForms')}: ${u.short.map((x) => prefix + x).join('、')}` } : {}),
      // Below every unit of the plan's own list.
      sortText: `1${String(items.length).padStart(5, '0')}`,
    });
  }
  return items;
}

const YEAR = /^\d{4}$/;

/** The plan's regions not among `taken` (by id or name), by id, their names beside. */
function regionItems(output: CheckOutput, taken: ReadonlySet<string>): CompletionItem[] {
  const regions = output.plan?.regions ?? partialPlan(output)?.regions ?? [];
  return regions.filter((r) => !taken.has(r.id) && !taken.has(r.name)).map((r, i) => ({
    label: r.id, kind: CompletionItemKind.EnumMember, detail: r.name, sortText: String(i).padStart(5, '0'), insertText: `${r.id}: `,
  }));
}

/**
 * Where the cursor is in a flow `byRegion` written on its line, in the mapping of regions (`byRegion: { | }`) or of a
 * year (`byRegion: { 2024: { | } }`): the keys that mapping has, before and after the cursor; undefined elsewhere.
 */
function flowRegionKeys(before: string, after: string): Set<string> | undefined {
  const m = /\bbyRegion:\s*\{/g;
  let start = -1;
  for (let x = m.exec(before); x; x = m.exec(before)) start = x.index + x[0].length;
  if (start < 0) return undefined;
  const rest = before.slice(start);
  // The open mappings: where each begins in `rest` (the byRegion's own first).
  const open = [0];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '{') open.push(i + 1);
    else if (rest[i] === '}' && (open.pop(), open.length === 0)) return undefined;
  }
  if (open.length > 2 || (open.length === 2 && !/(?:^|[{,\s])\d{4}\s*:\s*$/.test(rest.slice(0, open[1] - 1)))) return undefined;
  // The mapping's text around the cursor, up to where it closes, nested mappings left out.
  let depth = 0;
  let end = 0;
  for (; end < after.length; end++) {
    if (after[end] === '{') depth++;
    else if (after[end] === '}' && depth-- === 0) break;
  }
  const own = (rest.slice(open[open.length - 1]) + after.slice(0, end)).replace(/\{[^{}]*\}/g, '');
  return new Set([...own.matchAll(/([^\s{},:]+)\s*:/g)].map((k) => k[1]));
}

/** A model from whatever a half-typed document still holds (YAML errors keep most of the tree). */
function partialPlan(output: CheckOutput): Plan | undefined {
  try {
    return output.source?.partialData ? buildPlan(output.source.partialData()) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The data path of the mapping a key typed at `column` of `line` would belong to: the nearest key
 * above at the same column is a sibling; one further left opens the mapping.
 */
function enclosingMap(output: CheckOutput, line: number, column: number): (string | number)[] {
  for (let l = line - 1; l >= 0; l--) {
    const text = output.lines.lineText(l);
    const m = /^(\s*(?:-\s+)*)([A-Za-z_][\w-]*|\d{4})\s*:/.exec(text);
    if (!m) continue;
    const keyColumn = m[1].length;
    if (keyColumn > column) continue;
    const { path } = pathAt(output.source?.root, output.lines.offset({ line: l, character: keyColumn }));
    if (keyColumn === column) return path.slice(0, -1);
    // A key further left opens the mapping (or the list of mappings) the new key goes in.
    return /^\s*-\s/.test(output.lines.lineText(line)) || nodeAt(output.source?.root, path)?.kind === 'seq' ? [...path, 0] : path;
  }
  return [];
}
