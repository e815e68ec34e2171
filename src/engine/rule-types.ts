import type { Localized, Severity } from './types.js';

/** A rule's metadata, read from rules/<id>/rule.yaml: the single source of truth for docs and config. */
export interface RuleMeta {
  id: string;
  severity: Severity;
  /** `false`: the rule is off unless .planlint.yaml gives it a severity (a style rule a project opts into); then `severity` is its default when on. */
  enabledByDefault?: boolean;
  /** `fix`: has a safe fix; `suggestion`: offers fixes a person must choose; `no`: reports only. */
  fixable: 'fix' | 'suggestion' | 'no';
  tags: string[];
  description: Localized;
  rationale: Localized;
  /** Message templates by id, with `{name}` placeholders. */
  messages: Record<string, Localized>;
  /** A message's own default severity, where it differs from the rule's (`severity` in the configuration overrides both). */
  messageSeverity?: Record<string, Severity>;
  /** Fix descriptions by id. */
  fixes?: Record<string, Localized>;
  /** JSON Schema of the rule's options in .planlint.yaml. */
  options?: Record<string, unknown>;
}
