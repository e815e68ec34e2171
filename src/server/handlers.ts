import { CodeActionKind, ErrorCodes, ResponseError, TextDocumentSyncKind, type CancellationToken, type Connection, type ServerCapabilities } from 'vscode-languageserver/node';
import type { Lang } from '../engine/index.js';
import { FIX_ALL_KIND } from '../language/code-actions.js';
import { isRenameRefused } from '../language/rename-check.js';
import type { CalledMethod, DocumentArgs, ServiceAnswers } from './worker-protocol.js';

/** What the server offers; each request below is answered by the service method of the same row. */
export const CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
  hoverProvider: true,
  completionProvider: { triggerCharacters: [' ', '[', ',', ':', '-'] },
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: true,
  inlayHintProvider: true,
};

/** Asks the service method `K` about a document, or answers `fallback` for one it does not check. */
type Answer<K extends CalledMethod> = (uri: string, args: DocumentArgs<K>, fallback: ServiceAnswers[K], token: CancellationToken) => Promise<ServiceAnswers[K] | ResponseError<void>>;

interface Route<K extends CalledMethod> {
  /** Asked for on every keystroke or cursor move: off for large files. */
  frequent?: boolean;
  /** Registers the LSP request and turns its params into the method's arguments. */
  listen: (connection: Connection, answer: Answer<K>, lang: () => Lang) => void;
}

/** The one table from LSP request to service method (the key). */
const ROUTES: { [K in Exclude<CalledMethod, 'diagnostics'>]: Route<K> } = {
  codeActions: { frequent: true, listen: (c, answer) => c.onCodeAction((p, t) => answer(p.textDocument.uri, [{ context: p.context }], [], t)) },
  hover: { frequent: true, listen: (c, answer) => c.onHover((p, t) => answer(p.textDocument.uri, [p.position], null, t)) },
  completion: { frequent: true, listen: (c, answer) => c.onCompletion((p, t) => answer(p.textDocument.uri, [p.position], [], t)) },
  inlayHints: { frequent: true, listen: (c, answer) => c.languages.inlayHint.on((p, t) => answer(p.textDocument.uri, [p.range], [], t)) },
  definition: { listen: (c, answer) => c.onDefinition((p, t) => answer(p.textDocument.uri, [p.position], null, t)) },
  references: { listen: (c, answer) => c.onReferences((p, t) => answer(p.textDocument.uri, [p.position, p.context.includeDeclaration], [], t)) },
  prepareRename: { listen: (c, answer) => c.onPrepareRename((p, t) => answer(p.textDocument.uri, [p.position], null, t)) },
  rename: {
    listen: (c, answer, lang) => c.onRenameRequest(async (p, t) => {
      const result = await answer(p.textDocument.uri, [p.position, p.newName], null, t);
      // A refused rename (empty, multi-line, already taken) is an error the editor shows, never a silent no-op.
      return isRenameRefused(result) ? new ResponseError(ErrorCodes.InvalidParams, result.refused[lang()]) : result;
    }),
  },
  symbols: { listen: (c, answer) => c.onDocumentSymbol((p, t) => answer(p.textDocument.uri, [], [], t)) },
};
type Routed = keyof typeof ROUTES;

/** How a routed request is answered: the method, whether it is a frequent one, and the request's arguments. */
export type Dispatch = <K extends Routed>(method: K, frequent: boolean, ...answer: Parameters<Answer<K>>) => Promise<ServiceAnswers[K] | ResponseError<void>>;

/** Registers every request of the table, each answered through `dispatch`. */
export function listenToRequests(connection: Connection, dispatch: Dispatch, lang: () => Lang): void {
  const route = <K extends Routed>(method: K) => {
    const { frequent = false, listen }: Route<K> = ROUTES[method];
    listen(connection, (...answer) => dispatch(method, frequent, ...answer), lang);
  };
  for (const method of Object.keys(ROUTES) as Routed[]) route(method);
}
