import { fileURLToPath } from 'node:url';
import { readAtRevision } from '../node/git.js';

/**
 * The last committed text of each open plan (`planlint.onlyNewSinceCommit`), read with git itself,
 * once per document until it is saved or the settings change: a commit is made outside the editor,
 * and a save is when a drafter looks again.
 */
export class CommittedVersions {
  private readonly texts = new Map<string, Promise<string | undefined>>();

  /** The text at HEAD; undefined for a file git does not have there (new, untracked, outside a repository, or no git). */
  get(uri: string): Promise<string | undefined> {
    let text = this.texts.get(uri);
    if (!text) {
      text = uri.startsWith('file:')
        ? readAtRevision(fileURLToPath(uri), 'HEAD').then((r) => (r.ok && 'text' in r ? r.text : undefined), () => undefined)
        : Promise.resolve(undefined);
      this.texts.set(uri, text);
    }
    return text;
  }

  forget(uri?: string): void {
    if (uri === undefined) this.texts.clear();
    else this.texts.delete(uri);
  }
}
