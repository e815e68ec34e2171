import { unzipSync } from 'fflate';
import type { Localized } from '../types.js';
import { Numbering, readStyleNumbering } from './numbering.js';
import type { DocumentError, SourceText } from './types.js';
import { attr, child, children, descendants, isOn, parseXml, type XmlElement } from './xml.js';

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

function notWord(what: Localized): DocumentError {
  return {
    code: 'not-docx',
    message: { 'zh-CN': `这不是 Word 文档(${what['zh-CN']}),请另存为 .docx 再试。`, en: `This is not a Word document (${what.en}). Save it as .docx and try again.` },
  };
}

const FOOTNOTE_KIND = {
  footnote: { 'zh-CN': '脚注', en: 'footnote' },
  endnote: { 'zh-CN': '尾注', en: 'endnote' },
};

/**
 * Reads a .docx into the lines a person sees when it prints: one line a paragraph, one a table row
 * (cells joined by TAB), automatic numbers restored as text, tracked changes accepted, comments left
 * out, footnotes and endnotes after the body. Pure: bytes in, text out; never throws.
 */
export function readDocx(bytes: Uint8Array): SourceText | DocumentError {
  if (isOle(bytes)) return isEncryptedPackage(bytes) ? { code: 'encrypted', message: DOCUMENT_ERRORS.encrypted } : { code: 'legacy-doc', message: DOCUMENT_ERRORS.legacy };
  const parts = unzipParts(bytes);
  if ('code' in parts) return parts;
  try {
    return readPackage(parts);
  } catch {
    // Anything unexpected in a package's XML is a corrupt document to the user, not a crash.
    return { code: 'corrupt', message: DOCUMENT_ERRORS.corrupt };
  }
}

type Parts = Map<string, string>;

/** Unzips only the parts a reader needs, after checking the directory against the caps. */
function unzipParts(bytes: Uint8Array): Parts | DocumentError {
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
  if (!has.has('word/document.xml') && !has.has('_rels/.rels')) {
    if (has.has('xl/workbook.xml')) return notWord({ 'zh-CN': '是 Excel 工作簿', en: 'it is an Excel workbook' });
    if (has.has('ppt/presentation.xml')) return notWord({ 'zh-CN': '是 PowerPoint 演示文稿', en: 'it is a PowerPoint presentation' });
    if (has.has('content.xml') && has.has('mimetype')) return notWord({ 'zh-CN': '是 OpenDocument(.odt/.wps 新格式)文件', en: 'it is an OpenDocument file' });
    return notWord({ 'zh-CN': '压缩包中没有 word/document.xml', en: 'the zip has no word/document.xml' });
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
function relTarget(parts: Parts, relsPath: string, type: string, base: string): string | undefined {
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

function readPackage(parts: Parts): SourceText | DocumentError {
  const mainPath = relTarget(parts, '_rels/.rels', 'officeDocument', '') ?? 'word/document.xml';
  const mainXml = parts.get(mainPath);
  if (mainXml === undefined) return notWord({ 'zh-CN': '压缩包中没有正文部件', en: 'the package has no main document part' });
  const document = parseXml(mainXml);
  if (!document) return { code: 'corrupt', message: DOCUMENT_ERRORS.corrupt };
  const body = child(document, 'body');
  if (!body) return notWord({ 'zh-CN': '正文部件不是 WordprocessingML', en: 'the main part is not WordprocessingML' });
  const dir = mainPath.slice(0, mainPath.lastIndexOf('/') + 1);
  const relsPath = `${dir}_rels/${mainPath.slice(dir.length)}.rels`;
  const part = (type: string, fallback: string) => {
    const xml = parts.get(relTarget(parts, relsPath, type, dir) ?? `${dir}${fallback}`);
    return xml === undefined ? undefined : parseXml(xml);
  };
  const styles = readStyleNumbering(part('styles', 'styles.xml'));
  const reader = new BodyReader(new Numbering(part('numbering', 'numbering.xml'), styles));
  reader.blocks(body);
  const lines = reader.finish();
  const notes: Localized[] = [];
  for (const kind of ['footnote', 'endnote'] as const) {
    const root = part(`${kind}s`, `${kind}s.xml`);
    if (!root) continue;
    const byId = new Map<string, XmlElement>();
    for (const n of children(root, kind)) {
      const type = attr(n, 'type');
      if (type === undefined || type === 'normal') byId.set(attr(n, 'id') ?? '', n);
    }
    // Numbered in the order the body refers to them, as Word prints them; unreferenced ones last.
    const order = [...reader.noteRefs[kind].filter((id) => byId.has(id)), ...[...byId.keys()].filter((id) => !reader.noteRefs[kind].includes(id))];
    let n = 0;
    for (const id of order) {
      const noteReader = new BodyReader(reader.numbering);
      noteReader.blocks(byId.get(id) as XmlElement);
      const text = noteReader.finish().join(' ').trim();
      if (text === '') continue;
      n++;
      lines.push(`${FOOTNOTE_KIND[kind]['zh-CN']}${n}:${text}`);
    }
    if (n > 0) {
      notes.push({
        'zh-CN': `${n} 条${FOOTNOTE_KIND[kind]['zh-CN']}附在正文之后(第 ${lines.length - n + 1}–${lines.length} 行,每条一行,以“${FOOTNOTE_KIND[kind]['zh-CN']}1:”等开头);正文中的注号未保留。`,
        en: `${n} ${FOOTNOTE_KIND[kind].en}${n === 1 ? '' : 's'} appended after the body (lines ${lines.length - n + 1}–${lines.length}, one a line, starting “${FOOTNOTE_KIND[kind]['zh-CN']}1:” etc.); the reference marks in the body are left out.`,
      });
    }
  }
  if (!lines.some((l) => l.trim() !== '')) return { code: 'empty', message: DOCUMENT_ERRORS.empty };
  const s = reader.stats;
  if (s.insertions + s.deletions > 0) {
    notes.unshift({
      'zh-CN': `文档含修订:按接受全部修订后的文字读入(保留 ${s.insertions} 处插入,删去 ${s.deletions} 处删除)。`,
      en: `The document has tracked changes: read as it prints with all changes accepted (${s.insertions} insertion${s.insertions === 1 ? '' : 's'} kept, ${s.deletions} deletion${s.deletions === 1 ? '' : 's'} dropped).`,
    });
  }
  if (reader.numbering.labelled > 0) {
    notes.push({ 'zh-CN': `已还原 ${reader.numbering.labelled} 个自动编号(如“一、”“(一)”“1.”),写在段落文字之前。`, en: `${reader.numbering.labelled} automatic number${reader.numbering.labelled === 1 ? '' : 's'} (such as “一、”, “(一)”, “1.”) restored before the paragraph text.` });
  }
  if (s.repeatedHeaders > 0) {
    notes.push({ 'zh-CN': `表格中重复的标题行(跨页重复)只保留一次,删去 ${s.repeatedHeaders} 行。`, en: `Repeated table header rows kept once (${s.repeatedHeaders} dropped).` });
  }
  if (s.textBoxes > 0) {
    notes.push({ 'zh-CN': `${s.textBoxes} 个文本框的文字读在其所在段落之后。`, en: `The text of ${s.textBoxes} text box${s.textBoxes === 1 ? '' : 'es'} is read after the paragraph it is anchored in.` });
  }
  if (s.tablesOfContents > 0) {
    notes.push({ 'zh-CN': '目录未读入(它重复各级标题)。', en: 'The table of contents is left out (it repeats the headings).' });
  }
  if (s.comments > 0 || parts.has(`${dir}comments.xml`)) {
    notes.push({ 'zh-CN': '文档中的批注未读入。', en: 'Comments in the document are ignored.' });
  }
  return { lines, format: 'docx', notes };
}

interface Stats {
  insertions: number;
  deletions: number;
  repeatedHeaders: number;
  comments: number;
  textBoxes: number;
  tablesOfContents: number;
}

/** Walks block content (paragraphs, tables, content controls) into lines. */
class BodyReader {
  readonly lines: string[] = [];
  readonly stats: Stats = { insertions: 0, deletions: 0, repeatedHeaders: 0, comments: 0, textBoxes: 0, tablesOfContents: 0 };
  readonly noteRefs: Record<'footnote' | 'endnote', string[]> = { footnote: [], endnote: [] };
  /** Text of a paragraph whose mark was deleted: with changes accepted it runs into the next one. */
  private carry = '';
  /** Lines of the text boxes anchored in the paragraph being read, written after it. */
  private boxLines: string[] = [];

  constructor(readonly numbering: Numbering) {}

  blocks(container: XmlElement): void {
    for (const el of children(container)) {
      switch (el.localName) {
        case 'p':
          this.paragraph(el);
          break;
        case 'tbl':
          this.flushCarry();
          for (const row of this.table(el)) this.lines.push(row);
          break;
        case 'sdt':
          // A table of contents repeats the headings (with page numbers): read, it would make every section twice.
          if (/Table of Contents/i.test(attr(child(child(child(el, 'sdtPr'), 'docPartObj'), 'docPartGallery'), 'val') ?? '')) {
            this.stats.tablesOfContents++;
            break;
          }
          this.blocks(child(el, 'sdtContent') ?? el);
          break;
        case 'customXml':
        case 'ins':
        case 'moveTo':
          if (el.localName !== 'customXml') this.stats.insertions++;
          this.blocks(el);
          break;
        case 'del':
        case 'moveFrom':
          this.stats.deletions++;
          break;
        default:
          break;
      }
    }
  }

  finish(): string[] {
    this.flushCarry();
    while (this.lines.length > 0 && this.lines[this.lines.length - 1].trim() === '') this.lines.pop();
    let start = 0;
    while (start < this.lines.length && this.lines[start].trim() === '') start++;
    return start > 0 ? this.lines.slice(start) : this.lines;
  }

  private flushCarry(): void {
    if (this.carry !== '') this.lines.push(this.carry);
    this.carry = '';
  }

  /** A paragraph's lines: usually one; a soft line break (Shift+Enter) starts another. */
  private paragraphLines(p: XmlElement): { lines: string[]; markDeleted: boolean } {
    const pPr = child(p, 'pPr');
    const numPr = child(pPr, 'numPr');
    const ilvl = attr(child(numPr, 'ilvl'), 'val');
    const label = this.numbering.label(attr(child(numPr, 'numId'), 'val'), ilvl === undefined ? undefined : Number(ilvl), attr(child(pPr, 'pStyle'), 'val'));
    const markDeleted = child(child(pPr, 'rPr'), 'del') !== undefined;
    if (markDeleted) this.stats.deletions++;
    const out: string[] = [label];
    this.inline(p, out);
    return { lines: out, markDeleted };
  }

  private paragraph(p: XmlElement): void {
    const { lines, markDeleted } = this.paragraphLines(p);
    lines[0] = this.carry + lines[0];
    this.carry = '';
    if (markDeleted) {
      this.carry = lines.pop() ?? '';
    }
    // Trailing spaces do not print, and a reader of the source text should not have to guess at them.
    for (const l of lines) this.lines.push(l.trimEnd());
    this.lines.push(...this.boxLines);
    this.boxLines = [];
  }

  /** Inline content into `out`, whose last entry is the line being written. */
  private inline(el: XmlElement, out: string[]): void {
    for (const c of children(el)) {
      switch (c.localName) {
        case 'r':
          this.run(c, out);
          break;
        case 'ins':
        case 'moveTo':
          this.stats.insertions++;
          this.inline(c, out);
          break;
        case 'del':
        case 'moveFrom':
          this.stats.deletions++;
          break;
        case 'hyperlink':
        case 'smartTag':
        case 'fldSimple':
        case 'customXml':
        case 'bdo':
        case 'dir':
          this.inline(c, out);
          break;
        case 'sdt':
          this.inline(child(c, 'sdtContent') ?? c, out);
          break;
        default:
          // pPr, bookmarks, proofing marks, comment ranges, math: nothing that prints as text here.
          break;
      }
    }
  }

  private run(r: XmlElement, out: string[]): void {
    const rPr = child(r, 'rPr');
    // Hidden text does not print; a run marked deleted inside rPr is a deletion too.
    if (isOn(child(rPr, 'vanish'))) return;
    for (const c of children(r)) {
      switch (c.localName) {
        case 't':
          out[out.length - 1] += c.textContent ?? '';
          break;
        case 'tab':
        case 'ptab':
          out[out.length - 1] += '\t';
          break;
        case 'br': {
          const type = attr(c, 'type');
          // A page or column break in the middle of a paragraph ends a line but makes no empty one.
          if (type === 'page' || type === 'column') {
            if (out[out.length - 1] !== '') out.push('');
          } else out.push('');
          break;
        }
        case 'cr':
          out.push('');
          break;
        case 'noBreakHyphen':
          out[out.length - 1] += '-';
          break;
        case 'sym': {
          const code = parseInt(attr(c, 'char') ?? '', 16);
          // Symbol-font glyphs live in the private-use area (F0xx) and have no Unicode text.
          if (Number.isFinite(code) && (code < 0xe000 || code > 0xf8ff)) out[out.length - 1] += String.fromCodePoint(code);
          break;
        }
        case 'footnoteReference':
        case 'endnoteReference': {
          const kind = c.localName === 'footnoteReference' ? 'footnote' : 'endnote';
          const id = attr(c, 'id');
          if (id !== undefined && !this.noteRefs[kind].includes(id)) this.noteRefs[kind].push(id);
          break;
        }
        case 'commentReference':
          this.stats.comments++;
          break;
        case 'drawing':
        case 'pict':
        case 'AlternateContent':
          this.textBoxes(c);
          break;
        default:
          // delText, instrText (field codes), drawings, softHyphen: not printed as text.
          break;
      }
    }
  }

  /**
   * Text boxes print where they are anchored: their paragraphs become lines after the one being written.
   * A box is written twice in a .docx (mc:Choice for Word 2010+, mc:Fallback as VML); only the first is read.
   */
  private textBoxes(el: XmlElement): void {
    const root = el.localName === 'AlternateContent' ? children(el)[0] : el;
    for (const box of descendants(root, 'txbxContent')) {
      const inner = new BodyReader(this.numbering);
      inner.blocks(box);
      this.merge(inner);
      const lines = inner.finish().filter((l) => l.trim() !== '');
      if (lines.length === 0) continue;
      this.stats.textBoxes++;
      this.boxLines.push(...lines);
    }
  }

  /** A table's rows as lines: cells joined by TAB, each merged cell once, the header row once. */
  private table(tbl: XmlElement): string[] {
    const rows: string[] = [];
    const headers = new Set<string>();
    for (const tr of this.rowsOf(tbl)) {
      const trPr = child(tr, 'trPr');
      if (child(trPr, 'del')) {
        this.stats.deletions++;
        continue;
      }
      const cells: string[] = [];
      for (const tc of this.cellsOf(tr)) {
        const tcPr = child(tc, 'tcPr');
        const vMerge = child(tcPr, 'vMerge');
        // A continuation of a vertically merged cell prints nothing: the text is in the first cell.
        if (vMerge && attr(vMerge, 'val') !== 'restart') {
          cells.push('');
          continue;
        }
        const inner = new BodyReader(this.numbering);
        inner.blocks(tc);
        this.merge(inner);
        cells.push(inner.finish().map((l) => l.replace(/\t/g, ' ').trim()).filter((l) => l !== '').join(' '));
      }
      const line = cells.join('\t');
      const isHeader = isOn(child(trPr, 'tblHeader'));
      // Word repeats a header row on each page by itself; a drafter who copied it by hand repeats it in the XML.
      if (headers.has(line) && line.trim() !== '') {
        this.stats.repeatedHeaders++;
        continue;
      }
      if (isHeader || rows.length === 0) headers.add(line);
      rows.push(line);
    }
    return rows;
  }

  private rowsOf(tbl: XmlElement): XmlElement[] {
    const rows: XmlElement[] = [];
    for (const c of children(tbl)) {
      if (c.localName === 'tr') rows.push(c);
      else if (c.localName === 'sdt' || c.localName === 'customXml') rows.push(...this.rowsOf(child(c, 'sdtContent') ?? c));
    }
    return rows;
  }

  private cellsOf(tr: XmlElement): XmlElement[] {
    const cells: XmlElement[] = [];
    for (const c of children(tr)) {
      if (c.localName === 'tc') cells.push(c);
      else if (c.localName === 'sdt' || c.localName === 'customXml') cells.push(...this.cellsOf(child(c, 'sdtContent') ?? c));
    }
    return cells;
  }

  private merge(inner: BodyReader): void {
    this.stats.insertions += inner.stats.insertions;
    this.stats.deletions += inner.stats.deletions;
    this.stats.repeatedHeaders += inner.stats.repeatedHeaders;
    this.stats.comments += inner.stats.comments;
    this.stats.textBoxes += inner.stats.textBoxes;
    this.stats.tablesOfContents += inner.stats.tablesOfContents;
    for (const kind of ['footnote', 'endnote'] as const) for (const id of inner.noteRefs[kind]) if (!this.noteRefs[kind].includes(id)) this.noteRefs[kind].push(id);
  }
}
