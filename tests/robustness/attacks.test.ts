// RELIABILITY battery item 2: the known-attack corpus. Each gives a specific diagnostic, never a
// crash, a hang or a silent pass. (Their timings are measured by `npm run bench`, not asserted here.)
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/engine/check.js';
import { ATTACKS, laughs } from './attack-corpus.js';

const ids = (text: string) => [...new Set(checkText(text).findings.map((f) => `${f.ruleId}/${f.messageId}`))];

describe('known attacks', () => {
  it('billion laughs, from 10^6 to 2^64 expansions, is rejected at the alias limit', () => {
    expect(ids(laughs(6, 10))).toEqual(['yaml-alias/aliasLimit']);
    expect(ids(laughs(9, 10))).toEqual(['yaml-alias/aliasLimit']);
    expect(ids(laughs(64, 2))).toEqual(['yaml-alias/aliasLimit']);
  });

  it('a self-referencing merge and 500 merge aliases are plain keys that fail the schema, not expansions', () => {
    expect(ids('a: &A { <<: *A }\n')).toEqual(['yaml-alias/cyclicAlias']);
    expect(ids('plan: { title: x, period: { start: 2020, end: 2021 } }\nsections: &S\n  - title: a\n    sections: *S\n')).toEqual(['yaml-alias/cyclicAlias']);
    expect(ids(ATTACKS['500 merge aliases']())).toEqual(['yaml-alias/aliasLimit']);
  });

  it('deep nesting is rejected by the pre-scan', () => {
    expect(ids('['.repeat(100_000))).toEqual(['yaml-too-deep/tooDeep']);
    expect(ids(`${'- '.repeat(5000)}x`)).toEqual(['yaml-too-deep/tooDeep']);
    expect(ids(`${'['.repeat(80)}${'\r'.repeat(80)}`)).toEqual(['yaml-too-deep/tooDeep']);
  });

  it('duplicate keys, __proto__, code tags, %YAML 1.1, undefined aliases, streams, tabs, conflict markers', () => {
    expect(ids('plan: 1\nplan: 2\n')).toContain('yaml-syntax/DUPLICATE_KEY');
    expect(ids('__proto__: { x: 1 }\n')).toContain('schema/unknownKey');
    expect(ids('plan: !!js/function "function () {}"\n')).toContain('yaml-syntax/TAG_RESOLVE_FAILED');
    expect(ids('%YAML 1.1\n---\nplan: no\n')).toContain('yaml-version/yaml11');
    expect(ids('plan: *nope\n')).toEqual(['yaml-alias/undefinedAlias']);
    expect(ids('plan: {}\n---\nplan: {}\n')).toContain('yaml-syntax/MULTIPLE_DOCS');
    expect(ids('plan:\n\ttitle: x\n')).toContain('yaml-syntax/TAB_AS_INDENT');
    expect(ids('<<<<<<< HEAD\nplan: {}\n=======\nplan: []\n>>>>>>> other\n').some((id) => id.startsWith('yaml-syntax/'))).toBe(true);
  });

  it('every attack in the corpus gets a finding', () => {
    for (const [name, text] of Object.entries(ATTACKS)) expect(checkText(text()).findings.length, name).toBeGreaterThan(0);
  });

  it('a file over the size cap gets one "file too large" finding without being parsed', () => {
    const out = checkText(ATTACKS['over the size cap']());
    expect(out.findings.map((f) => `${f.ruleId}/${f.messageId}`)).toEqual(['file-too-large/tooLarge']);
    expect(out.source).toBeUndefined();
  });
});
