// The engine's foundation: parsing that never throws or changes meaning, and schema findings placed
// on the exact key or value with a message a drafter understands.
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/engine/check.js';
import { LineIndex } from '../src/engine/text.js';

/** Findings as "line:col-line:col ruleId/messageId | zh message" with 1-based positions. */
function findings(text: string, ruleFilter?: (id: string) => boolean): string[] {
  const out = checkText(text);
  return out.findings
    .filter((f) => !ruleFilter || ruleFilter(f.ruleId))
    .map((f) => {
      const s = out.lines.position(f.range.start);
      const e = out.lines.position(f.range.end);
      return `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1} ${f.ruleId}/${f.messageId} | ${f.message['zh-CN']}`;
    });
}

const HEAD = 'plan:\n  title: 测试计划\n  period: { start: 2021, end: 2023 }\n';

describe('schema findings', () => {
  it('a wrong type is marked on the value, naming the expected type and the value found', () => {
    const text = `${HEAD}sections:\n  - title: 教育\n    lead: [区教育局]\n    tasks:\n      - title: 任务\n        indicators:\n          - name: 毛入园率\n            baseline: 84.5\n`;
    expect(findings(text)).toEqual(['11:23-11:27 schema/wrongType | 应为映射(键: 值),实际为 84.5']);
    expect(checkText(text).findings[0].message.en).toBe('Expected a mapping (key: value), found 84.5');
  });

  it('an unknown key is marked on the key and suggests the nearest known one', () => {
    const text = `${HEAD}sections:\n  - title: 教育\n    taks: []\n`;
    expect(findings(text)).toEqual(['6:5-6:9 schema/unknownKeySuggest | 未知的键 “taks”,是否应为 “tasks”?']);
    const f = checkText(text).findings[0];
    expect(f.suggestions?.[0].message['zh-CN']).toBe('将键改为 “tasks”');
  });

  it('an unknown key with no near match lists the keys allowed there', () => {
    const text = `${HEAD}  budget: 100\nsections: []\n`;
    expect(findings(text)[0]).toMatch(/^4:3-4:9 schema\/unknownKey \| 未知的键 “budget”,此处允许的键:id, title, issuers/);
  });

  it('a missing required field is marked on the key of the mapping that lacks it', () => {
    const text = 'plan:\n  title: 测试计划\nsections: []\n';
    expect(findings(text)).toEqual(['1:1-1:5 schema/missingKey | 缺少必填的键 “period”']);
  });

  it('a value outside an enum names the allowed values', () => {
    const text = `${HEAD}  status: 已印发\nsections: []\n`;
    expect(findings(text)).toEqual(['4:11-4:14 schema/notInEnum | 值 "已印发" 无效,应为以下之一:draft, review, issued']);
  });

  it('a yearly key that is not a year is marked on the key', () => {
    const text = `${HEAD}sections:\n  - title: 教育\n    indicators:\n      - name: 入园率\n        yearly: { 2021: 86, 明年: 88 }\n`;
    expect(findings(text)).toEqual(['8:29-8:31 schema/badYearKey | 年度目标的键应为四位年份(如 2018),实际为 “明年”']);
  });

  it('yearly targets keyed by plain integer years are accepted, quoted or not', () => {
    const plain = `${HEAD}sections:\n  - title: 教育\n    indicators:\n      - name: 入园率\n        yearly: { 2021: 86, 2022: 88 }\n`;
    const quoted = plain.replace('2021: 86, 2022: 88', '"2021": 86, "2022": 88');
    const block = plain.replace('{ 2021: 86, 2022: 88 }', '\n          2021: 86\n          2022: 88');
    for (const text of [plain, quoted, block]) expect(findings(text)).toEqual([]);
    expect(checkText(plain).plan?.allIndicators[0].yearly.map((t) => [t.year, t.value])).toEqual([[2021, 86], [2022, 88]]);
  });
});

describe('YAML problems', () => {
  it('a duplicate key is marked on the second key', () => {
    expect(findings(`${HEAD}  title: 又一个\nsections: []\n`)).toEqual(['4:3-4:8 yaml-syntax/DUPLICATE_KEY | 键重复:同一映射中已有同名的键']);
  });

  it('a parse error is marked where the parser stopped, in Chinese', () => {
    expect(findings('plan:\n  title: "未闭合\nsections: []\n', (id) => id === 'yaml-syntax')).toEqual([
      '2:10-2:14 yaml-syntax/MISSING_CHAR | 缺少字符:可能缺少右引号、右括号或冒号',
    ]);
  });

  it('tab indentation says to use spaces', () => {
    expect(findings('plan:\n\ttitle: x\n')).toContain('2:1-2:2 yaml-syntax/TAB_AS_INDENT | 不能用制表符(Tab)缩进,请改用空格');
  });

  it('an alias bomb is rejected at conversion, marked on the first alias', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    expect(findings(`${lines.join('\n')}\n`)).toEqual(['2:8-2:10 yaml-alias/aliasLimit | 别名展开次数超过上限 100,文件未转换为数据']);
  });

  it('an undefined alias gets its own finding instead of a crash', () => {
    expect(findings('plan: *nowhere\nsections: []\n')).toEqual(['1:7-1:15 yaml-alias/undefinedAlias | 别名 *nowhere 引用的锚点未定义']);
  });

  it('deep nesting is rejected by a pre-scan before the parser sees it', () => {
    expect(findings('['.repeat(100_000))).toEqual(['1:65-1:66 yaml-too-deep/tooDeep | 嵌套超过 64 层,文件未解析(计划文件不需要这么深的结构)']);
    expect(findings(`${'- '.repeat(5000)}x\n`)[0]).toMatch(/^1:10001-1:10002 yaml-too-deep\/tooDeep/);
    const deepMap = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    expect(findings(deepMap)[0]).toMatch(/^65:65-65:66 yaml-too-deep\/tooDeep/);
  });

  it('a long text whose lines drift right is text, not nesting', () => {
    const note = Array.from({ length: 70 }, (_, i) => `${' '.repeat(6 + i)}第${i + 1}行`).join('\n');
    const out = checkText(`${HEAD}sections:\n  - title: 一\n    note: 开头\n${note}\n`);
    expect(out.findings.map((f) => f.ruleId)).not.toContain('yaml-too-deep');
    expect((out.data as { sections: { note: string }[] }).sections[0].note).toMatch(/^开头 第1行 第2行 .* 第70行$/);
  });

  it('a %YAML 1.1 directive is flagged and cannot turn "no" into false', () => {
    const text = `%YAML 1.1\n---\n${HEAD.replace('测试计划', 'no')}sections: []\n`;
    expect(findings(text)).toEqual(['1:1-1:10 yaml-version/yaml11 | %YAML 1.1 指令会改变其他工具对本文件的解读(如 no → false);planlint 按 YAML 1.2 读取,请删除此行']);
    expect((checkText(text).data as { plan: { title: unknown } }).plan.title).toBe('no');
  });

  it('code-constructing tags are refused, never run', () => {
    expect(findings(`${HEAD}sections: !!js/function "function(){ process.exit(9) }"\n`, (id) => id === 'yaml-syntax')).toEqual([
      '4:11-4:24 yaml-syntax/TAG_RESOLVE_FAILED | 不支持的标签(如 !!js/function):planlint 不执行文件中的任何代码',
    ]);
  });

  it('a second document is an error on the separator', () => {
    expect(findings(`${HEAD}sections: []\n---\nplan: {}\n`, (id) => id === 'yaml-syntax')[0]).toMatch(/^5:1-7:1 yaml-syntax\/MULTIPLE_DOCS/);
  });

  it('__proto__ is an unknown key, not a prototype', () => {
    const text = `${HEAD}sections: []\n__proto__: { polluted: true }\n`;
    expect(findings(text)).toEqual(['5:1-5:10 schema/unknownKey | 未知的键 “__proto__”,此处允许的键:plan, conventions, units, regions, sections']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('invalid UTF-8 (decoded to U+FFFD) and NUL get their own findings', () => {
    expect(findings(`${HEAD}sections: []\n# \uFFFD\n`)).toEqual(['5:3-5:4 encoding/invalidUtf8 | 文件不是有效的 UTF-8 编码(首个无效字节在此),请以 UTF-8 重新保存']);
    expect(findings(`${HEAD}sections: []\n# a\u0000b\n`, (id) => id === 'encoding')).toEqual(['5:4-5:5 encoding/controlChar | 文件含有控制字符 NUL,请删除']);
    // In a comment js-yaml reads the file without complaint: the check must still find it.
    expect(findings(`${HEAD}sections: []\n# a\u0007b\n`, (id) => id === 'encoding')).toEqual(['5:4-5:5 encoding/controlChar | 文件含有控制字符 U+0007,请删除']);
  });

  it('BOM and CRLF keep positions right', () => {
    const text = `\uFEFF${HEAD}sections:\n  - title: 教育\n    taks: []\n`.replace(/\n/g, '\r\n');
    expect(findings(text)).toEqual(['6:5-6:9 schema/unknownKeySuggest | 未知的键 “taks”,是否应为 “tasks”?']);
  });

  it('never throws on hostile input', () => {
    const inputs = ['', '\uFEFF', '---', 'null', '[]', '"x"', '? [a]\n: b', '&a [*a]', 'a: !!binary ZZZ', '{a: 1, a: 2}', '<<: *x', '\ud800: 1', ':', '-', '|\n  x', 'a:\n  - b\n c: d', '<<<<<<< HEAD\na: 1\n=======\na: 2\n>>>>>>> x\n'];
    for (const text of inputs) expect(() => checkText(text), JSON.stringify(text)).not.toThrow();
  });
});

describe('line index', () => {
  it('maps offsets to positions and back over \\n, \\r\\n and a lone \\r, past its first 256 lines', () => {
    const lines = Array.from({ length: 600 }, (_, i) => `第${i}行`);
    const breaks = ['\n', '\r\n', '\r'];
    const text = lines.map((l, i) => l + breaks[i % 3]).join('') + '末行';
    const index = new LineIndex(text);
    expect(index.lineCount).toBe(601);
    let offset = 0;
    for (const [i, l] of [...lines, '末行'].entries()) {
      expect(index.position(offset + 1)).toEqual({ line: i, character: 1 });
      expect(index.offset({ line: i, character: 1 })).toBe(offset + 1);
      expect(index.lineText(i)).toBe(l);
      offset += l.length + (i < 600 ? breaks[i % 3].length : 0);
    }
    // Out of range: clamped to the text and to the line.
    expect(index.position(text.length + 5)).toEqual({ line: 600, character: 2 });
    expect(index.offset({ line: 0, character: 99 })).toBe(lines[0].length + 1);
    expect(index.offset({ line: 999, character: 0 })).toBe(text.length);
  });
});

describe('exemptions', () => {
  const body = `${HEAD}sections:\n  - title: 教育\n    lead: [区教育局]\n    tasks:\n      - title: 任务\n        indicators:\n          - name: 新建幼儿园\n            unit: 所\n            kind: increment\n            yearly: { 2021: 4, 2022: 6, 2023: 7 }\n`;
  const overall = '            overall: { year: 2023, value: 15 }\n';

  it('a disable-next-line comment with a reason exempts that line', () => {
    const text = `${body}            # planlint-disable-next-line yearly-sum-matches-overall -- 原文如此,待核实\n${overall}`;
    expect(findings(text)).toEqual([]);
  });

  it('an exemption without a reason still exempts, and is reported', () => {
    const text = `${body}            # planlint-disable-next-line yearly-sum-matches-overall\n${overall}`;
    expect(findings(text)).toEqual(['14:13-14:68 exemption-reason/missingReason | 豁免注释缺少理由:请在规则名后写 “-- 理由”']);
  });

  it('an exemption that exempts nothing is reported, with a fix that removes it', () => {
    const text = `${body}            # planlint-disable-next-line unit-declared -- 没用\n${overall}`;
    const out = checkText(text);
    const unused = out.findings.find((f) => f.ruleId === 'exemption-unused');
    expect(unused?.message['zh-CN']).toBe('此豁免未豁免任何问题(规则 unit-declared 在下一行没有发现问题)');
    expect(out.findings.some((f) => f.ruleId === 'yearly-sum-matches-overall')).toBe(true);
  });

  it('a file-level exemption covers the whole file; an unknown rule is reported', () => {
    expect(findings(`# planlint-disable-file yearly-sum-matches-overall -- 整理中\n${body}${overall}`)).toEqual([]);
    expect(findings(`# planlint-disable-file no-such-rule -- x\n${body}`)).toEqual(['1:1-1:42 exemption-unused/unknownRule | 豁免注释中的规则 “no-such-rule” 不存在']);
  });
});

describe('schema findings inside alternatives', () => {
  it('a misspelt relation type names every allowed type once', () => {
    const text = `${HEAD}sections:\n  - title: 教育\n    indicators:\n      - name: 补贴\n        relations:\n          - { type: at-least, indicator: x, factor: 1.5 }\n`;
    expect(findings(text)).toEqual(['9:21-9:29 schema/notInEnum | 值 "at-least" 无效,应为以下之一:at-least-times, sum-of, adds-to']);
  });

  it('a source given as a number is a wrong type naming both accepted forms', () => {
    const text = `${HEAD}  source: 3\nsections: []\n`;
    expect(findings(text)).toEqual(['4:11-4:12 schema/wrongType | 应为文本或映射(键: 值),实际为 3']);
  });
});

describe('fixes keep the file valid', () => {
  it('removing the only entry of a block list removes its key too, and nothing else', async () => {
    const { applyEdits, fixToEdits } = await import('../src/engine/fix.js');
    const text = `${HEAD}units:\n  - name: 区教委\nsections:\n  - title: 教育\n    tasks:\n      - title: 任务\n        lead: [区教委]\n        responsible:\n          - 区教委  # 重复\n        deadline: 2022\n`;
    const out = checkText(text);
    const f = out.findings.find((x) => x.ruleId === 'lead-not-responsible')!;
    const fixed = applyEdits(text, fixToEdits(out.source!, f.suggestions![0])!);
    expect(fixed).toBe(text.replace('        responsible:\n          - 区教委  # 重复\n', ''));
    expect(checkText(fixed).findings).toEqual([]);
  });
});

describe('task-has-lead: a responsible-only row with several units offers each as the lead', () => {
  const text = [
    'plan:', '  title: 分解表', '  period: { start: 2016, end: 2016 }', 'conventions:', '  - id: responsible-only', 'units:', '  - name: 县水务局', '  - name: 县住建局',
    'sections:', '  - title: 民生实事', '    tasks:', '      - number: "1"', '        title: 建成城区水厂 # 原文第 3 行',
    '        responsible:', '          - 县水务局', '          - 县住建局 # 列第二', '        deadline: 2016 # 年底', '      - { title: 改造老旧小区, responsible: [县住建局, 县水务局] }', '',
  ].join('\r\n');

  it('as suggestions (never a safe fix), one per listed unit, each adding lead: X and keeping comments and CRLF', async () => {
    const { applyEdits, fixToEdits } = await import('../src/engine/fix.js');
    const out = checkText(text);
    const [block, flow] = out.findings.filter((f) => f.ruleId === 'task-has-lead');
    expect(block.fix).toBeUndefined();
    expect(block.suggestions?.map((s) => s.message['zh-CN'])).toEqual(['把“县水务局”设为牵头单位', '把“县住建局”设为牵头单位']);
    expect(block.suggestions?.map((s) => s.message.en)).toEqual(['Make "县水务局" the lead unit', 'Make "县住建局" the lead unit']);
    const second = applyEdits(text, fixToEdits(out.source!, block.suggestions![1])!);
    expect(second).toBe(text.replace('deadline: 2016 # 年底\r\n', 'deadline: 2016 # 年底\r\n        lead: [县住建局]\r\n'));
    expect(checkText(second).findings.filter((f) => f.ruleId === 'task-has-lead')).toHaveLength(1);
    const inFlow = applyEdits(text, fixToEdits(out.source!, flow.suggestions![0])!);
    expect(inFlow).toBe(text.replace('responsible: [县住建局, 县水务局] }', 'responsible: [县住建局, 县水务局], lead: [县住建局] }'));
    expect(checkText(inFlow).findings.filter((f) => f.ruleId === 'task-has-lead').map((f) => f.path)).toEqual([['sections', 0, 'tasks', 0, 'title']]);
  });
});
