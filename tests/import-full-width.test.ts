// Chinese documents write their punctuation full-width (，；：（）！？％). The seeds' source texts came to us
// with it half-width, and the importer was written on them; a drafter's Word document is read here as
// those texts would be read with the document's own punctuation: the same plan, every quote verbatim.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Document, Paragraph, TextRun } from 'docx';
import { halfWidth, restorer } from '../src/engine/import/half-width.js';
import { importDocument } from '../src/engine/import/import-document.js';
import { recognizePlan } from '../src/engine/import/recognize.js';
import { text, type Data } from './import/imported.js';
import { pack } from './import/make-docx.js';

const SOURCES = path.join(__dirname, '..', 'seeds', 'source');
const sources = fs.readdirSync(SOURCES).filter((f) => f.endsWith('.txt')).map((f) => ({ name: f, lines: fs.readFileSync(path.join(SOURCES, f), 'utf8').split(/\r?\n/) }));

/** The punctuation a Chinese input method types, for the half-width forms of our copies. */
const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？', '%': '％' };
const fullWidth = (line: string) => line.replace(/[,;:()!?%]/g, (c) => FULL[c]);

/** Every `source: { line, quote }` of a plan's data. */
function quotes(data: unknown, out: { line: number; quote: string }[] = []): { line: number; quote: string }[] {
  if (Array.isArray(data)) for (const x of data) quotes(x, out);
  else if (typeof data === 'object' && data !== null) {
    const s = (data as Data).source;
    if (s && typeof s.line === 'number' && typeof s.quote === 'string') out.push({ line: s.line, quote: s.quote });
    for (const v of Object.values(data)) quotes(v, out);
  }
  return out;
}

/** The YAML without its first lines (the comment naming the source). */
const body = (yaml: string) => yaml.split('\n').filter((l) => !l.startsWith('#')).join('\n');

describe('a document in full-width punctuation', () => {
  for (const { name, lines } of sources) {
    it(`${name}: the same plan as in half-width, its quotes in the document's own characters`, () => {
      const half = recognizePlan(text(lines));
      const shown = lines.map(fullWidth);
      const full = recognizePlan(text(shown));
      // The same plan, character for character once its punctuation is half-width again.
      expect(halfWidth(body(full.yaml))).toBe(body(half.yaml));
      expect(full.summary.sections).toBe(half.summary.sections);
      expect(full.summary.tasks).toBe(half.summary.tasks);
      expect(full.summary.indicators).toBe(half.summary.indicators);
      // A quote that stands in its line in half-width stands in the document's line as the document writes it.
      const halfQuotes = quotes(parse(half.yaml));
      const fullQuotes = quotes(parse(full.yaml));
      expect(fullQuotes.length).toBe(halfQuotes.length);
      // A unit is written one way: the names the tasks give are the names the units list gives, as in half-width.
      const named = (data: Data) => new Set(JSON.stringify(data).match(/"(?:lead|responsible|cooperating)":\[[^\]]*\]/g)?.flatMap((m) => JSON.parse(m.slice(m.indexOf('['))) as string[]));
      const listed = (data: Data) => new Set(((data.units ?? []) as Data[]).map((u) => u.name as string));
      const outside = (data: Data) => [...named(data)].filter((n) => !listed(data).has(n)).length;
      expect(outside(parse(full.yaml) as Data)).toBe(outside(parse(half.yaml) as Data));
      fullQuotes.forEach((q, i) => {
        if (lines[halfQuotes[i].line - 1]?.includes(halfQuotes[i].quote)) expect(shown[q.line - 1], q.quote).toContain(q.quote);
      });
    });
  }

  it('the seeds hold full-width punctuation to test: most quotes change', () => {
    const changed = sources.filter(({ lines }) => lines.some((l) => fullWidth(l) !== l));
    expect(changed.length).toBeGreaterThan(15);
  });

  it('a .docx typed with a Chinese input method: full-width digits, brackets and the ideographic space read as their half-width forms', async () => {
    const paragraphs = ['２０２４年某区民生实事项目', '一、教育', '（一）新建幼儿园', '新建公办幼儿园３所，新增学位９００个。', '牵头单位：区教育局；责任单位：区教育局、区财政局。', '　二、卫生', '（一）建设社区卫生服务中心', '建成社区卫生服务中心２个。', '牵头单位：区卫生健康局。'];
    const bytes = await pack(new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })) }] }));
    const imported = importDocument(bytes, 'draft.docx');
    if ('code' in imported) throw new Error(imported.code);
    const data = parse(imported.result.yaml) as Data;
    expect(data.plan.period).toEqual({ start: 2024, end: 2024 });
    expect(data.plan.title).toBe('２０２４年某区民生实事项目');
    // 一、 and the 二、 after an ideographic space are sections; each (一) with its units clause, its measures as tasks.
    const parts = (data.sections as Data[]).flatMap((s) => s.sections as Data[]);
    expect((data.sections as Data[]).map((s) => [s.number, s.title])).toEqual([['一、', '教育'], ['二、', '卫生']]);
    expect(parts.map((p) => [p.number, p.title, p.lead, p.responsible])).toEqual([['（一）', '新建幼儿园', ['区教育局'], ['区教育局', '区财政局']], ['（一）', '建设社区卫生服务中心', ['区卫生健康局'], undefined]]);
    const indicators = parts.flatMap((p) => (p.tasks as Data[]).flatMap((t) => t.indicators as Data[]));
    expect(indicators.map((i) => [i.name, i.unit, i.overall?.value])).toEqual([['新建公办幼儿园', '所', 3], ['新增学位', '个', 900], ['建成社区卫生服务中心', '个', 2]]);
    // The quotes are the document's: full-width digits as typed.
    expect(indicators[1].source.quote).toBe('新增学位９００个');
  });

  it('reads the spaces Word and web pages put in (no-break, thin, ideographic) as spaces, every character where it was', () => {
    const line = '1.\u00A0新建幼儿园\u20093所\u3000(区教育局)\u202F,\u205F。';
    const read = halfWidth(line);
    expect(read).toBe('1. 新建幼儿园 3所 (区教育局) , 。');
    expect(read.length).toBe(line.length);
    // As NFKC reads them (our seed copies' form), one for one.
    expect(read).toBe(line.normalize('NFKC'));
    const nbsp = recognizePlan(text(['2024年某区民生实事', '一、教育', '1.\u00A0新建幼儿园3所。牵头单位:区教育局。']));
    const plain = recognizePlan(text(['2024年某区民生实事', '一、教育', '1. 新建幼儿园3所。牵头单位:区教育局。']));
    expect(halfWidth(body(nbsp.yaml))).toBe(body(plain.yaml));
  });

  it('numbers ⑴ ⑵ and ⒈ ⒉ (one character each, as Word and WPS print them) structure the plan as (1) (2) and 1. 2. do', () => {
    const plan = ([one, two]: string[]) => ['2024年某区民生实事', '一、教育', '(一)新建幼儿园', `${one}新建公办幼儿园3所。`, `${two}改扩建小学2所。`, '牵头单位:区教育局。', '(二)卫生', `${one}建设卫生服务中心2个。`, '牵头单位:区卫生健康局。'];
    const printed = recognizePlan(text(plan(['⑴', '⑵'])));
    const typed = recognizePlan(text(plan(['(1)', '(2)'])));
    expect(body(printed.yaml).replace(/⑴/g, '(1)').replace(/⑵/g, '(2)')).toBe(body(typed.yaml));
    expect(printed.summary.tasks).toBe(3);
    const stops = recognizePlan(text(plan(['⒈', '⒉'])));
    const dots = recognizePlan(text(plan(['1.', '2.'])));
    // (The same data: YAML quotes "1." and not ⒈.)
    expect(JSON.stringify(parse(stops.yaml)).replace(/⒈/g, '1.').replace(/⒉/g, '2.')).toBe(JSON.stringify(parse(dots.yaml)));
  });

  it('restores nothing where the lines did not change; a string not in its line takes its marks, where the line writes each one way', () => {
    const same = restorer(['a,b'], ['a,b']);
    expect(same('a,b', 1)).toBe('a,b');
    const restore = restorer(['甲,乙', '丙(丁)'], ['甲，乙', '丙（丁）']);
    expect(restore('甲,乙', 1)).toBe('甲，乙');
    expect(restore('(丁)', 1)).toBe('（丁）');
    // A string the reading made of its line (a name joined from two places) takes the line's marks, where it writes each one way.
    expect(restore('戊,己', 1)).toBe('戊，己');
    const mixed = restorer(['1,000人,其中', ''], ['1,000人，其中', '']);
    expect(mixed('戊,己', 1)).toBe('戊,己');
    expect(restore('戊;己', 1)).toBe('戊;己');
    // A unit named far below the clause that lists it is written as the clause wrote it.
    const far = restorer(['责任单位:各镇(街道)', '', '', '', '', '', '任务'], ['责任单位：各镇（街道）', '', '', '', '', '', '任务']);
    expect(far('各镇(街道)', 1)).toBe('各镇（街道）');
    expect(far('各镇(街道)', 7)).toBe('各镇（街道）');
  });
});
