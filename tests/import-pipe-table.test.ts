// Tables a web page's copy prints one cell a line, each cell closed by " |" (洋縣's 項目清單, seed 012):
// the reader on its own, then the recognizer reading the rows as a table's, then hostile input.
import { describe, expect, it } from 'vitest';
import { pipeTableAt } from '../src/engine/import/pipe-table.js';
import { recognizePlan } from '../src/engine/import/recognize.js';
import { imported, text, type Data } from './import/imported.js';

// Lines 10–36 of seed 012's source, its first two rows, then the third cut off inside its content cell.
const LIST = [
  '附件:',
  '|',
  '洋縣2024年十大民生實事項目清單 |',
  '||||||',
  '|',
  '序號 |',
  '項目名稱 |',
  '建設地點 |',
  '建設時間 |',
  '2024年建設內容 |',
  '年度投資金額 (萬元) |',
  '責任單位 |',
  '|',
  '1 |',
  '洋縣中小學幼兒園基礎設施提升改造項目 |',
  '相關鎮 (街道) |',
  '2024 |',
  '對馬暢中小、湑水中小、茅坪學校等學校運動場地進行改造。 |',
  '300 |',
  '教體局 |',
  '|',
  '2 |',
  '高標準農田建設項目 |',
  '謝村鎮 |',
  '2024 |',
  '實施田塊整治500畝,種植桂花、紫薇等苗木8000株。 |',
  '4930 |',
  '農業農村局 |',
  '|',
  '3 |',
  '職教中心小江分校區建設項目 |',
  '磨子橋鎮 |',
  '2024 |',
  '改造小江初中現有教學樓和學生宿舍等,',
];

describe('pipeTableAt', () => {
  it('reads a row a lone "|" opens, a cell a line, a line of pipes as empty cells, and a cell the text stops in', () => {
    const table = pipeTableAt(LIST, 1);
    expect(table?.next).toBe(LIST.length);
    const rows = table?.rows ?? [];
    expect(rows.map((r) => r.length)).toEqual([7, 7, 7, 7, 5]);
    expect(rows[0]?.[0]).toEqual({ text: '洋縣2024年十大民生實事項目清單', line: 3 });
    expect(rows[0]?.slice(1).every((c) => c.text === '' && c.line === 4)).toBe(true);
    expect(rows[1]?.map((c) => c.text)).toEqual(['序號', '項目名稱', '建設地點', '建設時間', '2024年建設內容', '年度投資金額 (萬元)', '責任單位']);
    expect(rows[4]?.[4]).toEqual({ text: '改造小江初中現有教學樓和學生宿舍等,', line: 34 });
  });

  it('joins a cell printed over several lines, and ends the table at a line that is no cell', () => {
    const lines = ['|', '序號 |', '在龍亭鎮實施', '農村公路生命防護工程 |', '|', '2 |', '洋縣人民政府辦公室', '2024年4月2日'];
    const table = pipeTableAt(lines, 0);
    expect(table?.rows).toEqual([
      [{ text: '序號', line: 2 }, { text: '在龍亭鎮實施農村公路生命防護工程', line: 3 }],
      [{ text: '2', line: 6 }],
    ]);
    expect(table?.next).toBe(6);
  });

  it('is no table where a lone "|" is not followed by a cell, or a line is not a lone "|"', () => {
    expect(pipeTableAt(['|', '|', '序號 |'], 0)).toBeUndefined();
    expect(pipeTableAt(['| 序號 | 項目名稱 |'], 0)).toBeUndefined();
    expect(pipeTableAt(['序號 |', '項目名稱 |'], 0)).toBeUndefined();
  });
});

describe('recognizePlan: a pipe table', () => {
  const plan = imported(LIST);
  const section = plan.sections?.[0];

  it('makes its caption a section and each numbered row a task on its title line', () => {
    expect(plan.sections).toHaveLength(1);
    expect(section.title).toBe('洋縣2024年十大民生實事項目清單');
    expect(section.source.line).toBe(3);
    expect(section.tasks.map((t: Data) => [t.number, t.title, t.source.line])).toEqual([
      ['1', '洋縣中小學幼兒園基礎設施提升改造項目', 15],
      ['2', '高標準農田建設項目', 23],
      ['3', '職教中心小江分校區建設項目', 31],
    ]);
  });

  it('reads the header in traditional characters: 責任單位 as responsible units, 建設時間 2024 as the deadline', () => {
    expect(plan.conventions).toEqual([{ id: 'responsible-only', source: { line: 12, quote: '責任單位' } }]);
    expect(plan.units.map((u: Data) => [u.name, u.source.line])).toEqual([['教體局', 20], ['農業農村局', 28]]);
    expect(section.tasks.map((t: Data) => [t.responsible, t.deadline])).toEqual([[['教體局'], 2024], [['農業農村局'], 2024], [undefined, 2024]]);
  });

  it('reads the content cell’s figures (畝, 株) and the amount column as indicators, each on its cell’s line', () => {
    const [first, second] = section.tasks as Data[];
    expect(first?.indicators).toEqual([
      { name: '年度投資金額', unit: '萬元', kind: 'increment', source: { line: 19, quote: '300' }, overall: { value: 300, source: { line: 19, quote: '300' } } },
    ]);
    expect(second?.indicators.map((i: Data) => [i.name, i.unit, i.overall.value, i.source.line])).toEqual([
      ['實施田塊整治', '畝', 500, 26],
      ['種植桂花、紫薇等苗木', '株', 8000, 26],
      ['年度投資金額', '萬元', 4930, 27],
    ]);
  });

  it('keeps the place, and a content cell that states no target, in the task’s note with their lines', () => {
    expect(section.tasks[0].note).toBe('建設地點:相關鎮 (街道)(第16行);建設內容:對馬暢中小、湑水中小、茅坪學校等學校運動場地進行改造(第18行)');
    expect(section.tasks[1].note).toBe('建設地點:謝村鎮(第24行)');
  });

  it('does not carry the units above into a row the text stops in', () => {
    expect(section.tasks[2].responsible).toBeUndefined();
    expect(section.tasks[2].note).toBe('建設地點:磨子橋鎮(第32行);建設內容:改造小江初中現有教學樓和學生宿舍等,(第34行)');
  });
});

describe('recognizePlan: hostile pipe tables', () => {
  // Each reads in a few milliseconds; the bound only catches a hang (a scan again from every line, a
  // backtracking pattern over a long cell), not a claim about speed.
  const quick = (lines: string[]) => {
    const t0 = performance.now();
    recognizePlan(text(lines), {});
    return performance.now() - t0;
  };

  it('reads 30,000 lines of a lone "|", and a row of 30,000 cells, in linear time', () => {
    expect(quick(Array.from({ length: 30_000 }, () => '|'))).toBeLessThan(2000);
    expect(quick([...Array.from({ length: 30_000 }, () => '|'), '序號 |'])).toBeLessThan(2000);
    expect(quick(['|', ...Array.from({ length: 30_000 }, () => '項目名稱 |')])).toBeLessThan(2000);
  });

  it('keeps at most 40 cells a row, however many pipes a line prints', () => {
    const table = pipeTableAt(['|', '序號 |', '|'.repeat(200_000), '責任單位 |'], 0);
    expect(table?.rows[0]).toHaveLength(40);
    expect(quick(['|', '序號 |', '|'.repeat(200_000) + ' 責任單位 |'])).toBeLessThan(2000);
  });

  it('reads a 200,000-character cell of numerals without backtracking (the 6类22件 count is bounded)', () => {
    const header = ['|', '序號 |', '項目名稱 |', '責任單位 |'];
    expect(quick([...header, '|', '1 |', '一'.repeat(200_000) + ' |', '教體局 |'])).toBeLessThan(2000);
  });
});
