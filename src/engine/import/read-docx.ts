import type { Localized } from '../types.js';
import { BodyReader } from './docx-body.js';
import { DOCUMENT_ERRORS, isEncryptedPackage, isOle, notWord, relTarget, unzipParts, type Parts } from './docx-package.js';
import { Numbering, readStyleNumbering } from './numbering.js';
import type { DocumentError, SourceText } from './types.js';
import { attr, child, children, parseXml, type XmlElement } from './xml.js';

export { DOCUMENT_ERRORS, DOCX_LIMITS, isEncryptedPackage, isOle } from './docx-package.js';

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
