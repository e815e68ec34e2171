import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { findQuote, placeInDocument } from '../../src/cli/place.js';

const lines = ['某区工作方案', '一、重点任务', '1.新建公办幼儿园4所。(牵头单位:区教育局)', '2.新增托位200个。'];
const data = {
  plan: { title: '某区工作方案', source: { line: 1 } },
  sections: [{
    title: '重点任务',
    source: { line: 2, quote: '重点任务' },
    tasks: [
      { title: '新建公办幼儿园', source: { line: 3, quote: '新建公办幼儿园4所' }, lead: ['区教育局'], indicators: [{ name: '公办幼儿园', source: { line: 3, quote: '4所' }, overall: { value: 4 } }] },
      { title: '新增托位', source: '新增托位200个' },
    ],
  }],
};
const finding = (path: Finding['path'], fix = false): Finding => ({
  ruleId: 'r', severity: 'warning', messageId: 'm', message: { 'zh-CN': '问题', en: 'problem' }, path, range: { start: 0, end: 0 },
  ...(fix ? { fix: { messageId: 'f', message: { 'zh-CN': '改为', en: 'use' }, operations: [] } } : {}),
});

describe('placeInDocument: a finding at the nearest source up its data path', () => {
  it('the nearest node with a source: its line, the value within its quote', () => {
    expect(placeInDocument(finding(['sections', 0, 'tasks', 0, 'indicators', 0, 'overall', 'value']), data, lines)).toMatchObject({
      line: 3, column: lines[2].indexOf('4所') + 1, endLine: 3, endColumn: lines[2].indexOf('4所') + 2, excerpt: lines[2],
    });
    expect(placeInDocument(finding(['sections', 0, 'tasks', 0, 'indicators', 0]), data, lines)).toMatchObject({
      line: 3, column: lines[2].indexOf('4所') + 1, endColumn: lines[2].indexOf('4所') + 3,
    });
  });

  it('a path below a node without source walks up to its task, marking the value where the line prints it; a missing key too', () => {
    const unit = lines[2].indexOf('区教育局') + 1;
    expect(placeInDocument(finding(['sections', 0, 'tasks', 0, 'lead', 0]), data, lines)).toMatchObject({ line: 3, column: unit, endColumn: unit + 4 });
    expect(placeInDocument(finding(['sections', 0, 'tasks', 0, 'lead']), data, lines)).toMatchObject({ line: 3, column: 3 });
    expect(placeInDocument(finding(['sections', 0, 'tasks', 0, 'responsible']), data, lines)).toMatchObject({ line: 3 });
  });

  it('a source given only as a quote finds its line', () => {
    expect(placeInDocument(finding(['sections', 0, 'tasks', 1, 'lead']), data, lines)).toMatchObject({ line: 4, column: 3, endColumn: 11 });
  });

  it('a line without a quote spans the line; the document itself is line 1; fixes become advice', () => {
    const top = placeInDocument(finding([], true), data, lines);
    expect(top).toMatchObject({ line: 1, column: 1, endColumn: lines[0].length + 1, suggestions: [{ message: { en: 'use' } }] });
    expect(top.fix).toBeUndefined();
    expect(placeInDocument(finding(['sections', 0]), { sections: [{ source: { line: 99 } }] }, lines).line).toBe(1);
  });
});

describe('findQuote', () => {
  it('a quote as printed, or shortened with an ellipsis whose parts follow in order', () => {
    const line = '到2020年,全区学前教育三年毛入园率达到90%以上,普惠率达到80%以上。';
    expect(findQuote(line, '毛入园率达到90%')).toEqual({ start: line.indexOf('毛入园率'), end: line.indexOf('90%') + 3 });
    expect(findQuote(line, '到2020年……普惠率达到80%')).toEqual({ start: 0, end: line.indexOf('80%') + 3 });
    expect(findQuote(line, '普惠率……毛入园率')).toBeUndefined();
    expect(findQuote(line, '……')).toBeUndefined();
  });
});
