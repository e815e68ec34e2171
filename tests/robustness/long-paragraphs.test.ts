// Import on hostile shapes of one long paragraph: every one finishes in time linear in its length. Before
// the patterns were anchored, each shape here took tens of seconds or more (measured on 2 cores: 400,000
// characters of plain Chinese text ≈ 58 s, 200,000 digits > 90 s, 200,000 characters of "资金1万" 71 s;
// the figures per shape are in the commit messages). The bound is a hang guard, generous for a loaded CI
// machine; each test also checks that the import did its work.
import { Document, Packer, Paragraph } from 'docx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthlyGivenIn } from '../../src/engine/import/given-monthly.js';
import { importDocument, type ImportedDocument } from '../../src/engine/import/import-document.js';
import type { DocumentError } from '../../src/engine/import/types.js';

const HEAD = '一、总体要求\n(一)重点任务\n1.推进民生实事。\n';
// Ten times an idle machine's slowest shape here (0.7 s), well below what the old code took (20 s and more).
const BOUND_MS = 7000;

/** `unit` repeated to `length` characters. */
const repeated = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** Imports a document of the plan's head and `paragraph` on one line, within the bound. */
function importTimed(paragraph: string, bound = BOUND_MS): ImportedDocument {
  const started = performance.now();
  const imported: ImportedDocument | DocumentError = importDocument(new TextEncoder().encode(`${HEAD}${paragraph}\n`), 'draft.txt');
  const ms = performance.now() - started;
  if ('code' in imported) throw new Error(`not imported: ${imported.code}`);
  expect(ms, `${Math.round(ms)} ms`).toBeLessThan(bound);
  expect(imported.result.summary).toMatchObject({ sections: 2, tasks: 1 });
  // The paragraph is the task's, on line 4.
  expect(imported.source.lines[3]).toBe(paragraph);
  return imported;
}

describe('import of one long paragraph', () => {
  it('of plain Chinese text, with no separator', () => {
    const { result } = importTimed(repeated('推进城乡居民基本医疗保险制度建设完善服务体系提高保障水平', 400_000));
    expect(result.summary.indicators).toBe(0);
  });

  it('of digits', () => {
    const { result } = importTimed(repeated('1234567890', 200_000));
    expect(result.summary.indicators).toBe(0);
  });

  it('of 、-separated names', () => {
    const { result } = importTimed(repeated('区教育局、', 400_000));
    expect(result.summary.indicators).toBe(0);
  });

  it('of open brackets that never close', () => {
    importTimed(repeated('(', 400_000));
    importTimed(repeated('(区教育局', 400_000));
  });

  it('of repeated 牵头单位: labels, each naming a unit', () => {
    const { result } = importTimed(repeated('牵头单位:区教育局;', 1_000_000));
    // One unit, named 100,000 times: the task leads with every mention, as printed.
    expect(result.yaml).toContain('区教育局');
    expect(result.summary.units).toBe(1);
  });

  it('of 责任单位: labels before the one 牵头单位: that opens the clause', () => {
    const { result } = importTimed(`${repeated('责任单位:区教育局;', 1_000_000)}牵头单位:区民政局`);
    expect(result.summary.units).toBe(2);
  });

  it('of figures in one clause, counted each', () => {
    const { result } = importTimed(repeated('资金1万', 200_000));
    expect(result.summary.indicators).toBeGreaterThan(0);
    importTimed(repeated('完成改造12个老旧小区', 400_000));
  });

  it('of 元 figures, in brackets of 每月 and not', () => {
    importTimed(repeated('1元', 300_000));
    const { result } = importTimed(repeated('发放补贴(每月1元', 300_000));
    expect(result.yaml).toContain('元/月');
  });

  it('of clauses that open a 其中 list or a (X牵头 pair', () => {
    importTimed(repeated('(其中', 400_000));
    importTimed(repeated('(区教育局牵头,', 1_000_000));
  });

  it('of 10,000 figures in full-width punctuation, each quote put back as the document writes it', () => {
    const paragraph = Array.from({ length: 10_000 }, (_, i) => `新增学位（公办）${i + 1}个，`).join('');
    const { result } = importTimed(paragraph);
    expect(result.summary.indicators).toBe(10_000);
    expect(result.yaml).toContain('新增学位（公办）9999个');
    expect(result.yaml).not.toContain('(公办)');
  });

  it('of a 10 MB text of ordinary sentences, in linear time', () => {
    const paragraph = repeated('推进城乡居民基本医疗保险制度建设,完善服务体系;新增学位1200个,提高保障水平。', 3_800_000);
    expect(new TextEncoder().encode(paragraph).length).toBeGreaterThan(10_000_000);
    importTimed(paragraph, 10 * BOUND_MS);
  });
});

describe('import of a .docx with one long paragraph', () => {
  it('of digits, read and recognised as the text is', async () => {
    const paragraph = repeated('1234567890', 200_000);
    const lines = [...HEAD.trimEnd().split('\n'), paragraph];
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: lines.map((text) => new Paragraph({ text })) }] }));
    const started = performance.now();
    const imported = importDocument(new Uint8Array(bytes), 'draft.docx');
    const ms = performance.now() - started;
    if ('code' in imported) throw new Error(`not imported: ${imported.code}`);
    expect(ms, `${Math.round(ms)} ms`).toBeLessThan(BOUND_MS);
    expect(imported.result.summary).toMatchObject({ sections: 2, tasks: 1 });
    expect(imported.source.lines).toContain(paragraph);
  });
});

describe('monthlyGivenIn', () => {
  // The pattern it replaces, tried on the text before each figure: the same answer at every position.
  const before = (clause: string, at: number) => /(?:发放|發放|提供|给予|給予)([^,,、;;((]{2,})[((]每月[^))]*$/.exec(clause.slice(0, at))?.[1];
  const PIECES = ['发放', '發放', '提供', '补贴', '津贴', '1', '元', '(', '(', ')', ')', '每月', '每', '月', ',', '、', ';'];

  it('names what a 每月 bracket gives, as the pattern over the text before each figure did', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (pieces) => {
        const clause = pieces.join('');
        const given = monthlyGivenIn(clause);
        for (let at = 0; at <= clause.length; at++) expect(given(at), `${clause} @${at}`).toBe(before(clause, at));
      }),
      { seed: 20261208, numRuns: 5000 },
    );
  });

  it('reads 發放高齡津貼(每月不少於60元) as 高齡津貼', () => {
    const clause = '為全市15萬名老人發放高齡津貼(每月不少於60元)';
    expect(monthlyGivenIn(clause)(clause.indexOf('60元'))).toBe('高齡津貼');
  });
});
