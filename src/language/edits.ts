import type { TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { LineIndex, TextEdit } from '../engine/index.js';
import { toRange } from './positions.js';

/** The document version an edit was computed for: the editor refuses it if the text has moved on. */
export interface VersionedDocument {
  uri: string;
  version: number;
}

/** A workspace edit of one document, tied to the version it was computed for. */
export function versionedEdit(doc: VersionedDocument, edits: LspTextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
}

/** The engine's offset edits as LSP edits. */
export function toLspEdits(lines: LineIndex, edits: TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: toRange(lines, e), newText: e.text }));
}
