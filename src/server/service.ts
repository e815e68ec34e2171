import type {
  CodeAction, CodeActionContext, CompletionItem, Diagnostic, DocumentSymbol, Hover, InlayHint, Location, Position, Range, WorkspaceEdit,
} from 'vscode-languageserver-types';
import { checkText, type CheckOptions, type CheckOutput, type Config, type Lang, type Unit } from '../engine/index.js';
import { codeActions } from '../language/code-actions.js';
import { complete } from '../language/completion.js';
import { shownByYamlServer, toDiagnostics } from '../language/diagnostics.js';
import { hover } from '../language/hover.js';
import { inlayHints } from '../language/inlay-hints.js';
import { prepareRename, rename } from '../language/rename.js';
import { documentSymbols } from '../language/symbols.js';
import type { RenameRefused } from '../language/rename-check.js';
import { unitAt, unitLocations } from '../language/units.js';
import type { ConfigSettings } from './settings.js';
import { CommittedChecks, onlyNewFindings } from './since-commit.js';

/** Where configuration comes from: .planlint.yaml and its packs, read in the checking thread under the watchdog. */
export interface ConfigSource {
  forDocument(uri: string, settings: ConfigSettings): { config: Config; relativePath?: string };
  clear(): void;
}

/** How to check a synced version: check options, or (from the server) the settings to find its config with. */
export interface SyncOptions extends CheckOptions {
  /** The editor's settings: the config is looked up for the document from them, when it is checked. */
  settings?: ConfigSettings;
  /** The last committed text (`planlint.onlyNewSinceCommit`): diagnostics show only what is new against it. */
  committedText?: string;
  /** Another YAML server shows this document's syntax errors (`planlint.syntaxErrors`): diagnostics leave them out. */
  hideYamlSyntax?: boolean;
}

/** A document as the service knows it: one version's text and the options to check it with. */
interface Doc {
  uri: string;
  version: number;
  text: string;
  options: SyncOptions;
}

/**
 * Every question planlint answers about a plan document, answered from its check by the pure
 * functions of src/language: this class keeps the documents and one check per version, and
 * dispatches. No connection: the server runs it in a worker thread, so a long check never blocks the protocol.
 */
export class LanguageService {
  private readonly docs = new Map<string, Doc>();
  private readonly outputs = new Map<string, { version: number; output: CheckOutput; options: CheckOptions }>();
  // The units of the last version that parsed, so completion still knows them while a line is half
  // typed (only the units: a whole model of a large plan is tens of MB).
  private readonly lastUnits = new Map<string, Unit[]>();
  private readonly committed = new CommittedChecks();

  constructor(
    private readonly lang: Lang,
    private readonly docsUri: (ruleId: string) => string | undefined,
    /** Told which rule (or phase) a check is in, for the watchdog. */
    private readonly onRule?: (ruleId: string) => void,
    private readonly configs?: ConfigSource,
  ) {}

  /** Makes `version` of a document the one every answer is about. */
  sync(uri: string, version: number, text: string, options: SyncOptions): void {
    this.docs.set(uri, { uri, version, text, options });
  }

  close(uri: string): void {
    this.docs.delete(uri);
    this.outputs.delete(uri);
    this.lastUnits.delete(uri);
    this.committed.forget(uri);
  }

  /** Forgets every check and config, for when settings or configs change. */
  reset(): void {
    this.outputs.clear();
    this.committed.forget();
    this.configs?.clear();
  }

  private current(uri: string): { doc: Doc; output: CheckOutput; options: CheckOptions } | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    const cached = this.outputs.get(uri);
    if (cached?.version === doc.version) return { doc, output: cached.output, options: cached.options };
    // Let the old version's check go before the new one is built (on a large plan each takes
    // hundreds of MB), all but its reading, which the new one re-uses where the edit left it alone.
    const previous = cached?.output.source;
    this.outputs.delete(uri);
    const options = this.checkOptions(doc);
    const output = checkText(doc.text, { ...options, onRule: this.onRule, previous });
    this.outputs.set(uri, { version: doc.version, output, options });
    if (output.plan) this.lastUnits.set(uri, output.plan.units);
    return { doc, output, options };
  }

  /** The options a version is checked with: its config is read here, in the phase the watchdog calls `config`. */
  private checkOptions(doc: Doc): CheckOptions {
    const { settings, ...options } = doc.options;
    if (!settings || !this.configs) return options;
    this.onRule?.('config');
    const config = this.configs.forDocument(doc.uri, settings);
    // The config is in; what follows is the check's own reading of the text, which the size cap bounds.
    this.onRule?.('read');
    return { ...options, ...config };
  }

  private at(uri: string, position: Position): { doc: Doc; output: CheckOutput; options: CheckOptions; offset: number } | undefined {
    const cur = this.current(uri);
    return cur && { ...cur, offset: cur.output.lines.offset(position) };
  }

  /** The diagnostics of the synced version. */
  diagnostics(uri: string): { version: number; diagnostics: Diagnostic[] } | undefined {
    const cur = this.current(uri);
    if (!cur) return undefined;
    const committed = cur.doc.options.committedText;
    const shown = committed === undefined ? cur.output : onlyNewFindings(cur.output, this.committed.get(uri, committed, cur.options));
    const own = cur.doc.options.hideYamlSyntax ? { ...shown, findings: shown.findings.filter((f) => !shownByYamlServer(f)) } : shown;
    return { version: cur.doc.version, diagnostics: toDiagnostics(own, this.lang, this.docsUri) };
  }

  codeActions(uri: string, params: { context: CodeActionContext }): CodeAction[] {
    const cur = this.current(uri);
    if (!cur) return [];
    const doc = { ...cur.doc, options: cur.options };
    return codeActions(cur.output, params.context, { doc, lang: this.lang, docsUri: this.docsUri });
  }

  hover(uri: string, position: Position): Hover | null {
    const cur = this.at(uri, position);
    return cur ? hover(cur.output, cur.offset, this.lang, cur.options.config?.register) ?? null : null;
  }

  completion(uri: string, position: Position): CompletionItem[] {
    const cur = this.at(uri, position);
    return cur ? complete(cur.output, cur.offset, this.lang, this.lastUnits.get(uri), cur.options.config?.register) : [];
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
    return cur ? prepareRename(cur.output, cur.offset) ?? null : null;
  }

  rename(uri: string, position: Position, newName: string): WorkspaceEdit | RenameRefused | null {
    const cur = this.at(uri, position);
    return cur ? rename(cur.output, cur.doc, cur.offset, newName) ?? null : null;
  }

  symbols(uri: string): DocumentSymbol[] {
    const cur = this.current(uri);
    return cur ? documentSymbols(cur.output, this.lang) : [];
  }

  inlayHints(uri: string, range: Range): InlayHint[] {
    const cur = this.current(uri);
    return cur ? inlayHints(cur.output, range, this.lang) : [];
  }
}
