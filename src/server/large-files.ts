import { MessageType, ShowMessageNotification, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lang } from '../engine/index.js';
import { text } from '../language/texts.js';
import type { EditorSettingsCache } from './settings.js';

/**
 * The large-file policy: past `planlint.largeFileSize` a document is checked on open and save only,
 * and the features an editor asks for on every keystroke or cursor move are off, so the machine stays quiet.
 */
export class LargeFiles {
  private readonly sizes = new Map<string, { version: number; limit: number; large: boolean }>();
  // Large documents already told why they are checked on open and save only.
  private readonly noticed = new Set<string>();
  lang: Lang = 'zh-CN';

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: EditorSettingsCache,
  ) {}

  /** Whether a document is past the large-file size. */
  async isLarge(uri: string): Promise<boolean> {
    const doc = this.documents.get(uri);
    if (!doc) return false;
    const limit = (await this.settings.get(uri)).largeFileSize * 1024;
    // Asked on every keystroke and hover: measured once per version and limit.
    const known = this.sizes.get(uri);
    if (known?.version === doc.version && known.limit === limit) return known.large;
    const content = doc.getText();
    // A UTF-16 unit is 1 to 3 bytes in UTF-8: count bytes only when the length alone cannot tell.
    const large = content.length > limit || (content.length * 3 > limit && Buffer.byteLength(content) > limit);
    this.sizes.set(uri, { version: doc.version, limit, large });
    return large;
  }

  /** The gate of the frequent features (hover, completion, inlay hints, code actions): closed for a large document. */
  async frequentFeaturesOff(uri: string): Promise<boolean> {
    return this.isLarge(uri);
  }

  /** Says once per document why it is checked only on open and save. */
  noticeOnce(uri: string): void {
    if (this.noticed.has(uri)) return;
    this.noticed.add(uri);
    const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    // A notification, not a request: a client that cannot show requests must not break the server.
    void this.settings.get(uri).then((s) => this.connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Info,
      message: text(this.lang, 'largeFile', { name, size: s.largeFileSize }),
    }));
  }

  forget(uri: string): void {
    this.noticed.delete(uri);
    this.sizes.delete(uri);
  }
}
