// The ids that tie a rule's code to its rule.yaml are types: a misspelt message or fix id does not
// compile. Each `@ts-expect-error` below fails `npm run typecheck` if the error it expects disappears,
// so the test proves both that good ids compile and that bad ones do not.
import { describe, expect, it } from 'vitest';
import { defineRule, type MessageId, type FixId, type RuleId } from '../src/engine/rules.js';

describe('rule ids are types', () => {
  it('defineRule accepts the rule\'s own message and fix ids only', () => {
    const rule = defineRule('yearly-sum-matches-overall', ({ report }) => {
      report({ messageId: 'mismatch', path: [], suggestions: [{ messageId: 'setOverall', operations: [] }] });
      // @ts-expect-error: a misspelt message id
      report({ messageId: 'missmatch', path: [] });
      // @ts-expect-error: another rule's message id (task-has-lead's)
      report({ messageId: 'noUnit', path: [] });
      // @ts-expect-error: a misspelt fix id
      report({ messageId: 'mismatch', path: [], suggestions: [{ messageId: 'setOveral', operations: [] }] });
    });
    // @ts-expect-error: a rule id with no rule.yaml
    defineRule('yearly-sum-matches-total', () => {});
    expect(rule.id).toBe('yearly-sum-matches-overall');
  });

  it('the generated id types follow rule.yaml', () => {
    const ids: [RuleId, MessageId<'task-has-lead'>, FixId<'unit-name-canonical'>] = ['task-has-lead', 'noUnit', 'useDeclared'];
    // @ts-expect-error: a rule without fixes has no fix id
    const none: FixId<'task-has-lead'> = 'noUnit';
    expect([...ids, none]).toHaveLength(4);
  });
});
