import type { Range, WorkspaceEdit } from 'vscode-languageserver-types';
import { fixToEdits, type CheckOutput } from '../engine/index.js';
import { toLspEdits, versionedEdit, type VersionedDocument } from './edits.js';
import { renameRefusal, type RenameRefused } from './rename-check.js';
import { allUnitRefs, unitAt, unitRange } from './units.js';

/** The unit name under an offset that a rename would change, or undefined. */
export function prepareRename(output: CheckOutput, offset: number): Range | undefined {
  return unitRange(output, offset);
}

/**
 * Renames the unit under an offset: its declaration and every lead, responsible and cooperating entry naming it or
 * an alias, each written with the quoting its place needs. Refused for an empty, multi-line or taken name.
 */
export function rename(output: CheckOutput, doc: VersionedDocument, offset: number, newName: string): WorkspaceEdit | RenameRefused | undefined {
  const { source, plan } = output;
  const at = unitAt(output, offset);
  if (!source || !plan || !at) return undefined;
  const unit = plan.units.find((u) => u.name === at.name || u.aliases.includes(at.name));
  const names = new Set(unit ? [unit.name] : [at.name]);
  const refused = renameRefusal(plan, unit?.name ?? at.name, newName);
  if (refused) return { refused };
  const paths = [
    ...(unit ? [[...unit.path, 'name']] : []),
    ...allUnitRefs(plan).filter((r) => names.has(r.name)).map((r) => r.path),
  ];
  const edits = fixToEdits(source, { messageId: 'rename', message: { 'zh-CN': '', en: '' }, operations: paths.map((p) => ({ op: 'set' as const, path: p, value: newName })) });
  return edits ? versionedEdit(doc, toLspEdits(output.lines, edits)) : undefined;
}
