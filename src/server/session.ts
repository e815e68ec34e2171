import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  InlayHintKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeResult,
  type InlayHint,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText, type CheckOutput } from '../engine/check.js';
import { formatNumber } from '../engine/messages.js';
import { fixAll } from '../engine/fix-all.js';
import { fixToEdits } from '../engine/fix.js';
import { nodeAt } from '../engine/locate.js';
import { ruleMeta } from '../engine/messages.js';
import type { Fix, Lang, TextEdit } from '../engine/types.js';
import { complete } from '../language/completion.js';
import { toDiagnostics, type DiagnosticData } from '../language/diagnostics.js';
import { hover } from '../language/hover.js';
import { toRange } from '../language/positions.js';
import { documentSymbols } from '../language/symbols.js';
import { allUnitRefs, unitAt, unitLocations, unitRange } from '../language/units.js';
import { ConfigCache, DEFAULT_SETTINGS, type EditorSettings } from './settings.js';

const PLAN_FILE = /\.plan\.ya?ml$/i;
/**
 * How long to wait after an edit before checking: as long as the last check of that document took,
 * within bounds. A small plan is checked almost at once; on a large one a burst of keystrokes is
 * checked once, and the server never spends more than about half its time checking while typing.
 */
const DEBOUNCE = { min: 5, cheap: 50, max: 400 };
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.planlint`;

/** Wires a language server connection to the engine. All state is per document version. */
export function startSession(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const configs = new ConfigCache();
  const settingsCache = new Map<string, Promise<EditorSettings>>();
  const outputs = new Map<string, { version: number; output: CheckOutput }>();
  // The last model that parsed, so completion still knows the units while a line is half typed.
  const lastPlans = new Map<string, NonNullable<CheckOutput['plan']>>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const checkTimes = new Map<string, { last: number; estimate: number }>();
  let lang: Lang = 'zh-CN';
  let pullSettings = false;
  const docsRoot = path.resolve(__dirname, '..', 'rules');

  const docsUri = (ruleId: string) => (ruleMeta(ruleId) ? pathToFileURL(path.join(docsRoot, ruleId, 'README.md')).toString() : undefined);
  const t = (zh: string, en: string) => (lang === 'en' ? en : zh);

  connection.onInitialize((params): InitializeResult => {
    const locale = (params.initializationOptions as { locale?: string } | undefined)?.locale ?? params.locale ?? '';
    lang = /^en/i.test(locale) ? 'en' : 'zh-CN';
    pullSettings = !!params.capabilities.workspace?.configuration;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', '[', ',', ':', '-'] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        inlayHintProvider: true,
        executeCommandProvider: { commands: [] },
      },
      serverInfo: { name: 'planlint' },
    };
  });

  connection.onInitialized(() => {
    if (pullSettings) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'planlint' });
  });

  async function settingsFor(uri: string): Promise<EditorSettings> {
    if (!pullSettings) return DEFAULT_SETTINGS;
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'planlint' })
        .then((v: Partial<EditorSettings> | null) => ({ ...DEFAULT_SETTINGS, ...(v ?? {}) }), () => DEFAULT_SETTINGS);
      settingsCache.set(uri, s);
    }
    return s;
  }

  /** The check of a document's current version, computed once per version. */
  async function analyze(doc: TextDocument): Promise<CheckOutput> {
    const cached = outputs.get(doc.uri);
    if (cached?.version === doc.version) return cached.output;
    const settings = await settingsFor(doc.uri);
    const { config, relativePath } = configs.forDocument(doc.uri, settings);
    const started = performance.now();
    const output = checkText(doc.getText(), { config, relativePath });
    // The smaller of the last two times: the first check of a file runs cold and says little.
    const took = performance.now() - started;
    checkTimes.set(doc.uri, { last: took, estimate: Math.min(took, checkTimes.get(doc.uri)?.last ?? took) });
    outputs.set(doc.uri, { version: doc.version, output });
    if (output.plan) lastPlans.set(doc.uri, output.plan);
    return output;
  }

  /** The current output, if the document is a plan file the user has not disabled. */
  async function current(uri: string): Promise<{ doc: TextDocument; output: CheckOutput } | undefined> {
    const doc = documents.get(uri);
    if (!doc || !PLAN_FILE.test(uri) || !(await settingsFor(uri)).enable) return undefined;
    return { doc, output: await analyze(doc) };
  }

  async function validate(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc || !PLAN_FILE.test(uri)) return;
    const version = doc.version;
    const settings = await settingsFor(uri);
    if (!settings.enable) {
      void connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const output = await analyze(doc);
    // A newer version arrived meanwhile: its own check will publish, never this stale one.
    if (documents.get(uri)?.version !== version) return;
    void connection.sendDiagnostics({ uri, version, diagnostics: toDiagnostics(output, lang, docsUri) });
  }

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      validate(uri).catch((error: unknown) => connection.console.error(`planlint: ${String(error)}`));
    }, delay));
  }

  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => {
    const last = checkTimes.get(e.document.uri)?.estimate ?? DEBOUNCE.max;
    // A check that cheap is not worth holding back; a larger one waits about as long as it takes.
    schedule(e.document.uri, last < DEBOUNCE.cheap ? DEBOUNCE.min : Math.min(DEBOUNCE.max, Math.round(last)));
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    outputs.delete(e.document.uri);
    lastPlans.delete(e.document.uri);
    checkTimes.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    configs.clear();
    outputs.clear();
    for (const d of documents.all()) schedule(d.uri, 0);
  });
  connection.onDidChangeWatchedFiles(() => {
    configs.clear();
    outputs.clear();
    for (const d of documents.all()) schedule(d.uri, 0);
  });

  const lspEdits = (output: CheckOutput, edits: TextEdit[]): LspTextEdit[] =>
    edits.map((e) => ({ range: toRange(output.lines, e), newText: e.text }));

  const versioned = (doc: TextDocument, edits: LspTextEdit[]) => ({
    documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }],
  });

  connection.onCodeAction(async (params) => {
    const cur = await current(params.textDocument.uri);
    if (!cur) return [];
    const { doc, output } = cur;
    const actions: CodeAction[] = [];
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    // Fix-all is a source action: offered when asked for (on save, or from the Source Action menu).
    const asked = (kind: string) => !!only?.some((k) => kind === k || kind.startsWith(`${k}.`));
    if (wants(CodeActionKind.QuickFix)) {
      const current = toDiagnostics(output, lang, docsUri);
      for (const d of params.context.diagnostics) {
        if (d.source !== 'planlint' || typeof d.code !== 'string') continue;
        // Only act on a diagnostic of this very version: an edit computed for an older text is never offered.
        const live = current.find((x) => x.code === d.code && x.message === d.message && sameRange(x, d));
        if (!live) continue;
        const data = live.data as DiagnosticData;
        const fixes: [Fix, boolean][] = [...(data.fix ? [[data.fix, true] as [Fix, boolean]] : []), ...(data.suggestions ?? []).map((s) => [s, false] as [Fix, boolean])];
        for (const [fix, preferred] of fixes) {
          const edits = output.source && fixToEdits(output.source, fix);
          if (!edits) continue;
          actions.push({ title: fix.message[lang], kind: CodeActionKind.QuickFix, diagnostics: [live], isPreferred: preferred, edit: versioned(doc, lspEdits(output, edits)) });
        }
        actions.push(disableAction(doc, output, live, String(d.code)));
        const href = docsUri(String(d.code));
        if (href) actions.push({ title: t(`查看规则 ${d.code} 的说明`, `Show documentation for ${d.code}`), kind: CodeActionKind.QuickFix, command: { title: 'planlint', command: 'planlint.openRuleDoc', arguments: [href] } });
      }
    }
    if (asked(FIX_ALL_KIND)) {
      // The first pass starts from this version's check, already done.
      const result = fixAll(doc.getText(), configs.forDocument(doc.uri, await settingsFor(doc.uri)), undefined, output);
      if (result.applied > 0) {
        actions.push({ title: t('修复全部可安全修复的问题', 'Fix all safe problems'), kind: FIX_ALL_KIND, edit: versioned(doc, [minimalEdit(doc.getText(), result.text, output)]) });
      }
    }
    return actions;
  });

  function disableAction(doc: TextDocument, output: CheckOutput, d: Diagnostic, rule: string): CodeAction {
    const line = d.range.start.line;
    const lineText = output.lines.lineText(line);
    const indent = /^\s*(-\s+)?/.exec(lineText)?.[0].replace(/-/g, ' ') ?? '';
    const eol = output.text.includes('\r\n') ? '\r\n' : '\n';
    const text = `${indent}# planlint-disable-next-line ${rule} -- ${t('原因', 'reason')}${eol}`;
    const at = { line, character: 0 };
    return { title: t(`在此行禁用 ${rule}`, `Disable ${rule} for this line`), kind: CodeActionKind.QuickFix, diagnostics: [d], edit: versioned(doc, [{ range: { start: at, end: at }, newText: text }]) };
  }

  connection.onHover(async (params) => {
    const cur = await current(params.textDocument.uri);
    return cur ? hover(cur.output, cur.doc.offsetAt(params.position), lang) ?? null : null;
  });

  connection.onCompletion(async (params) => {
    const cur = await current(params.textDocument.uri);
    return cur ? complete(cur.output, cur.doc.offsetAt(params.position), lang, lastPlans.get(cur.doc.uri)) : [];
  });

  connection.onDefinition(async (params) => {
    const cur = await current(params.textDocument.uri);
    if (!cur) return null;
    const at = unitAt(cur.output, cur.doc.offsetAt(params.position));
    return at ? unitLocations(cur.output, cur.doc.uri, at.name).declaration ?? null : null;
  });

  connection.onReferences(async (params) => {
    const cur = await current(params.textDocument.uri);
    if (!cur) return [];
    const at = unitAt(cur.output, cur.doc.offsetAt(params.position));
    if (!at) return [];
    const { declaration, references } = unitLocations(cur.output, cur.doc.uri, at.name);
    return [...(params.context.includeDeclaration && declaration ? [declaration] : []), ...references];
  });

  connection.onPrepareRename(async (params) => {
    const cur = await current(params.textDocument.uri);
    return cur ? unitRange(cur.output, cur.doc.offsetAt(params.position)) ?? null : null;
  });

  connection.onRenameRequest(async (params) => {
    const cur = await current(params.textDocument.uri);
    if (!cur?.output.source || !cur.output.plan) return null;
    const { output, doc } = cur;
    const at = unitAt(output, doc.offsetAt(params.position));
    if (!at) return null;
    const unit = output.plan!.units.find((u) => u.name === at.name || u.aliases.includes(at.name));
    const names = new Set(unit ? [unit.name] : [at.name]);
    const paths = [
      ...(unit ? [[...unit.path, 'name']] : []),
      ...allUnitRefs(output.plan!).filter((r) => names.has(r.name)).map((r) => r.path),
    ];
    const edits = fixToEdits(output.source!, { messageId: 'rename', message: { 'zh-CN': '', en: '' }, operations: paths.map((p) => ({ op: 'set' as const, path: p, value: params.newName })) });
    return edits ? versioned(doc, lspEdits(output, edits)) : null;
  });

  connection.onDocumentSymbol(async (params) => {
    const cur = await current(params.textDocument.uri);
    return cur ? documentSymbols(cur.output) : [];
  });

  connection.languages.inlayHint.on(async (params) => {
    const cur = await current(params.textDocument.uri);
    if (!cur?.output.plan || !cur.output.source) return [];
    const { output } = cur;
    const hints: InlayHint[] = [];
    for (const ind of output.plan!.allIndicators) {
      if (ind.kind !== 'increment' || ind.yearly.length === 0 || !ind.overall) continue;
      const node = nodeAt(output.source!.root, ind.overall.path);
      if (!node) continue;
      const pos = output.lines.position(node.end);
      if (pos.line < params.range.start.line || pos.line > params.range.end.line) continue;
      const sum = ind.yearly.reduce((a, y) => a + y.value, 0);
      const ok = Math.abs(sum - ind.overall.value) < 1e-9;
      hints.push({ position: pos, label: ok ? ` Σ ${formatNumber(sum)} ✓` : ` Σ ${formatNumber(sum)} ≠ ${formatNumber(ind.overall.value)}`, kind: InlayHintKind.Parameter, paddingLeft: true, tooltip: t('年度目标合计与总体目标', 'Sum of the yearly targets against the overall target') });
    }
    return hints;
  });

  documents.listen(connection);
  connection.listen();
}

function sameRange(a: Diagnostic, b: Diagnostic): boolean {
  return a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character && a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character;
}

/** One edit covering only what differs between two texts, so untouched lines are not rewritten. */
function minimalEdit(before: string, after: string, output: CheckOutput): LspTextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { range: toRange(output.lines, { start, end: before.length - end }), newText: after.slice(start, after.length - end) };
}
