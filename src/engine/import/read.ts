import { DOCUMENT_ERRORS, isOle, readDocx } from './read-docx.js';
import { readPlainText } from './read-text.js';
import type { DocumentError, SourceText } from './types.js';

const PDF: DocumentError = {
  code: 'pdf',
  message: { 'zh-CN': '暂不支持 PDF 文件。请提供 .docx、.txt 或 .md 文件(可在 Word/WPS 中另存为 .docx)。', en: 'PDF files are not supported yet. Give a .docx, .txt or .md file (Word or WPS can save it as .docx).' },
};
const RTF: DocumentError = {
  code: 'rtf',
  message: { 'zh-CN': '暂不支持 RTF 文件。请在 Word 或 WPS 中另存为 .docx 再试。', en: 'RTF files are not supported. Save it as .docx in Word or WPS and try again.' },
};

const startsWith = (bytes: Uint8Array, ascii: string) => bytes.length >= ascii.length && [...ascii].every((c, i) => bytes[i] === c.charCodeAt(0));

/**
 * Reads any document a drafter might hand over into its lines. The bytes decide what it is, not the
 * name: WPS saves .docx under .doc and mail clients rename attachments, so a zip is read as Word,
 * an OLE file is a legacy binary (or an encrypted .docx), and only then does the extension choose
 * between plain text and Markdown. Pure; never throws.
 */
export function readDocument(bytes: Uint8Array, fileName: string): SourceText | DocumentError {
  if (bytes.length === 0) return { code: 'empty', message: DOCUMENT_ERRORS.empty };
  if (startsWith(bytes, 'PK\x03\x04') || startsWith(bytes, 'PK\x05\x06') || isOle(bytes)) return readDocx(bytes);
  if (startsWith(bytes, '%PDF')) return PDF;
  if (startsWith(bytes, '{\\rtf')) return RTF;
  if (/\.(docx|docm|dotx|doc|wps)$/i.test(fileName)) return { code: 'corrupt', message: DOCUMENT_ERRORS.corrupt };
  return readPlainText(bytes, /\.(md|markdown)$/i.test(fileName) ? 'markdown' : 'text');
}
