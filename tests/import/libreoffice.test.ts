// .docx written by a second producer, LibreOffice (scripts/make-import-fixtures.sh made them; they are
// committed so that no office suite is needed here).
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/engine/import/read.js';
import type { SourceText } from '../../src/engine/import/types.js';

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, 'fixtures', name)));
const read = (name: string) => readDocument(fixture(name), name) as SourceText;

describe('LibreOffice .docx', () => {
  it('Chinese outline numbering (一、 / (一) / 1.) from its list style, restarting under each level', () => {
    const numbering = new TextDecoder().decode(unzipSync(fixture('lo-chinese.docx'))['word/numbering.xml']);
    expect(numbering).toContain('CountingThousand');
    expect(read('lo-chinese.docx').lines).toEqual([
      '某区2024年民生实事工作方案',
      '一、工作目标',
      '二、重点任务',
      '(一)幼有善育',
      '1.新增托位200个。(牵头单位:区卫健局)',
      '2.新建托育综合服务中心1家。',
      '(二)学有优教',
      '1.新建公办幼儿园4所。(牵头单位:区教育局)',
      '三、保障措施',
    ]);
  });

  it('an HTML draft: nested numbered lists and a responsibility table with a header row, rowspan and colspan', () => {
    expect(read('lo-numbered.docx')).toMatchObject({
      format: 'docx',
      lines: [
        '某区2024年民生实事工作方案',
        '1.工作目标',
        '2.重点任务',
        '1.新建公办幼儿园4所。(牵头单位:区教育局;责任单位:区住建局、区财政局)',
        '2.新增托位200个。(牵头单位:区卫健局)',
        '3.保障措施',
        '序号\t工作任务\t牵头单位\t责任单位\t完成时限',
        '1\t新建公办幼儿园4所\t区教育局\t区住建局、区财政局\t2024年12月底',
        '2\t改善薄弱幼儿园9所\t\t各街道\t2024年底',
        '3\t完善工作机制',
      ],
    });
  });

  it('a plain-text draft converted to .docx reads back line for line', () => {
    expect(read('lo-plain.docx').lines).toEqual(['某区2024年民生实事工作方案', '一、工作目标', '到2024年底,新增托位200个。', '二、重点任务', '(一)新建公办幼儿园4所。(牵头单位:区教育局)']);
  });
});
