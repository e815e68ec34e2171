import type { LanguageService } from './service.js';

/**
 * What the protocol thread may ask of the language service thread: every public method of the
 * service. The dispatch table (./worker.ts) and the request table (./handlers.ts) are typed by it, so
 * a renamed or retyped method fails to compile, not in the editor.
 */
export type ServiceApi = Pick<LanguageService, keyof LanguageService>;
export type ServiceMethod = keyof ServiceApi;
/** Methods posted without a reply, handled in order with the calls. */
export type PostedMethod = 'sync' | 'close' | 'reset';
/** Methods called with a reply: the answers about one document. */
export type CalledMethod = Exclude<ServiceMethod, PostedMethod>;

export type ServiceArgs = { [K in ServiceMethod]: Parameters<ServiceApi[K]> };
export type ServiceAnswers = { [K in ServiceMethod]: ReturnType<ServiceApi[K]> };
/** A called method's arguments after the document's URI. */
export type DocumentArgs<K extends CalledMethod> = ServiceArgs[K] extends [string, ...infer Rest] ? Rest : never;

/** A call to the language service thread; posted methods carry no id and get no reply. */
export type WorkerRequest = { [K in ServiceMethod]: { id?: number; method: K; args: ServiceArgs[K] } }[ServiceMethod];

/** A reply to a call, or the phase the thread has entered (`config`, `read`, `schema`, a rule id, `idle`). */
export type WorkerReply =
  | { id: number; result: unknown }
  | { id: number; error: string }
  | { id: number; cancelled: true }
  | { phase: string };
