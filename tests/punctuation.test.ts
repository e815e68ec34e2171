// Full-width punctuation in YAML structure positions (rule yaml-ascii-punctuation): found only there,
// each at its character, with a fix that replaces exactly that character and yields YAML that reads.
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/engine/check.js';
import { applyEdits, fixToEdits } from '../src/engine/fix.js';
import { parseYaml } from '../src/engine/parse.js';
import { scanPunctuation } from '../src/engine/read/punctuation.js';

const RULE = 'yaml-ascii-punctuation';
const own = (text: string) => checkText(text).findings.filter((f) => f.ruleId === RULE);

describe('full-width punctuation in structure positions', () => {
  // [text, the one finding's message id, its offset's character, the fixed text]
  const cases: [string, string, string, string][] = [
    ['plan:\n  title：示例\n', 'colon', '：', 'plan:\n  title: 示例\n'],
    ['plan:\n  title： 示例\n', 'colon', '：', 'plan:\n  title: 示例\n'],
    ['plan:\n  title：　示例\n', 'colon', '：', 'plan:\n  title: 示例\n'],
    ['yearly:\n  2021：3\n', 'colon', '：', 'yearly:\n  2021: 3\n'],
    ['plan:\n  title:　示例\n', 'space', '\u3000', 'plan:\n  title: 示例\n'],
    ['plan:\n\u3000\u3000title: 示例\n  region: 某区\n', 'indent', '\u3000', 'plan:\n  title: 示例\n  region: 某区\n'],
    ['plan:\n  region: 某区\n\u3000title: 示例\n', 'indent', '\u3000', 'plan:\n  region: 某区\n  title: 示例\n'],
    ['issuers:\n－ 区政府\n', 'dash', '－', 'issuers:\n- 区政府\n'],
    ['issuers:\n－　区政府\n', 'dash', '－', 'issuers:\n- 区政府\n'],
    ['lead: 【区民政局】\n', 'flow', '【', 'lead: [区民政局]\n'],
    ['lead: ［区民政局］ # 注释\n', 'flow', '［', 'lead: [区民政局] # 注释\n'],
    ['lead: [区民政局，区财政局]\n', 'flow', '，', 'lead: [区民政局, 区财政局]\n'],
    ['lead: [区民政局， 区财政局]\n', 'flow', '，', 'lead: [区民政局, 区财政局]\n'],
    ['lead: ["甲，乙"，区财政局]\n', 'flow', '，', 'lead: ["甲，乙", 区财政局]\n'],
    ['period: { start：2021，end：2023 }\n', 'flow', '：', 'period: { start: 2021, end: 2023 }\n'],
    ['plan:\r\n  title：示例\r\n', 'colon', '：', 'plan:\r\n  title: 示例\r\n'],
    ['\uFEFFplan:\r\n\u3000\u3000title: 示例\r\n', 'indent', '\u3000', '\uFEFFplan:\r\n  title: 示例\r\n'],
    // A quoted key: known, or where a key of its mapping stands.
    ['plan:\n  "title"：示例\n', 'colon', '：', 'plan:\n  "title": 示例\n'],
    ['plan:\n  title: 示例\n  "备注"：见附件\n', 'colon', '：', 'plan:\n  title: 示例\n  "备注": 见附件\n'],
    ["plan:\n  title: 示例\n  '备''注'： 见附件\n", 'colon', '：', "plan:\n  title: 示例\n  '备''注': 见附件\n"],
    // A key in Chinese (or any unknown key) at the column of a key of its mapping, a space or nothing after.
    ['plan:\n  title: 示例\n  负责人： 区民政局\n', 'colon', '：', 'plan:\n  title: 示例\n  负责人: 区民政局\n'],
    ['plan:\n  title: 示例\n  负责人：\n    - 区民政局\n', 'colon', '：', 'plan:\n  title: 示例\n  负责人:\n    - 区民政局\n'],
    ['plan:\n  title: 示例\n  remark：见附件\n', 'colon', '：', 'plan:\n  title: 示例\n  remark: 见附件\n'],
    ['tasks:\n  - title: 甲\n    负责单位（牵头）：　区民政局\n', 'colon', '：', 'tasks:\n  - title: 甲\n    负责单位（牵头）: 区民政局\n'],
    ['yearly:\n  2020: 2\n  2021年： 3\n', 'colon', '：', 'yearly:\n  2020: 2\n  2021年: 3\n'],
    ['plan:\n  note: 很长的说明\n    第二行\n  负责人： 区民政局\n', 'colon', '：', 'plan:\n  note: 很长的说明\n    第二行\n  负责人: 区民政局\n'],
    ['\uFEFFplan:\r\n  title: 示例\r\n  负责人：\u3000区民政局\r\n', 'colon', '：', '\uFEFFplan:\r\n  title: 示例\r\n  负责人: 区民政局\r\n'],
    ['\uFEFFplan:\r\n  title: 示例\r\n  "负责人"：区民政局\r\n', 'colon', '：', '\uFEFFplan:\r\n  title: 示例\r\n  "负责人": 区民政局\r\n'],
  ];
  for (const [text, messageId, char, fixed] of cases) {
    it(`${JSON.stringify(text)}: one ${messageId} finding at "${char}", fixed to text that reads`, () => {
      const output = checkText(text);
      const found = output.findings.filter((f) => f.ruleId === RULE);
      expect(found.map((f) => f.messageId)).toEqual([messageId]);
      expect(text.slice(found[0].range.start, found[0].range.end)).toBe(char);
      expect(found[0].fix, 'a safe fix').toBeDefined();
      const edits = fixToEdits(output.source!, found[0].fix!)!;
      const after = applyEdits(text, edits);
      expect(after).toBe(fixed);
      expect(parseYaml(after).problems).toEqual([]);
      expect(own(after)).toEqual([]);
    });
  }

  it('names the character, its line and column in both languages', () => {
    const [f] = own('plan:\n  region: 某区\n  title：示例\n');
    expect(f.message['zh-CN']).toBe('第 3 行第 8 列用了全角冒号“：”,YAML 的键后需要半角冒号“:”加空格');
    expect(f.message.en).toBe('Line 3, column 8: a full-width colon "：" after a key; YAML needs an ASCII colon ":" and a space');
  });
});

describe('full-width punctuation that is Chinese writing is left alone', () => {
  const texts = [
    'plan:\n  title: 推进幼儿园建设，新增学位\n',
    'plan:\n  title: "说明：见附件【一】"\n',
    "plan:\n  title: '说明：见附件'\n",
    'plan:\n  note: 详见 http：//example.gov.cn\n',
    'notes:\n  - http：//example.gov.cn\n  - 区民政局：负责养老\n',
    'plan:\n  http：//example.gov.cn\n',
    'sections:\n  - title: 【重点】学前教育\n  - title: 【重点工作】\n',
    'plan:\n  note: |\n    lead：【甲，乙】\n    － 第一年：试点\n  \u3000\n  title: 示例\n'.replace('  \u3000\n', ''),
    '# title：注释里的全角标点【】，－\nplan:\n  title: 示例 # 注释：【甲，乙】\n',
    'tasks:\n  - number: （一）\n    title: 推进－建设\n',
    // A Chinese key is certain only where a key of its mapping stands: the first line under `title:` is
    // its value (YAML reads "长文本：乙 其他：丙"), a line indented past a value continues it, a list item may be text.
    'plan:\n  title:\n    长文本：乙\n    其他：丙\n',
    'plan:\n  note: 很长的说明\n    负责人：乙\n    说明： 丙\n',
    'plan:\n  负责人： 乙\n',
    'notes:\n  - 甲\n  - 负责人： 乙\n',
    'plan:\n  note: |\n    甲\n  title: 示例\n  text: >\n    负责人： 乙\n',
    // `、` inside a flow list: valid YAML, one text "区民政局、区财政局"; whether it names one unit or two is a
    // question about the value (a group such as 各镇(街道)、村(社区) is one), not about YAML structure.
    'lead: [区民政局、区财政局]\n',
    'lead: ["区民政局"、区财政局]\n',
  ];
  for (const text of texts) {
    it(JSON.stringify(text), () => {
      expect(scanPunctuation(text)).toEqual([]);
    });
  }
});

describe('readings that are not certain get a suggestion, not a safe fix', () => {
  it('an unknown key before a full-width colon', () => {
    const [f] = own('plan:\n  remark：见附件\n');
    expect([f.messageId, f.fix, f.suggestions?.length]).toEqual(['colon', undefined, 1]);
  });

  it('a Chinese key at the column of a key of its mapping, with text right after the colon (`注：本表…` may be a note)', () => {
    const [f] = own('plan:\n  title: 示例\n  注：本表为示例\n');
    expect([f.messageId, f.fix, f.suggestions?.length]).toEqual(['colon', undefined, 1]);
  });

  it('an unknown quoted key where no key of its mapping stands', () => {
    const [f] = own('plan:\n  "备注"：见附件\n');
    expect([f.messageId, f.fix, f.suggestions?.length]).toEqual(['colon', undefined, 1]);
  });

  it('a flow list under an unknown key', () => {
    const [f] = own('plan:\n  remarks: 【甲，乙】\n');
    expect([f.messageId, f.fix, f.suggestions?.length]).toEqual(['flow', undefined, 1]);
  });

  it('an indentation whose width lines up with no line above', () => {
    const [f] = own('plan:\n  title: 示例\n\u3000\u3000\u3000region: 某区\n');
    expect([f.messageId, f.fix, f.suggestions?.length]).toEqual(['indent', undefined, 1]);
  });
});
