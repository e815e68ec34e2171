import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver-types';
import { changedSpan, fixAll, fixToEdits, type CheckOptions, type CheckOutput, type Fix, type Lang } from '../engine/index.js';
import { toDiagnostics, type DiagnosticData } from './diagnostics.js';
import { toLspEdits, versionedEdit, type VersionedDocument } from './edits.js';
import { toRange } from './positions.js';
import { text } from './texts.js';

/** The source action that applies every safe fix (asked for on save, or from the Source Action menu). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.planlint`;

/** What code actions need besides the check: the version checked, its options, the language, the rule pages. */
export interface CodeActionInput {
  doc: VersionedDocument & { text: string; options: CheckOptions };
  lang: Lang;
  docsUri: (ruleId: string) => string | undefined;
}

/**
 * The code actions for a check: per diagnostic of this very version, its fix (preferred), its
 * suggestions, "disable for this line", "disable for this file" and the rule's page; and fix-all
 * when the editor asks for it by kind.
 */
export function codeActions(output: CheckOutput, context: CodeActionContext, input: CodeActionInput): CodeAction[] {
  const only = context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  // Fix-all is a source action: offered only when asked for.
  const asked = (kind: string) => !!only?.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions = wants(CodeActionKind.QuickFix) ? quickFixes(output, context.diagnostics, input) : [];
  if (asked(FIX_ALL_KIND)) {
    const { doc } = input;
    // The first pass starts from this version's check, already done.
    const result = fixAll(doc.text, doc.options, undefined, output);
    if (result.applied > 0) {
      actions.push({ title: text(input.lang, 'fixAll'), kind: FIX_ALL_KIND, edit: versionedEdit(doc, [minimalEdit(doc.text, result.text, output)]) });
    }
  }
  return actions;
}

function quickFixes(output: CheckOutput, diagnostics: Diagnostic[], input: CodeActionInput): CodeAction[] {
  const { doc, lang, docsUri } = input;
  const actions: CodeAction[] = [];
  // By rule, message and range, the first of each: a selection of the whole document asks for every diagnostic,
  // and looking each up in the whole list took 50,000 diagnostics quadratic time.
  const live = new Map<string, Diagnostic>();
  for (const x of toDiagnostics(output, lang, docsUri)) {
    const key = diagnosticKey(x);
    if (key !== undefined && !live.has(key)) live.set(key, x);
  }
  for (const d of diagnostics) {
    if (d.source !== 'planlint' || typeof d.code !== 'string') continue;
    // Only act on a diagnostic of this very version: an edit computed for an older text is never offered.
    const key = diagnosticKey(d);
    const match = key === undefined ? undefined : live.get(key);
    if (!match) continue;
    const data = match.data as DiagnosticData;
    const fixes: [Fix, boolean][] = [...(data.fix ? [[data.fix, true] as [Fix, boolean]] : []), ...(data.suggestions ?? []).map((s) => [s, false] as [Fix, boolean])];
    for (const [fix, preferred] of fixes) {
      const edits = output.source && fixToEdits(output.source, fix);
      if (!edits) continue;
      actions.push({ title: fix.message[lang], kind: CodeActionKind.QuickFix, diagnostics: [match], isPreferred: preferred, edit: versionedEdit(doc, toLspEdits(output.lines, edits)) });
    }
    actions.push(disableForLine(output, match, d.code, input), disableForFile(output, match, d.code, input));
    const href = docsUri(d.code);
    if (href) actions.push({ title: text(lang, 'showRuleDoc', { rule: d.code }), kind: CodeActionKind.QuickFix, command: { title: 'planlint', command: 'planlint.openRuleDoc', arguments: [href] } });
  }
  return actions;
}

/** `# planlint-disable-next-line <rule> -- 原因` above the diagnostic's line, at its indentation. */
function disableForLine(output: CheckOutput, d: Diagnostic, rule: string, { doc, lang }: CodeActionInput): CodeAction {
  const line = d.range.start.line;
  const indent = /^\s*(-\s+)?/.exec(output.lines.lineText(line))?.[0].replace(/-/g, ' ') ?? '';
  const comment = `${indent}# planlint-disable-next-line ${rule} -- ${text(lang, 'reasonPlaceholder')}${lineBreak(output)}`;
  const at = { line, character: 0 };
  return { title: text(lang, 'disableLine', { rule }), kind: CodeActionKind.QuickFix, diagnostics: [d], edit: versionedEdit(doc, [{ range: { start: at, end: at }, newText: comment }]) };
}

/** `# planlint-disable-file <rule> -- 原因` as the file's first line (after a byte-order mark). */
function disableForFile(output: CheckOutput, d: Diagnostic, rule: string, { doc, lang }: CodeActionInput): CodeAction {
  const comment = `# planlint-disable-file ${rule} -- ${text(lang, 'reasonPlaceholder')}${lineBreak(output)}`;
  const at = { line: 0, character: output.text.startsWith('\uFEFF') ? 1 : 0 };
  return { title: text(lang, 'disableFile', { rule }), kind: CodeActionKind.QuickFix, diagnostics: [d], edit: versionedEdit(doc, [{ range: { start: at, end: at }, newText: comment }]) };
}

/** By check, its text's line break: the "disable" actions of every diagnostic need it, and a search of the whole text for each took 50,000 diagnostics quadratic time. */
const lineBreaks = new WeakMap<CheckOutput, string>();

function lineBreak(output: CheckOutput): string {
  let found = lineBreaks.get(output);
  if (found === undefined) lineBreaks.set(output, (found = output.text.includes('\r\n') ? '\r\n' : '\n'));
  return found;
}

/** What identifies a diagnostic of a version: its rule, message and range (undefined for one with no rule as text). */
function diagnosticKey(d: Diagnostic): string | undefined {
  if (typeof d.code !== 'string' || typeof d.message !== 'string') return undefined;
  const { start, end } = d.range;
  return JSON.stringify([d.code, d.message, start.line, start.character, end.line, end.character]);
}

/** One edit covering only what differs between two texts, so untouched lines are not rewritten. */
function minimalEdit(before: string, after: string, output: CheckOutput): LspTextEdit {
  const { start, end, delta } = changedSpan(before, after);
  return { range: toRange(output.lines, { start, end }), newText: after.slice(start, end + delta) };
}
