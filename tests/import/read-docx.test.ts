import fs from 'node:fs';
import path from 'node:path';
import {
  AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, FootnoteReferenceRun,
  InsertedTextRun, LevelFormat, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType,
} from 'docx';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/engine/import/numbering.js';
import { readDocx } from '../../src/engine/import/read-docx.js';
import type { DocumentError, SourceText } from '../../src/engine/import/types.js';
import { numberedDocument, pack } from './make-docx.js';

const seedPath = (name: string) => path.resolve(__dirname, '../../seeds/source', name);

function ok(r: SourceText | DocumentError): SourceText {
  if ('code' in r) throw new Error(`expected text, got ${r.code}: ${r.message.en}`);
  return r;
}

function failed(r: SourceText | DocumentError): DocumentError {
  if (!('code' in r)) throw new Error(`expected an error, got ${r.lines.length} lines`);
  return r;
}

const section = (children: (Paragraph | Table)[], extra: Partial<ConstructorParameters<typeof Document>[0]> = {}) =>
  new Document({ ...extra, sections: [{ children }] });

describe('readDocx: seed texts with automatic numbering', () => {
  for (const seed of ['004_8d7c135ac80f7089.txt', '002_635fd06134c9d9a0.txt', '000_a11020a240a37745.txt']) {
    it(`${seed}: every label Word generates reads back as the source prints it`, async () => {
      const lines = fs.readFileSync(seedPath(seed), 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
      const bytes = await pack(numberedDocument(lines));
      // The labels are really generated: the document's own text does not contain them.
      const xml = new TextDecoder().decode(unzipSync(bytes)['word/document.xml']);
      expect(xml).toContain('<w:numPr>');
      const read = ok(readDocx(bytes));
      expect(read.format).toBe('docx');
      expect(read.lines).toEqual(lines);
      expect(read.notes.some((n) => n.en.includes('automatic number'))).toBe(true);
    });
  }
});

describe('readDocx: numbering', () => {
  const levels = (...defs: [Parameters<typeof formatNumber>[1], string, number?][]) =>
    defs.map(([format, text, start], level) => ({ level, format: format as (typeof LevelFormat)[keyof typeof LevelFormat], text, start, alignment: AlignmentType.START }));

  it('levels reset the deeper ones; %2.%3 labels in legal numbering; start values; a gap after a label that ends in a digit', async () => {
    const doc = section(
      [
        new Paragraph({ text: '总体要求', numbering: { reference: 'n', level: 0 } }),
        new Paragraph({ text: '指导思想', numbering: { reference: 'n', level: 1 } }),
        new Paragraph({ text: '细则甲', numbering: { reference: 'n', level: 2 } }),
        new Paragraph({ text: '细则乙', numbering: { reference: 'n', level: 2 } }),
        new Paragraph({ text: '工作原则', numbering: { reference: 'n', level: 1 } }),
        new Paragraph({ text: '细则丙', numbering: { reference: 'n', level: 2 } }),
        new Paragraph({ text: '主要任务', numbering: { reference: 'n', level: 0 } }),
        new Paragraph({ text: '幼有所育', numbering: { reference: 'n', level: 1 } }),
        new Paragraph({ text: '附件', numbering: { reference: 'm', level: 0 } }),
        new Paragraph({ text: '附件二', numbering: { reference: 'm', level: 0 } }),
      ],
      { numbering: { config: [
        { reference: 'n', levels: levels(['chineseCountingThousand', '%1、'], ['chineseCounting', '(%2)'], ['decimal', '%2.%3'])
          .map((l, i) => (i === 2 ? { ...l, isLegalNumberingStyle: true } : l)) },
        { reference: 'm', levels: levels(['decimalEnclosedCircle', '%1', 3]) },
      ] } },
    );
    const read = ok(readDocx(await pack(doc)));
    expect(read.lines).toEqual(['一、总体要求', '(一)指导思想', '1.1 细则甲', '1.2 细则乙', '(二)工作原则', '2.1 细则丙', '二、主要任务', '(一)幼有所育', '③ 附件', '④ 附件二']);
  });

  it('a new instance of a list (startOverride) restarts it; the same instance continues', async () => {
    const doc = section(
      [
        new Paragraph({ text: '甲', numbering: { reference: 'x', level: 0, instance: 1 } }),
        new Paragraph({ text: '乙', numbering: { reference: 'x', level: 0, instance: 1 } }),
        new Paragraph({ text: '插入的说明' }),
        new Paragraph({ text: '丙', numbering: { reference: 'x', level: 0, instance: 1 } }),
        new Paragraph({ text: '丁', numbering: { reference: 'x', level: 0, instance: 2 } }),
      ],
      { numbering: { config: [{ reference: 'x', levels: levels(['lowerLetter', '%1)']) }] } },
    );
    const bytes = await pack(doc);
    expect(new TextDecoder().decode(unzipSync(bytes)['word/numbering.xml'])).toContain('startOverride');
    expect(ok(readDocx(bytes)).lines).toEqual(['a)甲', 'b)乙', '插入的说明', 'c)丙', 'a)丁']);
  });

  it('a level with lvlRestart 0 numbers straight on under the level above; one with lvlRestart 1 restarts only under level 1', async () => {
    const doc = section(
      ['一', '1', '(1)', '(2)', '2', '(3)', '二', '1', '(4)'].map((t, i) => new Paragraph({ text: `段${i}`, numbering: { reference: 'r', level: t.startsWith('(') ? 2 : /\d/.test(t) ? 1 : 0 } })),
      { numbering: { config: [{ reference: 'r', levels: levels(['chineseCounting', '%1、'], ['decimal', '%2.'], ['decimal', '(%3)']) }] } },
    );
    const parts = unzipSync(await pack(doc));
    const numbering = new TextDecoder().decode(parts['word/numbering.xml']);
    // The docx package has no option for w:lvlRestart: write it into level 2 the way Word does.
    // The package writes a bullet list of its own first; ours is the last abstractNum.
    const at = numbering.lastIndexOf('<w:abstractNum ');
    const patched = (restart: string) => numbering.slice(0, at) + numbering.slice(at).replace(/(<w:lvl w:ilvl="2"[^>]*>\s*<w:start w:val="1"\/>)/, `$1<w:lvlRestart w:val="${restart}"/>`);
    expect(patched('0')).toContain('lvlRestart');
    parts['word/numbering.xml'] = strToU8(patched('0'));
    expect(ok(readDocx(zipSync(parts))).lines).toEqual(['一、段0', '1.段1', '(1)段2', '(2)段3', '2.段4', '(3)段5', '二、段6', '1.段7', '(4)段8']);
    parts['word/numbering.xml'] = strToU8(patched('1'));
    expect(ok(readDocx(zipSync(parts))).lines).toEqual(['一、段0', '1.段1', '(1)段2', '(2)段3', '2.段4', '(3)段5', '二、段6', '1.段7', '(1)段8']);
  });

  it('number formats print as Word prints them', () => {
    expect([1, 2, 10, 11, 20, 21, 99, 100, 101, 110, 1000, 1010].map((n) => formatNumber(n, 'chineseCounting'))).toEqual(
      ['一', '二', '十', '十一', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十', '一千', '一千零一十'],
    );
    expect([1, 10, 11].map((n) => formatNumber(n, 'chineseLegalSimplified'))).toEqual(['壹', '拾', '拾壹']);
    expect([1, 2, 10, 11].map((n) => formatNumber(n, 'ideographTraditional'))).toEqual(['甲', '乙', '癸', '甲']);
    expect([1, 20, 21].map((n) => formatNumber(n, 'decimalEnclosedCircle'))).toEqual(['①', '⑳', '21']);
    expect([1, 26, 27].map((n) => formatNumber(n, 'lowerLetter'))).toEqual(['a', 'z', 'aa']);
    expect([4, 9, 14].map((n) => formatNumber(n, 'upperRoman'))).toEqual(['IV', 'IX', 'XIV']);
    expect(formatNumber(105, 'ideographDigital')).toBe('一〇五');
    expect(formatNumber(3, 'decimalZero')).toBe('03');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
  });

  it('numbering given by a paragraph style (styles.xml) is recovered too', async () => {
    const doc = new Document({
      numbering: { config: [{ reference: 'h', levels: levels(['chineseCounting', '%1、']) }] },
      styles: { paragraphStyles: [{ id: 'Heading1', name: 'Heading 1', paragraph: { numbering: { reference: 'h', level: 0 } } }] },
      sections: [{ children: [new Paragraph({ text: '总体要求', style: 'Heading1' }), new Paragraph({ text: '正文' }), new Paragraph({ text: '主要任务', style: 'Heading1' })] }],
    });
    const bytes = await pack(doc);
    expect(new TextDecoder().decode(unzipSync(bytes)['word/document.xml'])).not.toContain('<w:numPr>');
    expect(ok(readDocx(bytes)).lines).toEqual(['一、总体要求', '正文', '二、主要任务']);
  });
});

describe('readDocx: tables, tracked changes, comments, footnotes', () => {
  const cell = (text: string, options: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) => new TableCell({ ...options, children: text.split('\n').map((t) => new Paragraph(t)) });
  const header = () => new TableRow({ tableHeader: true, children: ['序号', '工作任务', '牵头单位', '责任单位', '完成时限'].map((t) => cell(t)) });

  it('a responsibility table: one line a row, cells by TAB, merged cells once, the repeated header row dropped', async () => {
    const table = new Table({
      rows: [
        header(),
        new TableRow({ children: [cell('1'), cell('新建公办幼儿园4所'), cell('区教育局', { verticalMerge: VerticalMergeType.RESTART }), cell('区住建局\n区财政局'), cell('2024年12月底')] }),
        new TableRow({ children: [cell('2'), cell('新增托位200个'), cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('各街道'), cell('2024年底')] }),
        // A header row a drafter copied onto the next page by hand.
        header(),
        new TableRow({ children: [cell('3'), cell('完善工作机制(不分解)', { columnSpan: 4 })] }),
      ],
    });
    const read = ok(readDocx(await pack(section([new Paragraph('附件:任务分解表'), table, new Paragraph('(以上任务按时完成)')]))));
    expect(read.lines).toEqual([
      '附件:任务分解表',
      '序号\t工作任务\t牵头单位\t责任单位\t完成时限',
      '1\t新建公办幼儿园4所\t区教育局\t区住建局 区财政局\t2024年12月底',
      '2\t新增托位200个\t\t各街道\t2024年底',
      '3\t完善工作机制(不分解)',
      '(以上任务按时完成)',
    ]);
    expect(read.notes.map((n) => n.en).join(' ')).toMatch(/header rows kept once \(1 dropped\)/);
  });

  it('tracked changes read as printed with every change accepted, and a note says so', async () => {
    const doc = section([
      new Paragraph({ children: [
        new TextRun('到2020年新建公办幼儿园'),
        new DeletedTextRun({ id: 1, author: '审核人', date: '2024-01-15T10:00:00Z', text: '15' }),
        new InsertedTextRun({ id: 2, author: '审核人', date: '2024-01-15T10:00:00Z', text: '19' }),
        new TextRun('所。'),
      ] }),
    ]);
    const read = ok(readDocx(await pack(doc)));
    expect(read.lines).toEqual(['到2020年新建公办幼儿园19所。']);
    expect(read.notes[0]['zh-CN']).toContain('接受全部修订');
    expect(read.notes[0].en).toContain('1 insertion kept, 1 deletion dropped');
  });

  it('comments are left out; footnotes and endnotes come after the body, numbered as printed', async () => {
    const doc = section(
      [
        new Paragraph({ children: [
          new CommentRangeStart(0), new TextRun('牵头单位:区卫健局'), new CommentRangeEnd(0),
          new TextRun({ children: [new CommentReference(0)] }),
          new FootnoteReferenceRun(7),
        ] }),
        new Paragraph({ children: [new TextRun('基期为2017年'), new FootnoteReferenceRun(3)] }),
      ],
      {
        comments: { children: [{ id: 0, author: '审核人', children: [new Paragraph('此处应为区卫生健康委')] }] },
        footnotes: { 3: { children: [new Paragraph('2017年数据为统计快报数。')] }, 7: { children: [new Paragraph('含区疾控中心。')] } },
      },
    );
    const read = ok(readDocx(await pack(doc)));
    expect(read.lines).toEqual(['牵头单位:区卫健局', '基期为2017年', '脚注1:含区疾控中心。', '脚注2:2017年数据为统计快报数。']);
    expect(read.lines.join('\n')).not.toContain('区卫生健康委');
    const notes = read.notes.map((n) => n.en).join(' ');
    expect(notes).toContain('2 footnotes appended after the body (lines 3–4');
    expect(notes).toContain('Comments in the document are ignored');
  });

  it('tabs, soft line breaks and page breaks', async () => {
    const doc = section([
      new Paragraph({ children: [new TextRun('序号'), new TextRun({ text: '任务', break: 0 }), new TextRun({ children: ['\t', '牵头'] })] }),
      new Paragraph({ children: [new TextRun('第一行'), new TextRun({ text: '第二行', break: 1 })] }),
      new Paragraph({ text: '' }),
      new Paragraph({ text: '最后一段' }),
    ]);
    const read = ok(readDocx(await pack(doc)));
    expect(read.lines).toEqual(['序号任务\t牵头', '第一行', '第二行', '', '最后一段']);
  });
});

describe('readDocx: bad input', () => {
  it('a zip bomb: over 100 MB of XML is refused from the directory, before inflating', () => {
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(101 * 1024 * 1024) }, { level: 1 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const e = failed(readDocx(bomb));
    expect(e.code).toBe('too-large');
    expect(e.message['zh-CN']).toContain('100 MB');
  });

  it('a zip bomb: more than 2,000 entries is refused', () => {
    const files: Record<string, Uint8Array> = { 'word/document.xml': strToU8('<w:document/>') };
    for (let i = 0; i < 2001; i++) files[`word/media/x${i}.xml`] = new Uint8Array(0);
    expect(failed(readDocx(zipSync(files))).code).toBe('too-large');
  });

  it('a forged directory claiming 65,535 entries is refused at the first one over the cap, quickly', () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<w:document/>') });
    // The end-of-central-directory record: entries on this disk and in total.
    const eocd = zip.length - 22;
    new DataView(zip.buffer).setUint16(eocd + 8, 65535, true);
    new DataView(zip.buffer).setUint16(eocd + 10, 65535, true);
    const e = failed(readDocx(zip));
    expect(e.code).toBe('too-large');
  });

  it('a directory that understates a part cannot make the reader inflate more than it declared', async () => {
    const good = await pack(section([new Paragraph('新建公办幼儿园19所')]));
    // Patch the central directory: word/document.xml claims 10 bytes uncompressed.
    const bytes = new Uint8Array(good);
    const name = strToU8('word/document.xml');
    for (let i = 0; i < bytes.length - 46; i++) {
      if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 1 && bytes[i + 3] === 2 && name.every((c, k) => bytes[i + 46 + k] === c)) {
        new DataView(bytes.buffer).setUint32(i + 24, 10, true);
      }
    }
    const r = readDocx(bytes);
    expect('code' in r ? r.code : 'read').toBe('corrupt');
  });

  it('an OLE compound file: a legacy .doc/.wps, or a password-protected .docx', () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const legacy = failed(readDocx(ole));
    expect(legacy.code).toBe('legacy-doc');
    expect(legacy.message['zh-CN']).toContain('另存为 .docx');
    expect(legacy.message.en).toContain('save it as .docx'.replace('save', 'Save'));
    const encrypted = new Uint8Array(ole);
    encrypted.set([...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0]), 1024);
    const e = failed(readDocx(encrypted));
    expect(e.code).toBe('encrypted');
    expect(e.message['zh-CN']).toContain('受密码保护');
    expect(e.message.en).toContain('password-protected');
  });

  it('corrupt bytes, a zip that is not Word, malformed XML, an empty document', async () => {
    expect(failed(readDocx(strToU8('PK\x03\x04 this is not really a zip'))).code).toBe('corrupt');
    const good = await pack(section([new Paragraph('正文')]));
    expect(failed(readDocx(good.subarray(0, good.length - 100))).code).toBe('corrupt');
    const xlsx = failed(readDocx(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), '[Content_Types].xml': strToU8('<Types/>'), '_rels/.rels': strToU8('<Relationships/>') })));
    expect(xlsx.code).toBe('not-docx');
    expect(xlsx.message['zh-CN']).toContain('Excel');
    const parts = unzipSync(good);
    parts['word/document.xml'] = strToU8('<w:document xmlns:w="x"><w:body><w:p>');
    expect(failed(readDocx(zipSync(parts))).code).toBe('corrupt');
    const empty = failed(readDocx(await pack(section([new Paragraph(''), new Paragraph('  ')]))));
    expect(empty.code).toBe('empty');
    expect(empty.message.en).toContain('empty');
  });
});

describe('readDocx: text boxes and a table of contents', () => {
  it('a text box is read after the paragraph it is anchored in, once; a table of contents is left out', async () => {
    const { Textbox, TableOfContents } = await import('docx');
    const doc = new Document({
      features: { updateFields: true },
      sections: [{ children: [
        new TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-3' }),
        new Paragraph({ text: '一、总体要求' }),
        new Textbox({ alignment: AlignmentType.CENTER, style: { width: '200pt', height: 'auto' }, children: [new Paragraph('附:2024年目标新增托位200个')] }),
        new Paragraph({ text: '二、主要任务' }),
      ] }],
    });
    const bytes = await pack(doc);
    const xml = new TextDecoder().decode(unzipSync(bytes)['word/document.xml']);
    expect(xml).toContain('txbxContent');
    expect(xml).toContain('Table of Contents');
    const read = ok(readDocx(bytes));
    expect(read.lines.filter((l) => l !== '')).toEqual(['一、总体要求', '附:2024年目标新增托位200个', '二、主要任务']);
    const notes = read.notes.map((n) => n.en).join(' ');
    expect(notes).toContain('text box');
    expect(notes).toContain('table of contents is left out');
  });
});

describe('readDocx: numbering through styles, written by hand as Word writes it', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const lvl = (ilvl: number, fmt: string, text: string, style?: string) =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/>${style ? `<w:pStyle w:val="${style}"/>` : ''}<w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/></w:lvl>`;
  const docx = (body: string, styles: string, numbering: string) => zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    'word/styles.xml': strToU8(`<?xml version="1.0"?><w:styles ${W}>${styles}</w:styles>`),
    'word/numbering.xml': strToU8(`<?xml version="1.0"?><w:numbering ${W}>${numbering}</w:numbering>`),
  });
  const p = (text: string, style?: string) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;

  it('heading styles bound to list levels (w:lvl/w:pStyle), inherited through w:basedOn', () => {
    const styles = [
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>',
      '<w:style w:type="paragraph" w:styleId="Heading2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr></w:pPr></w:style>',
      '<w:style w:type="paragraph" w:styleId="MyHeading2"><w:basedOn w:val="Heading2"/></w:style>',
    ].join('');
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、', 'Heading1')}${lvl(1, 'chineseCounting', '(%2)', 'Heading2')}</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>`;
    const body = [p('总体要求', 'Heading1'), p('指导思想', 'MyHeading2'), p('正文。'), p('工作原则', 'Heading2'), p('主要任务', 'Heading1'), p('幼有所育', 'MyHeading2')].join('');
    expect(ok(readDocx(docx(body, styles, numbering))).lines).toEqual(['一、总体要求', '(一)指导思想', '正文。', '(二)工作原则', '二、主要任务', '(一)幼有所育']);
  });

  it('a deleted paragraph mark joins the paragraph to the next; hidden text and field codes do not print, field results do', () => {
    const body = [
      '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr><w:r><w:t>新建公办幼儿园</w:t></w:r></w:p>',
      '<w:p><w:r><w:t>19所。</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>(内部备注)</w:t></w:r></w:p>',
      '<w:p><w:r><w:t>见第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF _Toc1 \\h </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p>',
      '<w:p><w:moveFrom w:id="2" w:author="a"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom><w:moveTo w:id="3" w:author="a"><w:r><w:t>新位置</w:t></w:r></w:moveTo></w:p>',
    ].join('');
    const read = ok(readDocx(docx(body, '', '')));
    expect(read.lines).toEqual(['新建公办幼儿园19所。', '见第3页', '新位置']);
    // Joined into a numbered paragraph, the text takes that paragraph's number; the deleted one is not counted.
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const item = (text: string, deletedMark = false) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>${deletedMark ? '<w:rPr><w:del w:id="9" w:author="a"/></w:rPr>' : ''}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    expect(ok(readDocx(docx(item('新增托位') + item('新建', true) + item('幼儿园4所') + item('改善薄弱园'), '', numbering))).lines)
      .toEqual(['1.新增托位', '2.新建幼儿园4所', '3.改善薄弱园']);
    expect(read.notes[0].en).toMatch(/tracked changes/);
  });

  it('a list defined by a numbering style (w:numStyleLink) takes that style\'s levels', () => {
    const styles = '<w:style w:type="numbering" w:styleId="PlanList"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>';
    const numbering = [
      `<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="PlanList"/>${lvl(0, 'decimalEnclosedCircle', '%1')}</w:abstractNum>`,
      '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="PlanList"/></w:abstractNum>',
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
      '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>',
    ].join('');
    const numbered = (text: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    expect(ok(readDocx(docx(numbered('新增托位') + numbered('新建幼儿园'), styles, numbering))).lines).toEqual(['① 新增托位', '② 新建幼儿园']);
  });
});
