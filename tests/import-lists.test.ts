// The recognizer on layouts of scraped reports: a bulleted list of tasks under numbered projects, the
// list's title named by the report's sentence, and figures in traditional characters (個, 張, 萬名).
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkText } from '../src/engine/check.js';
import { recognizePlan } from '../src/engine/import/recognize.js';
import type { SourceText } from '../src/engine/import/types.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const text = (lines: string[]): SourceText => ({ lines, format: 'text', notes: [] });

function imported(lines: string[]): Data {
  const result = recognizePlan(text(lines), {});
  const schema = checkText(result.yaml).findings.filter((f) => f.ruleId === 'schema' || f.ruleId.startsWith('yaml-'));
  expect(schema, result.yaml).toEqual([]);
  return parse(result.yaml) as Data;
}

const REPORT = [
  '昨天,某市人大会议投票表决,确定以下三个项目为2024年度某市政府民生实事项目——',
  '1.托育项目',
  '●全市新增托育机构50家,新增托位1200个;',
  '●在全市30所小学开展暑托班服务。',
  '2.养老项目',
  '●全市新增家庭养老床位800张;',
  '•全市新开办5家社区食堂。',
];

describe('recognizePlan: a bulleted list of tasks', () => {
  it('reads each bullet under a numbered project as a task of its own, with its figures', () => {
    const d = imported(REPORT);
    expect(d.sections.map((s: Data) => [s.number, s.title, s.tasks?.length])).toEqual([
      ['1.', '托育项目', 2],
      ['2.', '养老项目', 2],
    ]);
    const first = d.sections[0].tasks[0];
    expect(first.title.startsWith('全市新增托育机构50家')).toBe(true);
    expect(first.source.line).toBe(3);
    expect(first.indicators.map((i: Data) => [i.name, i.unit, i.overall.value])).toEqual([
      ['新增托育机构', '家', 50],
      ['新增托位', '个', 1200],
    ]);
    expect(d.sections[1].tasks.map((t: Data) => t.title)).toEqual(['全市新增家庭养老床位800张', '全市新开办5家社区食堂']);
    // No bullet mark is left in a title or a name.
    expect(JSON.stringify(d)).not.toMatch(/[●•]/);
  });

  it('takes the title the report gives its list ("确定以下…为…项目——") and the region in it', () => {
    const d = imported(REPORT);
    expect(d.plan).toMatchObject({ title: '2024年度某市政府民生实事项目', region: '某市', level: 'city', period: { start: 2024, end: 2024 }, source: { line: 1 } });
  });

  it('reads measuring units written in traditional characters', () => {
    const d = imported(['1.優學項目', '●全市竣工公辦中小學8所,新增學位9000個;', '●全市新增養老床位2000張,惠及5萬名以上老人。']);
    const inds = d.sections[0].tasks.flatMap((t: Data) => t.indicators ?? []);
    expect(inds.map((i: Data) => [i.unit, i.overall.value])).toEqual([
      ['所', 8],
      ['個', 9000],
      ['張', 2000],
      ['萬名', 5],
    ]);
  });
});
