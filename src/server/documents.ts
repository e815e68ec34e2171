import type { CancellationToken, Connection, ResponseError, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isPlanFile } from '../engine/index.js';
import { CommittedVersions } from './committed.js';
import type { LargeFiles } from './large-files.js';
import type { EditorSettingsCache } from './settings.js';
import type { ServiceThread, Stopped } from './worker-client.js';
import type { CalledMethod, DocumentArgs, ServiceAnswers } from './worker-protocol.js';

/**
 * Edits closer together than this are checked once. Beyond that, edits that arrive while a check
 * runs are checked together when it ends: never two checks of one document at a time, never a wait
 * longer than the check in progress.
 */
const SETTLE_MS = 5;
/** Phases of a check that are not rules: a stop there is not a rule's failure. */
const NOT_RULES = new Set(['idle', 'read', 'schema', 'packs', 'config']);

/**
 * The open documents as the checking thread sees them: which version it has, when each is checked
 * (single-flight per document), and the publishing of its diagnostics for the version checked.
 */
export class DocumentChecks {
  // The version of each document the checking thread has.
  private readonly synced = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  // Documents with a check in flight, and those edited meanwhile.
  private readonly checking = new Set<string>();
  private readonly stale = new Set<string>();
  /** Rules stopped by the watchdog: skipped from then on, and reported on every plan. */
  readonly failedRules = new Map<string, string>();
  // Why reading the config stopped the checking thread, if it did: plans are checked without it until it changes.
  private configStopped: string | undefined;
  service: ServiceThread | undefined;
  private readonly committed = new CommittedVersions();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: EditorSettingsCache,
    private readonly large: LargeFiles,
  ) {}

  /** Checks on open, on each edit of a normal document and on save of a large one; forgets on close. */
  listen(): void {
    this.documents.onDidOpen(({ document: { uri } }) => {
      this.scheduleCheck(uri, 0);
      void this.large.isLarge(uri).then((large) => large && this.large.noticeOnce(uri));
    });
    this.documents.onDidChangeContent(({ document: { uri } }) => {
      void this.large.isLarge(uri).then((large) => (large ? this.large.noticeOnce(uri) : this.scheduleCheck(uri, SETTLE_MS)));
    });
    this.documents.onDidSave(({ document: { uri } }) => {
      void this.large.isLarge(uri).then((large) => large && this.scheduleCheck(uri, 0));
      void this.settings.get(uri).then((s) => s.onlyNewSinceCommit && this.recommitted(uri));
    });
    this.documents.onDidClose(({ document: { uri } }) => this.forget(uri));
  }

  /** An answer of the checking thread about a document's current version, or `fallback` for a document it does not check. */
  async ask<K extends CalledMethod>(method: K, uri: string, args: DocumentArgs<K>, fallback: ServiceAnswers[K], token?: CancellationToken): Promise<ServiceAnswers[K] | ResponseError<void>> {
    if (!this.service || !(await this.ensureSynced(uri))) return fallback;
    try {
      return await this.service.call(method, uri, args, token);
    } catch (error) {
      // The thread was restarted under this request; the editor asks again.
      this.connection.console.error(String(error));
      return fallback;
    }
  }

  /** Gives the checking thread the current version of a plan document; undefined if it is not one, or disabled. */
  private async ensureSynced(uri: string): Promise<TextDocument | undefined> {
    const doc = this.documents.get(uri);
    if (!doc || !isPlanFile(uri) || !this.service) return undefined;
    const { enable, rules, configPath, onlyNewSinceCommit, syntaxErrors } = await this.settings.get(uri);
    if (!enable) return undefined;
    const committedText = onlyNewSinceCommit ? await this.committed.get(uri) : undefined;
    if (this.synced.get(uri) !== doc.version) {
      const failedRules = [...this.failedRules].map(([rule, detail]) => ({ rule, detail }));
      if (this.configStopped) failedRules.push({ rule: '.planlint.yaml', detail: this.configStopped });
      const settings = { rules, configPath, ignoreConfigFile: this.configStopped !== undefined };
      const hideYamlSyntax = syntaxErrors === 'never';
      this.service.post('sync', uri, doc.version, doc.getText(), { settings, failedRules, hideYamlSyntax, ...(committedText === undefined ? {} : { committedText }) });
      this.synced.set(uri, doc.version);
    }
    return doc;
  }

  scheduleCheck(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.checkOneAtATime(uri).catch((error: unknown) => this.connection.console.error(`planlint: ${String(error)}`));
    }, delay));
  }

  /** Checks a document unless a check of it is running; then once more when that one ends. */
  private async checkOneAtATime(uri: string): Promise<void> {
    if (this.checking.has(uri)) {
      this.stale.add(uri);
      return;
    }
    this.checking.add(uri);
    try {
      await this.checkAndPublish(uri);
    } finally {
      this.checking.delete(uri);
      if (this.stale.delete(uri)) this.scheduleCheck(uri, 0);
    }
  }

  private async checkAndPublish(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc || !isPlanFile(uri)) return;
    const version = doc.version;
    if (!(await this.settings.get(uri)).enable) {
      void this.connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const result = await this.ask('diagnostics', uri, [], undefined);
    if (!result || !('diagnostics' in result)) return;
    // A newer version arrived meanwhile: its own check will publish, never this stale one.
    if (this.documents.get(uri)?.version !== version || result.version !== version) return;
    void this.connection.sendDiagnostics({ uri, version, diagnostics: result.diagnostics });
  }

  /** Settings or config files changed: every document is synced and checked again. */
  recheckAll(): void {
    this.configStopped = undefined;
    this.committed.forget();
    this.synced.clear();
    this.service?.post('reset');
    for (const d of this.documents.all()) this.scheduleCheck(d.uri, 0);
  }

  /** The watchdog stopped the checking thread: what it was in is skipped from now on, and every plan is checked again. */
  stopped(why: Stopped): void {
    if (why.phase === 'config') this.configStopped = why.detail;
    else if (!NOT_RULES.has(why.phase)) this.failedRules.set(why.phase, why.detail);
    this.connection.console.error(`planlint: the checking thread was stopped in ${why.phase}: ${why.detail}`);
    this.synced.clear();
    for (const d of this.documents.all()) this.scheduleCheck(d.uri, 0);
  }

  /** Saved: the last commit may have moved meanwhile; read it again and check once more against it. */
  private recommitted(uri: string): void {
    this.committed.forget(uri);
    this.synced.delete(uri);
    this.scheduleCheck(uri, 0);
  }

  private forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.committed.forget(uri);
    this.service?.post('close', uri);
    this.synced.delete(uri);
    this.large.forget(uri);
    this.settings.forget(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
