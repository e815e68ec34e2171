import {
  CodeActionKind,
  InlayHintKind,
  type CodeAction,
  type CodeActionContext,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type InlayHint,
  type Location,
  type Position,
  type Range,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { changedSpan, checkText, fixAll, fixToEdits, formatNumber, nodeAt, yearlyTotal, type CheckOptions, type CheckOutput, type Fix, type Lang, type TextEdit, type Unit } from '../engine/index.js';
import { complete } from '../language/completion.js';
import { toDiagnostics, type DiagnosticData } from '../language/diagnostics.js';
import { hover, sumMark } from '../language/hover.js';
import { toRange } from '../language/positions.js';
import { documentSymbols } from '../language/symbols.js';
import { renameRefusal, type RenameRefused } from '../language/rename-check.js';
import { allUnitRefs, unitAt, unitLocations, unitRange } from '../language/units.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.planlint`;

/** A document as the service knows it: one version's text and the options to check it with. */
interface Doc {
  uri: string;
  version: number;
  text: string;
  options: CheckOptions;
}

/**
 * Everything planlint answers about a plan document, computed from its check: diagnostics, code
 * actions, hover, completion, navigation, rename, outline and inlay hints. No connection and no I/O:
 * the server runs it in a worker thread, so a long check never blocks the protocol.
 */
export class LanguageService {
  private readonly docs = new Map<string, Doc>();
  private readonly outputs = new Map<string, { version: number; output: CheckOutput }>();
  // The units of the last version that parsed, so completion still knows them while a line is half
  // typed (only the units: a whole model of a large plan is tens of MB).
  private readonly lastUnits = new Map<string, Unit[]>();

  constructor(
    private readonly lang: Lang,
    private readonly docsUri: (ruleId: string) => string | undefined,
    /** Told which rule (or phase) a check is in, for the watchdog. */
    private readonly onRule?: (ruleId: string) => void,
  ) {}

  private t(zh: string, en: string): string {
    return this.lang === 'en' ? en : zh;
  }

  /** Makes `version` of a document the one every answer is about. */
  sync(uri: string, version: number, text: string, options: CheckOptions): void {
    this.docs.set(uri, { uri, version, text, options });
  }

  close(uri: string): void {
    this.docs.delete(uri);
    this.outputs.delete(uri);
    this.lastUnits.delete(uri);
  }

  /** Forgets every check, for when settings or configs change. */
  reset(): void {
    this.outputs.clear();
  }

  private current(uri: string): { doc: Doc; output: CheckOutput } | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    const cached = this.outputs.get(uri);
    if (cached?.version === doc.version) return { doc, output: cached.output };
    // Let the old version's check go before the new one is built (on a large plan each takes
    // hundreds of MB), all but its reading, which the new one re-uses where the edit left it alone.
    const previous = cached?.output.source;
    this.outputs.delete(uri);
    const output = checkText(doc.text, { ...doc.options, onRule: this.onRule, previous });
    this.outputs.set(uri, { version: doc.version, output });
    if (output.plan) this.lastUnits.set(uri, output.plan.units);
    return { doc, output };
  }

  /** The diagnostics of the synced version. */
  diagnostics(uri: string): { version: number; diagnostics: Diagnostic[] } | undefined {
    const cur = this.current(uri);
    if (!cur) return undefined;
    return { version: cur.doc.version, diagnostics: toDiagnostics(cur.output, this.lang, this.docsUri) };
  }

  private at(uri: string, position: Position): { doc: Doc; output: CheckOutput; offset: number } | undefined {
    const cur = this.current(uri);
    return cur && { ...cur, offset: cur.output.lines.offset(position) };
  }

  private versioned(doc: Doc, edits: LspTextEdit[]): WorkspaceEdit {
    return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
  }

  private lspEdits(output: CheckOutput, edits: TextEdit[]): LspTextEdit[] {
    return edits.map((e) => ({ range: toRange(output.lines, e), newText: e.text }));
  }

  codeActions(uri: string, params: { context: CodeActionContext }): CodeAction[] {
    const cur = this.current(uri);
    if (!cur) return [];
    const { doc, output } = cur;
    const actions: CodeAction[] = [];
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    // Fix-all is a source action: offered when asked for (on save, or from the Source Action menu).
    const asked = (kind: string) => !!only?.some((k) => kind === k || kind.startsWith(`${k}.`));
    if (wants(CodeActionKind.QuickFix)) {
      const live = toDiagnostics(output, this.lang, this.docsUri);
      for (const d of params.context.diagnostics) {
        if (d.source !== 'planlint' || typeof d.code !== 'string') continue;
        // Only act on a diagnostic of this very version: an edit computed for an older text is never offered.
        const match = live.find((x) => x.code === d.code && x.message === d.message && sameRange(x.range, d.range));
        if (!match) continue;
        const data = match.data as DiagnosticData;
        const fixes: [Fix, boolean][] = [...(data.fix ? [[data.fix, true] as [Fix, boolean]] : []), ...(data.suggestions ?? []).map((s) => [s, false] as [Fix, boolean])];
        for (const [fix, preferred] of fixes) {
          const edits = output.source && fixToEdits(output.source, fix);
          if (!edits) continue;
          actions.push({ title: fix.message[this.lang], kind: CodeActionKind.QuickFix, diagnostics: [match], isPreferred: preferred, edit: this.versioned(doc, this.lspEdits(output, edits)) });
        }
        actions.push(this.disableAction(doc, output, match, String(d.code)));
        const href = this.docsUri(String(d.code));
        if (href) actions.push({ title: this.t(`查看规则 ${d.code} 的说明`, `Show documentation for ${d.code}`), kind: CodeActionKind.QuickFix, command: { title: 'planlint', command: 'planlint.openRuleDoc', arguments: [href] } });
      }
    }
    if (asked(FIX_ALL_KIND)) {
      // The first pass starts from this version's check, already done.
      const result = fixAll(doc.text, doc.options, undefined, output);
      if (result.applied > 0) {
        actions.push({ title: this.t('修复全部可安全修复的问题', 'Fix all safe problems'), kind: FIX_ALL_KIND, edit: this.versioned(doc, [minimalEdit(doc.text, result.text, output)]) });
      }
    }
    return actions;
  }

  private disableAction(doc: Doc, output: CheckOutput, d: Diagnostic, rule: string): CodeAction {
    const line = d.range.start.line;
    const lineText = output.lines.lineText(line);
    const indent = /^\s*(-\s+)?/.exec(lineText)?.[0].replace(/-/g, ' ') ?? '';
    const eol = output.text.includes('\r\n') ? '\r\n' : '\n';
    const text = `${indent}# planlint-disable-next-line ${rule} -- ${this.t('原因', 'reason')}${eol}`;
    const at = { line, character: 0 };
    return { title: this.t(`在此行禁用 ${rule}`, `Disable ${rule} for this line`), kind: CodeActionKind.QuickFix, diagnostics: [d], edit: this.versioned(doc, [{ range: { start: at, end: at }, newText: text }]) };
  }

  hover(uri: string, position: Position): Hover | null {
    const cur = this.at(uri, position);
    return cur ? hover(cur.output, cur.offset, this.lang) ?? null : null;
  }

  completion(uri: string, position: Position): CompletionItem[] {
    const cur = this.at(uri, position);
    return cur ? complete(cur.output, cur.offset, this.lang, this.lastUnits.get(uri)) : [];
  }

  definition(uri: string, position: Position): Location | null {
    const cur = this.at(uri, position);
    if (!cur) return null;
    const unit = unitAt(cur.output, cur.offset);
    return unit ? unitLocations(cur.output, uri, unit.name).declaration ?? null : null;
  }

  references(uri: string, position: Position, includeDeclaration: boolean): Location[] {
    const cur = this.at(uri, position);
    const unit = cur && unitAt(cur.output, cur.offset);
    if (!cur || !unit) return [];
    const { declaration, references } = unitLocations(cur.output, uri, unit.name);
    return [...(includeDeclaration && declaration ? [declaration] : []), ...references];
  }

  prepareRename(uri: string, position: Position): Range | null {
    const cur = this.at(uri, position);
    return cur ? unitRange(cur.output, cur.offset) ?? null : null;
  }

  rename(uri: string, position: Position, newName: string): WorkspaceEdit | RenameRefused | null {
    const cur = this.at(uri, position);
    if (!cur?.output.source || !cur.output.plan) return null;
    const { output, doc } = cur;
    const plan = output.plan!;
    const at = unitAt(output, cur.offset);
    if (!at) return null;
    const unit = plan.units.find((u) => u.name === at.name || u.aliases.includes(at.name));
    const names = new Set(unit ? [unit.name] : [at.name]);
    const refused = renameRefusal(plan, unit?.name ?? at.name, newName);
    if (refused) return { refused };
    const paths = [
      ...(unit ? [[...unit.path, 'name']] : []),
      ...allUnitRefs(plan).filter((r) => names.has(r.name)).map((r) => r.path),
    ];
    const edits = fixToEdits(output.source!, { messageId: 'rename', message: { 'zh-CN': '', en: '' }, operations: paths.map((p) => ({ op: 'set' as const, path: p, value: newName })) });
    return edits ? this.versioned(doc, this.lspEdits(output, edits)) : null;
  }

  symbols(uri: string): DocumentSymbol[] {
    const cur = this.current(uri);
    return cur ? documentSymbols(cur.output) : [];
  }

  inlayHints(uri: string, range: Range): InlayHint[] {
    const cur = this.current(uri);
    if (!cur?.output.plan || !cur.output.source) return [];
    const { output } = cur;
    const plan = output.plan!;
    const hints: InlayHint[] = [];
    for (const ind of plan.allIndicators) {
      const total = yearlyTotal(ind, output.sumTolerance);
      if (!total || !ind.overall) continue;
      const node = nodeAt(output.source!.root, ind.overall.path);
      if (!node) continue;
      const pos = output.lines.position(node.end);
      if (pos.line < range.start.line || pos.line > range.end.line) continue;
      hints.push({ position: pos, label: ` Σ ${formatNumber(total.sum)}${sumMark(total)}`, kind: InlayHintKind.Parameter, paddingLeft: true, tooltip: this.t('年度目标合计与总体目标', 'Sum of the yearly targets against the overall target') });
    }
    return hints;
  }
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** One edit covering only what differs between two texts, so untouched lines are not rewritten. */
function minimalEdit(before: string, after: string, output: CheckOutput): LspTextEdit {
  const { start, end, delta } = changedSpan(before, after);
  return { range: toRange(output.lines, { start, end }), newText: after.slice(start, end + delta) };
}
