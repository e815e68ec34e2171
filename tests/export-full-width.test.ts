// A Chinese document is typeset full-width (，；：（）), and a plan imported from one keeps its quotes and titles in
// those characters: the exporter writes its own joiners, 其中, units clauses and brackets in the same style
// (src/export/marks.ts), so the document it writes does not mix narrow Latin marks into the CJK text, and it
// reads back as the half-width seeds' documents do.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildPlan, importDocument, type Indicator, type Plan } from '../src/engine/index.js';
import { halfWidth } from '../src/engine/import/half-width.js';
import { recognizePlan } from '../src/engine/import/recognize.js';
import { parseYaml } from '../src/engine/parse.js';
import { exportPlan } from '../src/export/export.js';
import { FULL_MARKS, HALF_MARKS, markCounts, marksOf } from '../src/export/marks.js';
import { text } from './import/imported.js';

const SOURCES = path.join(__dirname, '..', 'seeds', 'source');

/** The punctuation a Chinese input method types, for the half-width forms of our copies (as tests/import-full-width.test.ts). */
const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？', '%': '％' };
const fullWidth = (line: string) => line.replace(/[,;:()!?%]/g, (c) => FULL[c]);

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Each paragraph's text, its runs joined (as tests/export.test.ts reads a .docx). */
function paragraphs(bytes: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
  return xml.split('</w:p>').map((p) => unescape([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')));
}

/** The half-width marks of a text, outside numbers (1,000 and 1:2 are figures, not punctuation). */
const halfMarks = (s: string) => s.replace(/\d[,:]\d/g, '').match(/[,;:()]/g) ?? [];

/** A text without every string of a plan's data that holds a half-width mark: what the exporter wrote itself, and the rest. */
function withoutStrings(text: string, data: unknown): string {
  const found: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      if (/[,;:()]/.test(v)) found.push(v);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(visit);
  };
  visit(data);
  return found.sort((a, b) => b.length - a.length).reduce((t, s) => t.split(s).join(' '), text);
}

async function docx(yaml: string): Promise<Uint8Array> {
  const r = await exportPlan(yaml, 'docx', { force: true });
  if (!r.ok) throw new Error(`export refused: ${r.reason}`);
  return r.bytes;
}

function back(bytes: Uint8Array, name: string): Plan {
  const imported = importDocument(bytes, name);
  if ('code' in imported) throw new Error(`import failed: ${imported.code}`);
  return buildPlan(parseYaml(imported.result.yaml).data);
}

const fig = (t: { value: number } | undefined) => (t ? String(t.value) : '');
const flat = (inds: readonly Indicator[]): Indicator[] => inds.flatMap((i) => [i, ...flat(i.parts)]);
/** An indicator's figures: unit, overall, years, baseline (names and quotes aside: those point into the text). */
const values = (i: Indicator) => `${i.unit ?? ''}|${fig(i.overall)}|${i.yearly.map((y) => `${y.year}:${y.value}`).join(',')}|${fig(i.baseline)}`;

/** What a plan read back must keep: its sections, tasks, their units and their indicators' figures, in one style of punctuation. */
function shape(plan: Plan) {
  const unitNames = (refs: readonly { name: string }[]) => refs.map((r) => halfWidth(r.name));
  return {
    sections: plan.allSections.map((s) => [halfWidth(s.number ?? ''), halfWidth(s.title), unitNames(s.lead), unitNames(s.responsible)]),
    tasks: plan.allTasks.map((t) => [halfWidth(t.number ?? ''), halfWidth(t.title), unitNames(t.lead), unitNames(t.responsible), unitNames(t.cooperating)]),
    indicators: plan.allSections.flatMap((s) => flat(s.indicators)).concat(plan.allTasks.flatMap((t) => flat(t.indicators))).map(values).sort(),
  };
}

describe('the style of a plan', () => {
  it('is decided from its own strings: more half-width marks than full-width is half-width; otherwise, or none at all, full-width', () => {
    expect(marksOf({ plan: { title: '某区2024年民生实事(草案)' }, sections: [{ title: '教育', source: { quote: '新建幼儿园3所,新增学位900个' } }] })).toBe(HALF_MARKS);
    expect(marksOf({ plan: { title: '某区2024年民生实事（草案）' }, sections: [{ title: '教育', source: { quote: '新建幼儿园3所，新增学位900个' } }] })).toBe(FULL_MARKS);
    expect(marksOf({ plan: { title: '某区民生实事' }, sections: [{ title: '教育' }] })).toBe(FULL_MARKS);
    expect(marksOf(undefined)).toBe(FULL_MARKS);
    // Notes are the importer's or the reviewer's words: they count only where the plan's own text has no mark.
    expect(marksOf({ plan: { title: '某区民生实事（草案）', note: '原文未写明计划期,按正文最常出现的年份记为2022年,请核对。' } })).toBe(FULL_MARKS);
    expect(marksOf({ plan: { title: '某区民生实事', note: '建設內容“改造小江初中現有教學樓和學生宿舍等,”(第66行)' } })).toBe(HALF_MARKS);
  });

  it('every seed is half-width, as its source copy is', () => {
    const seeds = fs.readdirSync(path.join(__dirname, '..', 'seeds')).filter((f) => f.endsWith('.plan.yaml'));
    for (const seed of seeds) expect(marksOf(parseYaml(fs.readFileSync(path.join(__dirname, '..', 'seeds', seed), 'utf8')).data), seed).toBe(HALF_MARKS);
  });
});

describe('a plan in full-width punctuation exported', () => {
  const q = (quote: string) => `{ quote: "${quote}" }`;
  const yaml = [
    'plan: { title: 某区2024年民生实事项目（草案）, period: { start: 2024, end: 2024 }, issuers: [某区人民政府], issued: "2024-02-01" }',
    'sections:',
    '  - number: 一、',
    '    title: 教育',
    '    lead: [区教育局]',
    '    responsible: [区教育局, 区财政局]',
    '    tasks:',
    '      - number: （一）',
    '        title: 扩大学前教育资源',
    '        lead: [区教育局]',
    '        responsible: [区住建局, 区自然资源局]',
    '        indicators:',
    `          - { name: 新增学位, unit: 个, kind: increment, overall: { year: 2024, value: 2400, source: ${q('新增学位2400个，其中公办学位2000个')} }, parts: [{ name: 公办学位, unit: 个, kind: increment, overall: { value: 2000, source: ${q('其中公办学位2000个')} } }] }`,
    `          - { name: 新建公办幼儿园, unit: 所, kind: increment, overall: { year: 2024, value: 3, source: ${q('新建公办幼儿园3所（含改扩建）')} } }`,
    '      - number: （二）',
    '        title: 提高学前三年毛入园率',
    '        lead: [区教育局]',
    '        people: [{ role: 分管领导, name: 何海平 }]',
    '        milestones: [{ kind: 开工, date: "2024-03" }, { kind: 投入使用, date: "2024-09" }]',
    '        indicators:',
    `          - { name: 学前三年毛入园率, unit: "%", kind: level, direction: raise, baseline: { year: 2023, value: 86 }, overall: { year: 2024, value: 90, comparator: ">=", source: ${q('学前三年毛入园率达到90%以上；普惠率达到85%以上')} } }`,
    '  - number: 二、',
    '    title: 卫生',
    '    tasks:',
    '      - number: （一）',
    '        title: 建设社区卫生服务中心',
    '        lead: [区卫生健康局]',
    '        cooperating: [区发展改革局]',
    '        indicators:',
    '          - { name: 建成社区卫生服务中心, unit: 个, kind: increment, overall: { year: 2024, value: 2 } }',
    '',
  ].join('\n');

  it('writes its own marks full-width: no , ; : ( ) in the document outside figures, and its quotes as the plan has them', async () => {
    expect(marksOf(parseYaml(yaml).data)).toBe(FULL_MARKS);
    const paras = paragraphs(await docx(yaml));
    const all = paras.join('\n');
    expect(halfMarks(all), all).toEqual([]);
    expect(all).toContain('新增学位2400个，其中公办学位2000个');
    expect(all).toContain('新建公办幼儿园3所（含改扩建）');
    expect(all).toContain('〔牵头单位：区教育局；责任单位：区住建局、区自然资源局〕');
    expect(all).toContain('2024年3月开工，2024年9月投入使用');
    expect(all).toContain('分管领导：何海平');
    // The baseline is written from the data, in the plan's marks too.
    expect(all).toMatch(/截至2023年底，学前三年毛入园率为86%/);
  });

  it('reads back with importDocument: the same sections, tasks, units and figures', async () => {
    const got = shape(back(await docx(yaml), 'full.docx'));
    const want = shape(buildPlan(parseYaml(yaml).data));
    expect(got.sections).toEqual(want.sections);
    expect(got.tasks).toEqual(want.tasks);
    // Every figure the plan states comes back (the baseline too); the importer may read one figure more from a quote.
    for (const v of want.indicators) expect(got.indicators, v).toContain(v);
  });

  it('the .xlsx writes its own marks full-width too: units, milestones, (总体目标), the indicator sheet', async () => {
    const r = await exportPlan(yaml, 'xlsx', { force: true });
    if (!r.ok) throw new Error(r.reason);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.bytes) as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value ?? '')))));
    const all = cells.join('\n');
    expect(halfMarks(all), all).toEqual([]);
    expect(all).toContain('2024年3月开工，2024年9月投入使用');
    expect(all).toContain('≥（以上/不低于）');
    const xml = strFromU8(unzipSync(r.bytes)['xl/worksheets/sheet1.xml']);
    expect(xml).toContain('共 &amp;N 页');
    expect(xml).not.toContain('页,共');
  });
});

/**
 * Known exception, listed so that its fix is noticed: 012 (a table of names and figures) imports with no mark in its
 * text, and its only marks are in the importer's notes (建設地點:相關鎮 (街道)(第24行)), which the importer writes
 * half-width whatever the document (half-width.ts puts back whole strings from their line, not a note's pieces).
 * Its seed is the same kind of plan, its notes half-width, and must export as it does: so notes decide where the
 * text has no mark, and this export is half-width. The test fails once the importer's notes come back full-width.
 */
const NOTES_DECIDE = new Set(['012_d200efbf40d2d972.txt']);

describe('each seed source typed full-width, imported, exported and imported back', () => {
  const sources = fs.readdirSync(SOURCES).filter((f) => f.endsWith('.txt')).sort();
  for (const name of sources) {
    it(`${name}: as its half-width round trip gives, in full-width style`, async () => {
      const lines = fs.readFileSync(path.join(SOURCES, name), 'utf8').split(/\r?\n/);
      const halfYaml = recognizePlan(text(lines)).yaml;
      const fullYaml = recognizePlan(text(lines.map(fullWidth))).yaml;
      const fullData = parseYaml(fullYaml).data;
      const fullBytes = await docx(fullYaml);
      const halfBytes = await docx(halfYaml);
      // The full-width import is written in its own style: none of the exporter's marks half-width.
      expect(marksOf(fullData)).toBe(NOTES_DECIDE.has(name) ? HALF_MARKS : FULL_MARKS);
      const written = paragraphs(fullBytes).join('\n');
      if (NOTES_DECIDE.has(name)) expect(markCounts(fullData).text).toEqual({ half: 0, full: 0 });
      // The importer writes some strings of its own making half-width (an indicator's name cut from its sentence,
      // 建设镇(街道)综合养老服务中心示范点): written as the plan has them. Everything else is full-width.
      if (!NOTES_DECIDE.has(name)) expect(halfMarks(withoutStrings(written, fullData)), name).toEqual([]);
      // And the half-width one as before, with its half-width joiners: the two documents differ in their marks only.
      expect(halfWidth(written)).toBe(halfWidth(paragraphs(halfBytes).join('\n')));
      const halfBack = shape(back(halfBytes, name.replace('.txt', '.docx')));
      const fullBack = shape(back(fullBytes, name.replace('.txt', '.docx')));
      expect(fullBack.sections.length).toBe(halfBack.sections.length);
      expect(fullBack.tasks.length).toBe(halfBack.tasks.length);
      expect(fullBack).toEqual(halfBack);
    });
  }
});
