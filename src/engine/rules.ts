import type { FixId, MessageId, RuleId } from './generated/rules.js';
import type { Plan } from './model.js';
import type { MessageData } from './messages.js';
import type { Register } from './register.js';
import type { DataPath, FixOperation, PathTarget } from './types.js';

export type { FixId, MessageId, RuleId } from './generated/rules.js';

/** A fix as a rule states it: a message id of the rule's `fixes`, its data, and the operations. */
export interface FixSpec<F extends string = string> {
  messageId: F;
  data?: MessageData;
  operations: FixOperation[];
}

/** What a rule reports: a message id with its data, and the data path it is about. */
export interface Report<M extends string = string, F extends string = string> {
  messageId: M;
  data?: MessageData;
  path: DataPath;
  target?: PathTarget;
  fix?: FixSpec<F>;
  suggestions?: FixSpec<F>[];
}

/** What the check of rule `R` sees: its `report` takes only the message and fix ids of R's rule.yaml. */
export interface RuleContext<R extends RuleId = RuleId> {
  plan: Plan;
  /** The rule's options: the defaults of its option schema, overridden by .planlint.yaml. */
  options: Record<string, unknown>;
  /** 单位登记簿 — the unit register in effect, when the workspace configures one. */
  register?: Register;
  // A property, not a method: rules destructure it, and a property's parameter is checked strictly.
  readonly report: (report: Report<MessageId<R>, FixId<R>>) => void;
}

/** What the engine hands every check: a `report` that takes any rule's ids (the check's type narrows them). */
export interface AnyRuleContext {
  plan: Plan;
  options: Record<string, unknown>;
  register?: Register;
  readonly report: (report: Report) => void;
}

/** The code of a built-in rule as the engine calls it: reads the plan model, reports findings by data path. */
export type RuleCheck = (context: AnyRuleContext) => void;

/** A built-in rule's code, tied to its id: what src/engine/checks/<rule-id>.ts exports. */
export interface Rule<R extends RuleId> {
  readonly id: R;
  readonly check: (context: RuleContext<R>) => void;
}

/** Any built-in rule, as the registry lists them. */
export interface AnyRule {
  readonly id: RuleId;
  readonly check: RuleCheck;
}

/**
 * Declares the code of rule `id`. As typescript-eslint's createRule, it types `report` from the
 * rule's metadata: a message id or fix id that rules/<id>/rule.yaml does not define does not compile.
 */
export function defineRule<R extends RuleId>(id: R, check: (context: RuleContext<R>) => void): Rule<R> {
  return { id, check };
}
