/** A call to the language service thread; `sync`, `close` and `reset` carry no id and get no reply. */
export interface WorkerRequest {
  id?: number;
  method: string;
  args: unknown[];
}

/** A reply to a call, or the phase the thread has entered (`read`, `schema`, a rule id, `idle`). */
export type WorkerReply =
  | { id: number; result: unknown }
  | { id: number; error: string }
  | { id: number; cancelled: true }
  | { phase: string };
