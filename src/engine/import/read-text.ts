import iconv from 'iconv-lite';
import type { Localized } from '../types.js';
import type { DocumentError, SourceText } from './types.js';

const EMPTY: DocumentError = { code: 'empty', message: { 'zh-CN': '文档是空的:没有任何文字。', en: 'The document is empty: it has no text.' } };
const BINARY: DocumentError = {
  code: 'binary',
  message: { 'zh-CN': '这不是文本文件(含有二进制内容)。请提供 .docx、.txt 或 .md 文件。', en: 'This is not a text file (it has binary content). Give a .docx, .txt or .md file.' },
};

/**
 * Reads text bytes as the lines a person sees: UTF-8 with or without a BOM, UTF-16 with a BOM, and
 * GB18030 (GBK, GB2312), which Chinese offices still save from Notepad and WPS. A text that is not
 * valid UTF-8 is taken as GB18030, since that is what such a file almost always is, and a note says
 * so. CRLF, CR and LF all end a line. Pure; never throws.
 */
export function readPlainText(bytes: Uint8Array, format: 'text' | 'markdown' = 'text'): SourceText | DocumentError {
  const notes: Localized[] = [];
  const text = decode(bytes, notes);
  if (text === undefined) return BINARY;
  let lines = splitLines(text);
  if (!lines.some((l) => l.trim() !== '')) return EMPTY;
  if (format === 'markdown') {
    const plain = markdownAsPrinted(lines);
    if (plain.some((l, i) => l !== lines[i]) || plain.length !== lines.length) {
      notes.push({
        'zh-CN': 'Markdown 标记已去除(标题的 #、加粗的 **、引用的 >、列表的 - 号);表格每行一行,单元格以制表符分隔,分隔行略去。',
        en: 'Markdown marks are removed (# of headings, ** of bold, > of quotes, - of bullets); a table row is one line, cells joined by TAB, the separator row left out.',
      });
    }
    lines = plain;
  }
  return { lines, format, notes };
}

/**
 * Markdown lines as they read when rendered, so that a heading "## 一、目标" is the line "一、目标" a
 * recogniser knows, and a table row reads like a Word table's: cells joined by TAB. Numbered list items
 * ("1. …") keep their number, which is the plan's own.
 */
function markdownAsPrinted(lines: readonly string[]): string[] {
  const out: string[] = [];
  let fenced = false;
  for (const raw of lines) {
    if (/^\s{0,3}(```|~~~)/.test(raw)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      out.push(raw);
      continue;
    }
    let line = raw.replace(/^\s{0,3}(>\s?)+/, '');
    const heading = /^\s{0,3}#{1,6}\s+(.*?)(\s+#+)?\s*$/.exec(line);
    if (heading) line = heading[1];
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line) && line.includes('-') && line.includes('|')) continue;
    if (/^\s*\|.*\|\s*$/.test(line)) {
      line = line.trim().slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|')).join('\t');
    }
    line = line.replace(/^(\s*)[-*+]\s+/, '$1').replace(/(\*\*|__)(.+?)\1/g, '$2');
    out.push(line);
  }
  return out;
}

/** Splits text into lines at CRLF, CR, LF and the Unicode line and paragraph separators. */
function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function decode(bytes: Uint8Array, notes: Localized[]): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3)) ?? lossyUtf8(bytes.subarray(3), notes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    notes.push({ 'zh-CN': '文件编码为 UTF-16(小端)。', en: 'The file is encoded in UTF-16 (little-endian).' });
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    notes.push({ 'zh-CN': '文件编码为 UTF-16(大端)。', en: 'The file is encoded in UTF-16 (big-endian).' });
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  }
  // NUL bytes do not occur in text in any of these encodings.
  if (bytes.subarray(0, 65536).includes(0)) return undefined;
  const asUtf8 = utf8(bytes);
  if (asUtf8 !== undefined) return asUtf8;
  notes.push({
    'zh-CN': '文件不是 UTF-8 编码,已按 GB18030(GBK)读取。如有乱码,请将文件另存为 UTF-8。',
    en: 'The file is not UTF-8; it was read as GB18030 (GBK). If the text looks garbled, save the file as UTF-8.',
  });
  return iconv.decode(bytes, 'gb18030');
}

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function lossyUtf8(bytes: Uint8Array, notes: Localized[]): string {
  notes.push({ 'zh-CN': '文件标明为 UTF-8,但含有无效字节,已替换为 �。', en: 'The file is marked UTF-8 but has invalid bytes; they were replaced by �.' });
  return new TextDecoder('utf-8').decode(bytes);
}
