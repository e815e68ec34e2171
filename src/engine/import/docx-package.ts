import { unzipSync } from 'fflate';
import type { Localized } from '../types.js';
import type { DocumentError } from './types.js';
import { attr, children, parseXml } from './xml.js';

/** Caps that keep a hostile package (a zip bomb) from exhausting memory before anything is read. */
export const DOCX_LIMITS = {
  maxEntries: 2000,
  /** Total uncompressed size of the parts read (the XML), as the zip's directory declares it. */
  maxXmlBytes: 100 * 1024 * 1024,
};

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** True when the bytes start like an OLE compound file (.doc, .wps, .xls, or an encrypted .docx). */
export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * Whether an OLE file is an encrypted Office Open XML package: Word saves a password-protected .docx
 * as an OLE file holding the streams EncryptionInfo and EncryptedPackage. Stream names are UTF-16LE
 * in the directory sectors, so a byte search finds them without reading the whole compound file.
 */
export function isEncryptedPackage(bytes: Uint8Array): boolean {
  const name = 'EncryptionInfo';
  const limit = Math.min(bytes.length, 8 * 1024 * 1024) - name.length * 2;
  outer: for (let i = 0; i < limit; i++) {
    for (let k = 0; k < name.length; k++) {
      if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** Messages for documents that cannot be read, in both languages. */
export const DOCUMENT_ERRORS = {
  encrypted: { 'zh-CN': '文档受密码保护,无法读取。请在 Word 或 WPS 中取消密码后另存为 .docx 再试。', en: 'The document is password-protected. Remove the password in Word or WPS, save it as .docx and try again.' },
  legacy: { 'zh-CN': '这是旧版 Word/WPS 二进制文档(.doc/.wps),无法直接读取。请在 Word 或 WPS 中另存为 .docx 再试。', en: 'This is a legacy Word/WPS binary document (.doc/.wps). Save it as .docx in Word or WPS and try again.' },
  corrupt: { 'zh-CN': '文档已损坏,无法解压或解析(不是完整的 .docx 文件)。', en: 'The document is corrupt: it cannot be unzipped or parsed as a .docx file.' },
  tooLarge: { 'zh-CN': `文档过大或可疑(超过 ${DOCX_LIMITS.maxEntries} 个部件,或解压后超过 ${DOCX_LIMITS.maxXmlBytes / 1024 / 1024} MB),为安全起见不予读取。`, en: `The document is too large or suspicious (over ${DOCX_LIMITS.maxEntries} parts, or over ${DOCX_LIMITS.maxXmlBytes / 1024 / 1024} MB unzipped); it is not read, to be safe.` },
  empty: { 'zh-CN': '文档是空的:没有任何文字。', en: 'The document is empty: it has no text.' },
} satisfies Record<string, Localized>;

export function notWord(what: Localized): DocumentError {
  return {
    code: 'not-docx',
    message: { 'zh-CN': `这不是 Word 文档(${what['zh-CN']}),请另存为 .docx 再试。`, en: `This is not a Word document (${what.en}). Save it as .docx and try again.` },
  };
}

/** The parts of a package a reader needs, by path, as text. */
export type Parts = Map<string, string>;

/** Unzips only the parts a reader needs, after checking the directory against the caps. */
export function unzipParts(bytes: Uint8Array): Parts | DocumentError {
  const names: string[] = [];
  let total = 0;
  const tooLarge = new Error('too large');
  try {
    // First pass: the central directory only (the filter sees each entry's declared sizes, inflates nothing).
    // It stops at the first entry over a cap, since a forged directory can claim billions of entries.
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        if (/\.(xml|rels)$/i.test(f.name)) total += f.originalSize;
        if (names.length > DOCX_LIMITS.maxEntries || total > DOCX_LIMITS.maxXmlBytes) throw tooLarge;
        return false;
      },
    });
  } catch (error) {
    if (error === tooLarge) return { code: 'too-large', message: DOCUMENT_ERRORS.tooLarge };
    return { code: 'corrupt', message: DOCUMENT_ERRORS.corrupt };
  }
  const has = new Set(names);
  if (!has.has('word/document.xml')) {
    if (has.has('xl/workbook.xml')) return notWord({ 'zh-CN': '是 Excel 工作簿', en: 'it is an Excel workbook' });
    if (has.has('ppt/presentation.xml')) return notWord({ 'zh-CN': '是 PowerPoint 演示文稿', en: 'it is a PowerPoint presentation' });
    if (has.has('content.xml') && has.has('mimetype')) return notWord({ 'zh-CN': '是 OpenDocument 文档(.odt 等)', en: 'it is an OpenDocument file' });
    // A Word package may name its main part otherwise; its relationships say which.
    if (!has.has('_rels/.rels')) return notWord({ 'zh-CN': '压缩包中没有 word/document.xml', en: 'the zip has no word/document.xml' });
  }
  let files: Record<string, Uint8Array>;
  try {
    // fflate inflates each part into a buffer of its declared size, so a lying directory cannot grow it.
    files = unzipSync(bytes, { filter: (f) => /\.(xml|rels)$/i.test(f.name) && (f.name.startsWith('word/') || f.name.startsWith('_rels/') || f.name === '[Content_Types].xml') });
  } catch {
    return { code: 'corrupt', message: DOCUMENT_ERRORS.corrupt };
  }
  const decoder = new TextDecoder('utf-8');
  const parts: Parts = new Map();
  for (const [name, data] of Object.entries(files)) parts.set(name, decodeXml(data, decoder));
  return parts;
}

function decodeXml(data: Uint8Array, utf8: { decode(d: Uint8Array): string }): string {
  // XML parts are UTF-8 or UTF-16 (with a BOM); Word writes UTF-8.
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  return utf8.decode(data);
}

/** The target of the package relationship of a type, resolved against the part it belongs to. */
export function relTarget(parts: Parts, relsPath: string, type: string, base: string): string | undefined {
  const rels = parts.get(relsPath);
  if (!rels) return undefined;
  const root = parseXml(rels);
  for (const r of children(root, 'Relationship')) {
    if (!(attr(r, 'Type') ?? '').endsWith(`/${type}`) || attr(r, 'TargetMode') === 'External') continue;
    const target = attr(r, 'Target') ?? '';
    const joined = target.startsWith('/') ? target.slice(1) : base + target;
    const out: string[] = [];
    for (const seg of joined.split('/')) {
      if (seg === '..') out.pop();
      else if (seg !== '.' && seg !== '') out.push(seg);
    }
    return out.join('/');
  }
  return undefined;
}
