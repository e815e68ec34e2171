import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type Range, type TextEdit as LspTextEdit } from 'vscode-languageserver-types';
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
  const live = toDiagnostics(output, lang, docsUri);
  for (const d of diagnostics) {
    if (d.source !== 'planlint' || typeof d.code !== 'string') continue;
    // Only act on a diagnostic of this very version: an edit computed for an older text is never offered.
    const match = live.find((x) => x.code === d.code && x.message === d.message && sameRange(x.range, d.range));
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

const lineBreak = (output: CheckOutput) => (output.text.includes('\r\n') ? '\r\n' : '\n');

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** One edit covering only what differs between two texts, so untouched lines are not rewritten. */
function minimalEdit(before: string, after: string, output: CheckOutput): LspTextEdit {
  const { start, end, delta } = changedSpan(before, after);
  return { range: toRange(output.lines, { start, end }), newText: after.slice(start, end + delta) };
}
