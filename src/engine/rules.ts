import type { Plan } from './model.js';
import type { MessageData } from './messages.js';
import type { DataPath, FixOperation, PathTarget } from './types.js';

/** A fix as a rule states it: a message id of the rule's `fixes`, its data, and the operations. */
export interface FixSpec {
  messageId: string;
  data?: MessageData;
  operations: FixOperation[];
}

/** What a rule reports: a message id with its data, and the data path it is about. */
export interface Report {
  messageId: string;
  data?: MessageData;
  path: DataPath;
  target?: PathTarget;
  fix?: FixSpec;
  suggestions?: FixSpec[];
}

/** What a rule's check sees. */
export interface RuleContext {
  plan: Plan;
  /** The rule's options: the defaults of its option schema, overridden by .planlint.yaml. */
  options: Record<string, unknown>;
  report(report: Report): void;
}

/** The code of a built-in rule: reads the plan model, reports findings by data path. */
export type RuleCheck = (context: RuleContext) => void;
