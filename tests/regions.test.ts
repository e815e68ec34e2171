// Regions (地区): the plan's one list of breakdown columns, read into the model, validated by the schema,
// and checked by region-declared and regions-sum-to-total.
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/engine/check.js';
import { applyEdits, fixToEdits } from '../src/engine/fix.js';
import { buildPlan } from '../src/engine/model.js';
import { parse } from 'yaml';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { exportPlan } from '../src/export/export.js';
import { hover } from '../src/language/hover.js';
import { complete } from '../src/language/completion.js';
import { documentSymbols } from '../src/language/symbols.js';

const HEAD = 'plan:\n  title: 测试计划\n  period: { start: 2024, end: 2025 }\n';
const REGIONS = 'regions:\n  - { id: haishu, name: 海曙区 }\n  - { id: jiangbei, name: 江北区 }\n  - { id: hjj, name: 海曙、江东、江北, merged: [海曙, 江东, 江北] }\n';
const plan = (byRegion: string, extra = '', regions = REGIONS) =>
  `${HEAD}${regions}sections:\n  - title: 养老\n    tasks:\n      - title: 任务\n        indicators:\n          - name: 养老服务中心\n            unit: 个\n            kind: increment\n${extra}            byRegion: ${byRegion}\n`;
const own = (text: string, id: string) => checkText(text).findings.filter((f) => f.ruleId === id);

describe('regions in the model', () => {
  it('reads regions with their merged members, and byRegion as the overall split then yearly splits', () => {
    const p = buildPlan(parse(plan('{ 2025: { haishu: 3 }, haishu: 120, jiangbei: { value: 80, unit: 个 } }', '            overall: { year: 2025, value: 200 }\n')));
    expect(p.regions.map((r) => [r.id, r.name, r.merged])).toEqual([['haishu', '海曙区', []], ['jiangbei', '江北区', []], ['hjj', '海曙、江东、江北', ['海曙', '江东', '江北']]]);
    const [ind] = p.allIndicators;
    expect(ind.byRegion.map((s) => [s.year, s.values.map((v) => [v.key, v.value, v.unit, v.path.slice(-3).join('.')])])).toEqual([
      [undefined, [['haishu', 120, undefined, '0.byRegion.haishu'], ['jiangbei', 80, '个', 'byRegion.jiangbei.value']]],
      [2025, [['haishu', 3, undefined, 'byRegion.2025.haishu']]],
    ]);
  });

  it('the schema accepts byRegion and rejects a region id of four digits (a year)', () => {
    expect(checkText(plan('{ haishu: 120, jiangbei: 80 }', '            overall: { year: 2025, value: 200 }\n')).findings.filter((f) => f.ruleId === 'schema')).toEqual([]);
    const bad = checkText(plan('{ haishu: 200 }', '            overall: { year: 2025, value: 200 }\n', 'regions:\n  - { id: "2024", name: 海曙区 }\n  - { id: haishu, name: 海曙 }\n'));
    expect(bad.findings.filter((f) => f.ruleId === 'schema').map((f) => f.message.en)).toEqual(['Wrong format: "2024" should be an id other than four digits (four digits are a year)']);
  });
});

describe('region-declared', () => {
  it('a plan without regions whose indicator uses byRegion is told once, with the count of regions', () => {
    const f = own(plan('{ haishu: 120, jiangbei: 80 }', '            overall: { year: 2025, value: 200 }\n', ''), 'region-declared');
    expect(f.map((x) => [x.messageId, x.message.en])).toEqual([['noRegions', '养老服务中心(个): the target is split by region (byRegion) but the plan lists no regions (regions): list the 2 regions in regions']]);
  });

  it('renaming a misspelt key changes only the key: its value and comment stay', () => {
    const text = plan('\n              haishu: 120\n              jiangbai: 80  # 原文第 3 列', '            overall: { year: 2025, value: 200 }\n');
    const out = checkText(text);
    const f = out.findings.find((x) => x.ruleId === 'region-declared')!;
    expect(f.messageId).toBe('unknownNear');
    const fixed = applyEdits(text, fixToEdits(out.source!, f.suggestions![0])!);
    expect(fixed).toBe(text.replace('jiangbai: 80  # 原文第 3 列', 'jiangbei: 80  # 原文第 3 列'));
    expect(own(fixed, 'region-declared')).toEqual([]);
    expect(own(fixed, 'regions-sum-to-total')).toEqual([]);
  });
});

describe('regions-sum-to-total', () => {
  it('offers the total and each region as suggestions, and either makes the sum match', () => {
    const text = plan('{ haishu: 120, jiangbei: 70 }', '            overall: { year: 2025, value: 200 }\n');
    const out = checkText(text);
    const f = out.findings.find((x) => x.ruleId === 'regions-sum-to-total')!;
    expect(f.suggestions!.map((s) => s.message['zh-CN'])).toEqual(['将总数改为 190', '将“海曙区”改为 130', '将“江北区”改为 80']);
    for (const s of f.suggestions!) expect(own(applyEdits(text, fixToEdits(out.source!, s)!), 'regions-sum-to-total')).toEqual([]);
  });

  it('a merged column and one of its regions both given values is a double count, matched without the ending 区', () => {
    const f = own(plan('{ hjj: 150, jiangbei: 50 }', '            overall: { year: 2025, value: 200 }\n'), 'regions-sum-to-total');
    expect(f.map((x) => x.messageId)).toEqual(['doubleCounted']);
    expect(f[0].message['zh-CN']).toContain('“江北区”已含在合并列“海曙、江东、江北”中');
  });

  it('an unknown region still counts in the sum', () => {
    expect(own(plan('{ haishu: 120, zhenhai: 80 }', '            overall: { year: 2025, value: 200 }\n'), 'regions-sum-to-total')).toEqual([]);
    expect(own(plan('{ haishu: 120, zhenhai: 70 }', '            overall: { year: 2025, value: 200 }\n'), 'regions-sum-to-total').length).toBe(1);
  });
});

describe('regions in the editor', () => {
  const text = plan('{ haishu: 120, jiangbei: 80, 2025: { hjj: 9 } }', '            overall: { year: 2025, value: 200 }\n');
  const output = checkText(text);

  it('hover on an indicator shows each split with the regions by name', () => {
    const value = (hover(output, text.indexOf('养老服务中心') + 1, 'zh-CN')?.contents as { value: string }).value;
    expect(value).toContain('分地区 · 总体目标: 海曙区 120、江北区 80');
    expect(value).toContain('分地区 · 2025: 海曙、江东、江北 9');
  });

  it('completes the keys of a byRegion with the regions not written yet, their names beside', () => {
    const typed = plan('\n              haishu: 120\n              ', '            overall: { year: 2025, value: 200 }\n');
    const items = complete(checkText(typed), typed.length - 1, 'zh-CN');
    expect(items.map((i) => [i.label, i.detail])).toEqual([['jiangbei', '江北区'], ['hjj', '海曙、江东、江北']]);
  });

  it('the outline lists the regions before the sections, a merged one with what it holds', () => {
    const symbols = documentSymbols(output, 'en');
    expect(symbols.map((s) => [s.name, s.detail])).toEqual([['Regions', '3'], ['养老', undefined]]);
    expect(symbols[0].children!.map((s) => [s.name, s.detail])).toEqual([['海曙区', 'haishu'], ['江北区', 'jiangbei'], ['海曙、江东、江北', '海曙、江东、江北']]);
  });
});

describe('regions in exports', () => {
  const bytesOf = async (text: string, to: 'docx' | 'xlsx') => {
    const r = await exportPlan(text, to, { force: true });
    if (!r.ok) throw new Error(`export refused: ${r.reason}`);
    return r.bytes;
  };
  const indicatorRows = async (text: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await bytesOf(text, 'xlsx')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('指标')!;
    return (r: number) => (ws.getRow(r).values as unknown[]).slice(1).map((v) => String(v ?? ''));
  };
  const body = async (text: string) => strFromU8(unzipSync(await bytesOf(text, 'docx'))['word/document.xml']).replace(/<[^>]+>/g, '');

  it('the .xlsx indicator sheet has a column per region, filled from the overall split', async () => {
    const row = await indicatorRows(plan('{ haishu: 120, jiangbei: { value: 80, unit: 个 }, 2025: { haishu: 5 } }', '            overall: { year: 2025, value: 200 }\n'));
    expect(row(1).slice(-3)).toEqual(['海曙区', '江北区', '海曙、江东、江北']);
    expect(row(2).slice(-3)).toEqual(['120', '80', '']);
  });

  it('the .xlsx has no region columns when the plan has no regions', async () => {
    const row = await indicatorRows(plan('{ haishu: 120 }', '            overall: { year: 2025, value: 120 }\n', ''));
    expect(row(1)[row(1).length - 1]).toBe('比较');
  });

  it('the .docx writes 其中 by region after a sentence written from the data, never after a source quote', async () => {
    const text = plan('{ haishu: 120, jiangbei: 80 }', '            overall: { year: 2025, value: 200 }\n');
    // A plan without punctuation of its own is written full-width (src/export/marks.ts).
    expect(await body(text)).toContain('其中：海曙区120、江北区80');
    const quoted = text.replace('            byRegion:', '            source: "到2025年建成养老服务中心200个"\n            byRegion:');
    const doc = await body(quoted);
    expect(doc).toContain('到2025年建成养老服务中心200个');
    expect(doc).not.toContain('其中:海曙区');
  });
});
