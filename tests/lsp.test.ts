// The real language server over stdio: diagnostics, code actions (applied), hover, completion,
// definition, references, rename, symbols and inlay hints.
import fs from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, DocumentSymbol, Hover, InlayHint, Location, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { describe, expect, it } from 'vitest';
import { startClient } from './lsp/client.js';
import { sharedServer } from './lsp/shared.js';
import { generatePlan } from '../bench/gen.mjs';

const TEXT = fs.readFileSync(path.resolve(__dirname, 'cli/warn.plan.yaml'), 'utf8');
const ERROR_TEXT = fs.readFileSync(path.resolve(__dirname, 'cli/error.plan.yaml'), 'utf8');
const server = sharedServer('planlint-lsp');
const open = (text: string, name?: string) => server.open(text, name);


function applyEdit(text: string, edit: WorkspaceEdit): string {
  const change = edit.documentChanges?.[0] as { edits: TextEdit[] } | undefined;
  return TextDocument.applyEdits(TextDocument.create('x', 'yaml', 1, text), change?.edits ?? []);
}

const pos = (text: string, needle: string, delta = 0) => {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
};

describe('diagnostics', () => {
  it('arrive on open, in Chinese, with the rule id as code linking to its page, for that version', async () => {
    const uri = await open(TEXT);
    const p = await server.client.diagnostics(uri, 1);
    expect(p.diagnostics).toHaveLength(1);
    const d = p.diagnostics[0];
    expect(d).toMatchObject({
      code: 'unit-name-canonical',
      source: 'planlint',
      severity: 2,
      message: '“区人力社保局”疑为“区人力资源和社会保障局”的简称,请使用已声明的名称',
      range: { start: { line: 9, character: 11 }, end: { line: 9, character: 17 } },
    });
    expect(d.codeDescription?.href).toMatch(/rules\/unit-name-canonical\/README\.md$/);
    expect(fs.existsSync(new URL(d.codeDescription!.href))).toBe(true);
  });

  it('follow incremental changes, and the last publish is for the last version', async () => {
    const uri = await open(TEXT);
    await server.client.diagnostics(uri, 1);
    const start = pos(TEXT, '区人力社保局');
    for (let v = 2; v <= 30; v++) {
      const text = v % 2 === 0 ? '区人力资源和社会保障局' : '区人力社保局';
      const old = v % 2 === 0 ? '区人力社保局' : '区人力资源和社会保障局';
      await server.client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start, end: { line: start.line, character: start.character + old.length } }, text }],
      });
    }
    const last = await server.client.diagnostics(uri, 30);
    expect(last.diagnostics).toHaveLength(0);
    const versions = server.client.published.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });
});

describe('code actions', () => {
  it('offer the fix (preferred), disable-for-this-line and the rule page; the fix applies cleanly', async () => {
    const uri = await open(TEXT);
    const { diagnostics } = await server.client.diagnostics(uri, 1);
    const actions = (await server.client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics },
    })) as CodeAction[];
    expect(actions.map((a) => a.title)).toEqual([
      '改为已声明的单位名称“区人力资源和社会保障局”',
      '在此行禁用 unit-name-canonical',
      '在此文件禁用 unit-name-canonical',
      '查看规则 unit-name-canonical 的说明',
    ]);
    expect(actions[0].isPreferred).toBe(true);
    expect(applyEdit(TEXT, actions[0].edit!)).toBe(TEXT.replace('[区人力社保局]', '[区人力资源和社会保障局]'));
    expect(applyEdit(TEXT, actions[1].edit!)).toBe(TEXT.replace('    lead: [区人力社保局]', '    # planlint-disable-next-line unit-name-canonical -- 原因\n    lead: [区人力社保局]'));
    expect((actions[1].edit!.documentChanges![0] as { textDocument: { version: number } }).textDocument.version).toBe(1);
    expect(actions[3].command).toMatchObject({ command: 'planlint.openRuleDoc' });
  });

  it('disable for this file: a first-line comment with a reason, after which the file has no finding of that rule', async () => {
    const uri = await open(TEXT);
    const { diagnostics } = await server.client.diagnostics(uri, 1);
    const actions = (await server.client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics },
    })) as CodeAction[];
    const action = actions.find((a) => a.title === '在此文件禁用 unit-name-canonical')!;
    expect(action.kind).toBe('quickfix');
    expect((action.edit!.documentChanges![0] as { textDocument: { version: number } }).textDocument.version).toBe(1);
    const disabled = applyEdit(TEXT, action.edit!);
    expect(disabled).toBe(`# planlint-disable-file unit-name-canonical -- 原因\n${TEXT}`);
    await server.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: disabled }] });
    // The exemption holds and is used: no finding of the rule, and no unused-exemption finding either.
    expect((await server.client.diagnostics(uri, 2)).diagnostics).toEqual([]);
  });

  it('offer suggestions, never preferred, for a sum that does not add up', async () => {
    const uri = await open(ERROR_TEXT);
    const { diagnostics } = await server.client.diagnostics(uri, 1);
    const sumDiag = diagnostics.filter((d) => d.code === 'yearly-sum-matches-overall');
    const actions = (await server.client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: sumDiag[0].range, context: { diagnostics: sumDiag } })) as CodeAction[];
    expect(actions.slice(0, 2).map((a) => [a.title, a.isPreferred])).toEqual([['将总体目标改为 17', false], ['将 2023 年目标改为 5', false]]);
    expect(applyEdit(ERROR_TEXT, actions[0].edit!)).toBe(ERROR_TEXT.replace('value: 15 }', 'value: 17 }'));
  });

  it('offer each unit of a responsible-only row as its lead, never preferred, keeping CRLF and comments', async () => {
    const text = ['plan:', '  title: 分解表', '  period: { start: 2016, end: 2016 }', 'conventions:', '  - id: responsible-only', 'sections:', '  - title: 实事', '    tasks:',
      '      - number: "1"', '        title: 建成水厂 # 第 46 行', '        responsible: [县水务局, 县住建局] # 原文顺序', ''].join('\r\n');
    const uri = await open(text);
    const { diagnostics } = await server.client.diagnostics(uri, 1);
    const ambiguous = diagnostics.filter((d) => d.code === 'task-has-lead');
    const actions = (await server.client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: ambiguous[0].range, context: { diagnostics: ambiguous } })) as CodeAction[];
    expect(actions.slice(0, 2).map((a) => [a.title, a.isPreferred])).toEqual([['把“县水务局”设为牵头单位', false], ['把“县住建局”设为牵头单位', false]]);
    expect(applyEdit(text, actions[1].edit!)).toBe(text.replace('# 原文顺序\r\n', '# 原文顺序\r\n        lead: [县住建局]\r\n'));
  });

  it('source.fixAll.planlint applies safe fixes only', async () => {
    const uri = await open(TEXT + ERROR_TEXT.replace(/^[\s\S]*?sections:\n/, '  - title: 二\n'));
    await server.client.diagnostics(uri, 1);
    const actions = (await server.client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.planlint'] },
    })) as CodeAction[];
    expect(actions).toHaveLength(1);
    const fixed = applyEdit(TEXT + ERROR_TEXT.replace(/^[\s\S]*?sections:\n/, '  - title: 二\n'), actions[0].edit!);
    expect(fixed).toContain('[区人力资源和社会保障局]');
    expect(fixed).toContain('value: 15 }');
  });

  it('full-width punctuation: the quick fix replaces exactly the full-width colon', async () => {
    const text = 'plan:\n  title：全角冒号示例\n  period: { start: 2021, end: 2023 }\nsections: []\n';
    const uri = await open(text);
    const { diagnostics } = await server.client.diagnostics(uri, 1);
    const own = diagnostics.filter((d) => d.code === 'yaml-ascii-punctuation');
    expect(own.map((d) => [d.message, d.range.start])).toEqual([['第 2 行第 8 列用了全角冒号“：”,YAML 的键后需要半角冒号“:”加空格', { line: 1, character: 7 }]]);
    const actions = (await server.client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: own[0].range, context: { diagnostics: own } })) as CodeAction[];
    expect([actions[0].title, actions[0].isPreferred]).toEqual(['改为半角“:”', true]);
    expect(applyEdit(text, actions[0].edit!)).toBe(text.replace('title：', 'title: '));
  });

  it('a diagnostic from an older version gets no edit', async () => {
    const uri = await open(TEXT);
    const { diagnostics } = await server.client.diagnostics(uri, 1);
    await server.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `# 前言\n${TEXT}` }] });
    await server.client.diagnostics(uri, 2);
    const actions = (await server.client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } })) as CodeAction[];
    expect(actions).toEqual([]);
  });
});

describe('navigation and help', () => {
  it('hover on an indicator shows its trajectory, sum and comparison with the overall target', async () => {
    const uri = await open(ERROR_TEXT);
    const h = (await server.client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos(ERROR_TEXT, 'yearly: { 2021: 4', 12) })) as Hover;
    expect((h.contents as { value: string }).value).toBe('**新建公办幼儿园(所)** · 增量\n\n2021 **4** → 2022 **6** → 2023 **7** → 总体目标 2023 **15**\n\n年度合计: 4 + 6 + 7 = **17** ≠ 15');
  });

  it('hover on a unit shows what it leads and shares', async () => {
    const uri = await open(TEXT);
    const h = (await server.client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos(TEXT, '[区财政局]', 2) })) as Hover;
    expect((h.contents as { value: string }).value).toBe('**区财政局** · 已声明单位\n\n牵头 (0): 无\n\n参与 (0): 无');
  });

  it('completes unit names in lead lists and enum values after a key', async () => {
    const text = TEXT.replace('responsible: [区财政局]', 'responsible: [');
    const uri = await open(text);
    const items = (await server.client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: pos(text, 'responsible: [', 14) })) as CompletionItem[];
    expect(items.map((i) => i.label)).toEqual(['区人力资源和社会保障局', '区财政局']);
    const text2 = ERROR_TEXT.replace('kind: increment', 'kind: ');
    const uri2 = await open(text2);
    const kinds = (await server.client.connection.sendRequest('textDocument/completion', { textDocument: { uri: uri2 }, position: pos(text2, 'kind: ', 6) })) as CompletionItem[];
    expect(kinds.map((i) => i.label)).toEqual(['level', 'increment', 'cumulative']);
  });

  it('completes unit names from the last version that parsed while the units list is half typed', async () => {
    const uri = await open(TEXT);
    await server.client.diagnostics(uri, 1);
    const broken = TEXT.replace('units:\n', 'units: [\n').replace('responsible: [区财政局]', 'responsible: [');
    await server.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: broken }] });
    await server.client.diagnostics(uri, 2);
    const items = (await server.client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: pos(broken, 'responsible: [', 14) })) as CompletionItem[];
    expect(items.map((i) => i.label)).toEqual(['区人力资源和社会保障局', '区财政局']);
  });

  it('completes the keys a mapping still lacks, with their Chinese titles', async () => {
    const text = ERROR_TEXT.replace('            unit: 所\n', '            unit: 所\n            \n');
    const uri = await open(text);
    const items = (await server.client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: pos(text, '            \n', 12) })) as CompletionItem[];
    expect(items.map((i) => i.label)).toEqual(['id', 'direction', 'comparator', 'baseline', 'growth', 'parts', 'partsSum', 'byRegion', 'relations', 'actual', 'note', 'source']);
    expect(items.find((i) => i.label === 'baseline')?.detail).toBe('基期值');
  });

  it('completes region keys inside a year key of byRegion, flow or block, leaving out those the year already has', async () => {
    const head = 'plan:\n  title: 分地区\n  period: { start: 2024, end: 2025 }\nregions:\n  - { id: haishu, name: 海曙区 }\n  - { id: jiangbei, name: 江北区 }\n  - { id: yinzhou, name: 鄞州区 }\nsections:\n  - title: 养老\n    tasks:\n      - title: 任务\n        indicators:\n          - name: 养老服务中心\n            unit: 个\n            kind: increment\n            yearly: { 2024: 90, 2025: 110 }\n';
    const at = async (body: string) => {
      const text = head + body.replace('|', '');
      const uri = await open(text);
      const items = (await server.client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: pos(head + body, '|') })) as CompletionItem[];
      return items.map((i) => [i.label, i.detail, i.insertText]);
    };
    expect(await at('            byRegion: {2024: {|}}\n')).toEqual([['haishu', '海曙区', 'haishu: '], ['jiangbei', '江北区', 'jiangbei: '], ['yinzhou', '鄞州区', 'yinzhou: ']]);
    // The overall split's haishu is not the year's: only the year's own keys are taken, before the cursor and after it.
    expect((await at('            byRegion: { haishu: 50, 2024: { jiangbei: 40, | } }\n')).map((i) => i[0])).toEqual(['haishu', 'yinzhou']);
    expect((await at('            byRegion: { 2024: { |, 鄞州区: 2 } }\n')).map((i) => i[0])).toEqual(['haishu', 'jiangbei']);
    expect((await at('            byRegion:\n              haishu: 50\n              2024:\n                jiangbei: 40\n                |\n')).map((i) => i[0])).toEqual(['haishu', 'yinzhou']);
    // Not in a byRegion: the year mapping of yearly offers no region.
    expect(await at('            overall: {2025: {|}}\n')).toEqual([]);
  });

  it('go to definition, find references and rename a unit', async () => {
    const text = TEXT.replace('responsible: [区财政局]', 'responsible: [区财政局]\n    tasks:\n      - title: 预算\n        lead: [区财政局]').replace(/\n {4}tasks:\n {6}- number: "1"[\s\S]*$/, '\n');
    const uri = await open(text);
    const at = pos(text, '[区财政局]', 2);
    const def = (await server.client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: at })) as Location;
    expect(def.range.start).toEqual(pos(text, '区财政局'));
    const refs = (await server.client.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: at, context: { includeDeclaration: true } })) as Location[];
    expect(refs).toHaveLength(3);
    const edit = (await server.client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: at, newName: '区财政局(区国资办)' })) as WorkspaceEdit;
    const renamed = applyEdit(text, edit);
    expect(renamed.match(/区财政局\(区国资办\)/g)).toHaveLength(3);
    expect(renamed.replace(/区财政局\(区国资办\)/g, '区财政局')).toBe(text);
  });

  it('outline: sections → tasks → indicators', async () => {
    const uri = await open(ERROR_TEXT);
    const symbols = (await server.client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    const tree = (s: DocumentSymbol): unknown => (s.children?.length ? { [s.name]: s.children.map(tree) } : s.name);
    expect(symbols.map(tree)).toEqual([{ 教育: [{ 新建公办幼儿园: ['新建公办幼儿园', '普惠性幼儿园覆盖率'] }] }]);
  });

  it('inlay hint beside an increment: the sum of its years against the overall target', async () => {
    const uri = await open(ERROR_TEXT);
    const hints = (await server.client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } } })) as InlayHint[];
    expect(hints.map((h) => [h.position.line, h.label])).toEqual([[12, ' Σ 17 ≠ 15']]);
  });

  it('follows the planlint.* settings: rule severities and enable', async () => {
    const c = await startClient({ configuration: { enable: true, rules: { 'unit-name-canonical': 'error' } } });
    try {
      const uri = 'file:///tmp/planlint-lsp/settings.plan.yaml';
      await c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: TEXT } });
      expect((await c.diagnostics(uri, 1)).diagnostics.map((d) => [d.code, d.severity])).toEqual([['unit-name-canonical', 1]]);
    } finally {
      await c.stop();
    }
    const off = await startClient({ configuration: { enable: false } });
    try {
      const uri = 'file:///tmp/planlint-lsp/off.plan.yaml';
      await off.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: TEXT } });
      expect((await off.diagnostics(uri, 1)).diagnostics).toEqual([]);
    } finally {
      await off.stop();
    }
  });

  it('speaks English when the editor does', async () => {
    const en = await startClient({ locale: 'en' });
    try {
      const uri = 'file:///tmp/planlint-lsp/en.plan.yaml';
      await en.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: TEXT } });
      expect((await en.diagnostics(uri, 1)).diagnostics[0].message).toBe('"区人力社保局" looks like an abbreviation of "区人力资源和社会保障局"; use the declared name');
    } finally {
      await en.stop();
    }
  });
});

describe('large files', () => {
  it('past planlint.largeFileSize: checked on open and save only, with a notice; frequent features off, the outline kept', async () => {
    const c = await startClient({ configuration: { largeFileSize: 100 } });
    try {
      const text = generatePlan(300);
      expect(Buffer.byteLength(text)).toBeGreaterThan(100 * 1024);
      const uri = 'file:///tmp/planlint-lsp/large.plan.yaml';
      await c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      const opened = await c.diagnostics(uri, 1, 60_000);
      expect(opened.diagnostics.length).toBeGreaterThan(0);
      await expect.poll(() => c.messages.map((m) => m.message).join('\n')).toContain('超过 100 KB(planlint.largeFileSize),只在打开和保存时检查');
      const line = text.split('\n').findIndex((l) => l.includes('value:'));
      await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '' }] });
      // No check while typing…
      await new Promise((r) => setTimeout(r, 800));
      expect(c.published.filter((p) => p.uri === uri).map((p) => p.version)).toEqual([1]);
      expect(await c.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 20, character: 12 } })).toBeNull();
      const symbols = await c.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      expect(symbols.length).toBeGreaterThan(0);
      // …and on save.
      await c.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
      await c.diagnostics(uri, 2, 60_000);
      expect(c.messages).toHaveLength(1);
    } finally {
      await c.stop();
    }
  }, 120_000);
});

describe('the facts a plan states beyond units and figures, in hover and outline (issue 21)', () => {
  const FACTS = [
    'plan:', '  title: 民生实事', '  period: { start: 2023, end: 2023 }',
    '  declaredCounts: { categories: 2, items: 3 }',
    '  tagCounts: [{ tag: 省定, count: 1 }]',
    '  indicators:', '    - { name: 总投资, unit: 亿元, overall: { year: 2023, value: 28.23 } }',
    'sections:', '  - title: 教育', '    cooperating: [区财政局]', '    people: [{ role: 分管领导, name: 何海平 }]', '    tasks:',
    '      - number: "1"', '        title: 建成区第二医院', '        lead: [区卫健局]', '        responsible: [区住建局]',
    '        people: [{ role: 项目责任人, name: 张三 }]', '        tags: [省定, 票决项目]', '        deadline: 2023',
    '        milestones:', '          - { kind: 开工, date: "2023-03" }', '          - { kind: 投入使用, date: "2023-12" }',
    '      - { number: "2", title: 新建公园, lead: [区住建局] }', '',
  ].join('\n');
  const hoverAt = async (text: string, needle: string, delta = 0) => {
    const uri = await open(text);
    const h = (await server.client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos(text, needle, delta) })) as Hover | null;
    return (h?.contents as { value: string } | undefined)?.value;
  };

  it('hover on a task: its lead, responsible and cooperating units (its section\'s), people, milestones, deadline and tags', async () => {
    expect(await hoverAt(FACTS, 'title: 建成区第二医院', 10)).toBe(
      '**1 建成区第二医院** · 标签: 省定、票决项目\n\n牵头单位: 区卫健局\n\n责任单位: 区住建局\n\n配合单位: 区财政局\n\n责任人: 项目责任人 张三\n\n节点: 开工 2023-03 → 投入使用 2023-12 · 完成时限: 2023',
    );
  });

  it('hover on the plan\'s metadata: its declared counts against what it lists, tag counts and its own indicators', async () => {
    expect(await hoverAt(FACTS, 'declaredCounts', 3)).toBe('**民生实事**\n\n声明 2类3件 · 实有 1类2件 ✗\n\n标签 省定: 声明 1 · 实有 1\n\n计划指标: 总投资(亿元) **28.23**');
  });

  it('hover on a section outside its tasks: its cooperating units and people', async () => {
    expect(await hoverAt(FACTS, 'people: [{ role: 分管领导', 2)).toBe('**教育**\n\n配合单位: 区财政局\n\n责任人: 分管领导 何海平');
  });

  it('the outline: the declared counts first, a task\'s people and tags in its detail, its milestones as its children', async () => {
    const uri = await open(FACTS);
    const symbols = (await server.client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    const tree = (s: DocumentSymbol): unknown => (s.children?.length ? { [`${s.name} | ${s.detail ?? ''}`]: s.children.map(tree) } : `${s.name} | ${s.detail ?? ''}`);
    expect(symbols.map(tree)).toEqual([
      '2类3件 | 声明 2类3件 · 实有 1类2件 ✗',
      '总投资 | 亿元',
      { '教育 | 配合:区财政局;分管领导 何海平': [{ '1 建成区第二医院 | 区卫健局;项目责任人 张三;#省定;#票决项目': ['开工 2023-03 | ', '投入使用 2023-12 | '] }, '2 新建公园 | 区住建局'] },
    ]);
  });

  it('a lead the convention derives reads as derived; a responsible-only row of several units as undecided', async () => {
    const text = [
      'plan:', '  title: 分解表', '  period: { start: 2016, end: 2016 }', 'conventions:', '  - id: responsible-only', 'sections:', '  - title: 实事', '    tasks:',
      '      - { number: "1", title: 建成水厂, responsible: [县水务局, 县住建局] }', '      - { number: "2", title: 新建幼儿园, responsible: [县教育局] }', '',
    ].join('\n');
    expect(await hoverAt(text, '建成水厂', 1)).toBe('**1 建成水厂**\n\n牵头单位: 未定(只有责任单位一栏,所列几个单位中未指明谁牵头)\n\n责任单位: 县水务局、县住建局');
    expect(await hoverAt(text, '新建幼儿园', 1)).toBe('**2 新建幼儿园**\n\n牵头单位: 县教育局(推定)\n\n责任单位: 县教育局');
    // On a unit: the undecided row is one it shares, not one it leads.
    expect(await hoverAt(text, '县住建局] }', 1)).toBe('**县住建局** · 未声明的单位\n\n牵头 (0): 无\n\n参与 (1): 1 建成水厂(牵头未定)');
    expect(await hoverAt(text, '[县教育局]', 1)).toBe('**县教育局** · 未声明的单位\n\n牵头 (1): 2 新建幼儿园(推定)\n\n参与 (1): 2 新建幼儿园');
    const uri = await open(text);
    const symbols = (await server.client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    expect(symbols[0].children?.map((c) => c.detail)).toEqual(['县水务局、县住建局(牵头未定)', '县教育局(推定)']);
  });
});

describe('the document form in hover, outline and completion (issue 22)', () => {
  const REPORT = [
    'plan:', '  title: 2022年十件民生实事', '  form: { kind: news-report, source: 记者从会议上获悉 }', '  period: { start: 2022, end: 2022 }',
    'sections:', '  - title: 教育', '    tasks:', '      - title: 新建公办幼儿园', '',
  ].join('\n');
  const hoverAt = async (text: string, needle: string, delta = 0) => {
    const uri = await open(text);
    const h = (await server.client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos(text, needle, delta) })) as Hover | null;
    return (h?.contents as { value: string } | undefined)?.value;
  };

  it('hover on plan:, on form: and on the title says a report is not a plan to issue; a plan says nothing of its form', async () => {
    for (const [needle, delta] of [['plan:', 1], ['form:', 1], ['title: 2022', 9]] as const) {
      expect(await hoverAt(REPORT, needle, delta), needle).toBe('**2022年十件民生实事** · 新闻报道,不是待印发的计划');
    }
    expect(await hoverAt(REPORT.replace(/^ {2}form: .*\n/m, ''), 'title: 2022', 9)).toBe('**2022年十件民生实事**');
  });

  it('the outline opens a report with its title and its form; a plan\'s outline is its sections', async () => {
    const outline = async (text: string) => {
      const uri = await open(text);
      const symbols = (await server.client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
      return symbols.map((s) => `${s.name} | ${s.detail ?? ''}`);
    };
    expect(await outline(REPORT)).toEqual(['2022年十件民生实事 | 新闻报道', '教育 | ']);
    expect(await outline(REPORT.replace('news-report', 'progress-report'))).toEqual(['2022年十件民生实事 | 进展报告', '教育 | ']);
    expect(await outline(REPORT.replace(/^ {2}form: .*\n/m, ''))).toEqual(['教育 | ']);
  });

  it('completes the three kinds of form, each with what it means', async () => {
    const text = REPORT.replace(/^ {2}form: .*\n/m, '  form:\n    kind: \n');
    const uri = await open(text);
    const items = (await server.client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: pos(text, 'kind: ', 6) })) as CompletionItem[];
    expect(items.map((i) => `${i.label} | ${i.detail}`)).toEqual(['plan | 计划本身,待印发或已印发', 'progress-report | 关于计划的进展报告、完成情况表,不印发', 'news-report | 关于计划的新闻报道、新闻摘要,不印发']);
  });

  it('speaks English when the editor does', async () => {
    const en = await startClient({ locale: 'en' });
    try {
      const uri = 'file:///tmp/planlint-lsp/en-form.plan.yaml';
      await en.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: REPORT } });
      const h = (await en.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos(REPORT, 'form:', 1) })) as Hover;
      expect((h.contents as { value: string }).value).toBe('**2022年十件民生实事** · a news report, not a plan to issue');
      const symbols = (await en.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
      expect(symbols[0].detail).toBe('a news report');
      const text = REPORT.replace(/^ {2}form: .*\n/m, '  form:\n    kind: \n');
      await en.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
      await en.diagnostics(uri, 2);
      const items = (await en.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: pos(text, 'kind: ', 6) })) as CompletionItem[];
      expect(items.find((i) => i.label === 'news-report')?.detail).toBe('a news report or summary of a plan, not issued');
    } finally {
      await en.stop();
    }
  });
});
