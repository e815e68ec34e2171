// The known-attack corpus of RELIABILITY item 2, shared by its test (each gives a specific
// diagnostic) and the benchmark (each is rejected fast, and memory stays flat over the corpus).

/** A billion-laughs document: `levels` anchors, each referring `width` times to the one before. */
export function laughs(levels: number, width: number): string {
  const lines = [`l0: &l0 [${Array(width).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

export const ATTACKS: Record<string, () => string> = {
  'billion laughs 10^6': () => laughs(6, 10),
  'billion laughs 10^9': () => laughs(9, 10),
  'billion laughs 2^64': () => laughs(64, 2),
  'self-referencing merge': () => 'a: &A { <<: *A }\n',
  '500 merge aliases': () => `base: &b { x: 1 }\n${Array.from({ length: 500 }, (_, i) => `k${i}: { <<: *b }`).join('\n')}\n`,
  '[ × 100,000': () => '['.repeat(100_000),
  '- × 5,000': () => `${'- '.repeat(5000)}x`,
  '[ + CR × 80': () => `${'['.repeat(80)}${'\r'.repeat(80)}`,
  'duplicate keys': () => 'plan: 1\nplan: 2\n',
  // A computed key: a plain `__proto__:` in an object literal would set the prototype instead.
  ['__proto__']: () => '__proto__: { x: 1 }\n',
  '!!js/function': () => 'plan: !!js/function "function () {}"\n',
  '%YAML 1.1': () => '%YAML 1.1\n---\nplan: no\n',
  'undefined alias': () => 'plan: *nope\n',
  'multi-document stream': () => 'plan: {}\n---\nplan: {}\n',
  'tab indentation': () => 'plan:\n\ttitle: x\n',
  'git conflict markers': () => '<<<<<<< HEAD\nplan: {}\n=======\nplan: []\n>>>>>>> other\n',
  'over the size cap': () => `# ${'x'.repeat(33 * 1024 * 1024)}\n`,
};
