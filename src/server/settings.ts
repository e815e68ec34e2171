import type { Connection } from 'vscode-languageserver/node';
import type { SeveritySetting } from '../engine/index.js';

/** The `planlint.*` settings of the editor. */
export interface EditorSettings {
  enable: boolean;
  /** Severity overrides by rule id, applied over .planlint.yaml. */
  rules: Record<string, SeveritySetting>;
  /** A config file to use instead of looking for .planlint.yaml. */
  configPath: string;
  /** KB above which a file is checked on open and save only, with the frequent features off. */
  largeFileSize: number;
  /** Show only the findings new against the file's last committed version (read with git). */
  onlyNewSinceCommit: boolean;
  /**
   * Whether to publish YAML syntax errors: `never` when another YAML server (yaml-language-server)
   * shows them already. The VS Code client turns `auto` into one of the other two per document; any
   * other editor's `auto` shows them.
   */
  syntaxErrors: 'auto' | 'always' | 'never';
}

/** What finding a document's config takes: sent with each version to the checking thread, which reads the config. */
export interface ConfigSettings extends Pick<EditorSettings, 'rules' | 'configPath'> {
  /** The config files stopped the checking thread once: check without them until they change. */
  ignoreConfigFile?: boolean;
}

const DEFAULT_SETTINGS: EditorSettings = { enable: true, rules: {}, configPath: '', largeFileSize: 5120, onlyNewSinceCommit: false, syntaxErrors: 'auto' };

/** The editor's `planlint.*` settings of each document, pulled once per document until they change. */
export class EditorSettingsCache {
  private readonly cache = new Map<string, Promise<EditorSettings>>();
  /** Whether the editor can be asked (`workspace/configuration`); if not, the defaults hold. */
  pull = false;

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<EditorSettings> {
    if (!this.pull) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'planlint' })
        .then((v: Partial<EditorSettings> | null) => ({ ...DEFAULT_SETTINGS, ...(v ?? {}) }), () => DEFAULT_SETTINGS);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri?: string): void {
    if (uri === undefined) this.cache.clear();
    else this.cache.delete(uri);
  }
}
