import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/engine/import/read.js';
import { readPlainText } from '../../src/engine/import/read-text.js';
import type { DocumentError, SourceText } from '../../src/engine/import/types.js';

const SEED = path.resolve(__dirname, '../../seeds/source/001_8ed796a6c9fbd30b.txt');
const utf8 = (s: string) => new TextEncoder().encode(s);

function ok(r: SourceText | DocumentError): SourceText {
  if ('code' in r) throw new Error(`expected text, got ${r.code}: ${r.message.en}`);
  return r;
}

describe('readPlainText: encodings and line ends', () => {
  const text = '一、总体目标\r\n(一)新建公办幼儿园19所。(牵头单位:区教育局)\r\n\r\n二、保障措施';
  const lines = ['一、总体目标', '(一)新建公办幼儿园19所。(牵头单位:区教育局)', '', '二、保障措施'];

  it('UTF-8 with and without a BOM, CRLF, CR and LF', () => {
    expect(ok(readPlainText(utf8(text))).lines).toEqual(lines);
    const bom = ok(readPlainText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])));
    expect(bom.lines).toEqual(lines);
    expect(bom.lines[0].charCodeAt(0)).not.toBe(0xfeff);
    expect(ok(readPlainText(utf8(text.replace(/\r\n/g, '\r')))).lines).toEqual(lines);
    expect(ok(readPlainText(utf8(`${text.replace(/\r\n/g, '\n')}\n`))).lines).toEqual(lines);
    expect(ok(readPlainText(utf8(text))).notes).toEqual([]);
  });

  it('UTF-16 with a BOM, both byte orders', () => {
    const le = ok(readPlainText(new Uint8Array(iconv.encode(text, 'utf-16le', { addBOM: true }))));
    expect(le.lines).toEqual(lines);
    expect(le.notes[0].en).toContain('UTF-16');
    const be = ok(readPlainText(new Uint8Array([0xfe, 0xff, ...iconv.encode(text, 'utf-16be')])));
    expect(be.lines).toEqual(lines);
  });

  it('GB18030 (GBK) is detected when the bytes are not UTF-8, and a note says so', () => {
    const seed = fs.readFileSync(SEED, 'utf8');
    const gbk = new Uint8Array(iconv.encode(seed, 'gb18030'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    const read = ok(readPlainText(gbk));
    expect(read.lines).toEqual(ok(readPlainText(utf8(seed))).lines);
    expect(read.notes[0]['zh-CN']).toContain('GB18030');
    // GBK's two-byte subset too (Notepad's "ANSI" on a Chinese Windows).
    expect(ok(readPlainText(new Uint8Array(iconv.encode('牵头单位:区人社局', 'gbk')))).lines).toEqual(['牵头单位:区人社局']);
  });

  it('Markdown reads as rendered: headings, bold and bullets without their marks, a table row by TAB, numbers kept', () => {
    const md = ok(readPlainText(utf8([
      '# 工作方案', '', '## 一、目标 ##', '- 新增托位**200个**', '> 引用的说明', '1. 新建公办幼儿园4所', '',
      '| 序号 | 工作任务 | 牵头单位 |', '|:---:|------|---|', '| 1 | 新建公办幼儿园4所 | 区教育局 |', '| 2 | a \\| b | |',
      '```', '# 代码照录', '```',
    ].join('\n')), 'markdown'));
    expect(md).toMatchObject({
      format: 'markdown',
      lines: ['工作方案', '', '一、目标', '新增托位200个', '引用的说明', '1. 新建公办幼儿园4所', '', '序号\t工作任务\t牵头单位', '1\t新建公办幼儿园4所\t区教育局', '2\ta | b\t', '# 代码照录'],
    });
    expect(md.notes[0].en).toContain('Markdown marks are removed');
    expect(ok(readPlainText(utf8('一、目标\n1.新增托位'), 'markdown')).notes).toEqual([]);
  });

  it('an empty or blank text, and binary bytes, are errors', () => {
    expect((readPlainText(utf8('  \n\t\n')) as DocumentError).code).toBe('empty');
    expect((readPlainText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])) as DocumentError).code).toBe('binary');
  });
});

describe('readDocument: what the bytes are decides, not the name', () => {
  it('a .docx saved under .doc (as WPS does) is read as Word; a text named .txt as text; .md as Markdown', async () => {
    const docx = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('一、总体目标')] }] })));
    expect(ok(readDocument(docx, 'draft.doc'))).toMatchObject({ format: 'docx', lines: ['一、总体目标'] });
    expect(ok(readDocument(docx, 'draft.txt')).format).toBe('docx');
    expect(ok(readDocument(utf8('一、总体目标'), 'draft.txt')).format).toBe('text');
    expect(ok(readDocument(utf8('一、总体目标'), 'DRAFT.MD')).format).toBe('markdown');
  });

  it('bad inputs each get a clear message in Chinese and English', () => {
    const cases: [Uint8Array, string, string, RegExp, RegExp][] = [
      [new Uint8Array(0), 'a.docx', 'empty', /空/, /empty/],
      [utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'a.pdf', 'pdf', /暂不支持 PDF/, /not supported yet/],
      [utf8('%PDF-1.4 renamed'), 'a.docx', 'pdf', /PDF/, /PDF/],
      [utf8('{\\rtf1\\ansi 一、总体目标}'), 'a.rtf', 'rtf', /RTF/, /RTF/],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]), 'a.wps', 'legacy-doc', /另存为 \.docx/, /Save it as \.docx/],
      [utf8('这不是 Word 文档,只是改了扩展名'), 'a.docx', 'corrupt', /损坏/, /corrupt/],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'a.docx', 'corrupt', /损坏/, /corrupt/],
    ];
    for (const [bytes, name, code, zh, en] of cases) {
      const r = readDocument(bytes, name) as DocumentError;
      expect(r.code, name).toBe(code);
      expect(r.message['zh-CN']).toMatch(zh);
      expect(r.message.en).toMatch(en);
    }
  });
});
