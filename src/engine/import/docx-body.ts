import type { Numbering } from './numbering.js';
import { attr, child, children, descendants, isOn, type XmlElement } from './xml.js';

/** What reading a body did, for the notes. */
export interface Stats {
  insertions: number;
  deletions: number;
  repeatedHeaders: number;
  comments: number;
  textBoxes: number;
  tablesOfContents: number;
}

/** Walks block content (paragraphs, tables, content controls) into lines. */
export class BodyReader {
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

  /**
   * A paragraph's lines: usually one; a soft line break (Shift+Enter) starts another. A paragraph whose
   * mark was deleted runs into the next one, which keeps its own mark and so its own number: the number
   * goes before the joined text, and the deleted paragraph's number is never counted.
   */
  private paragraph(p: XmlElement): void {
    const pPr = child(p, 'pPr');
    const markDeleted = child(child(pPr, 'rPr'), 'del') !== undefined;
    const lines: string[] = [''];
    this.inline(p, lines);
    if (markDeleted) {
      this.stats.deletions++;
      const last = lines.pop() ?? '';
      for (const l of lines) this.pushLine(l);
      this.carry += last;
      return;
    }
    const numPr = child(pPr, 'numPr');
    const ilvl = attr(child(numPr, 'ilvl'), 'val');
    const label = this.numbering.label(attr(child(numPr, 'numId'), 'val'), ilvl === undefined ? undefined : Number(ilvl), attr(child(pPr, 'pStyle'), 'val'));
    lines[0] = label + this.carry + lines[0];
    this.carry = '';
    for (const l of lines) this.pushLine(l);
    for (const l of this.boxLines) this.lines.push(l);
    this.boxLines = [];
  }

  private pushLine(line: string): void {
    // Trailing spaces do not print, and a reader of the source text should not have to guess at them.
    this.lines.push(line.trimEnd());
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
      for (const l of lines) this.boxLines.push(l);
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
      else if (c.localName === 'sdt' || c.localName === 'customXml') for (const row of this.rowsOf(child(c, 'sdtContent') ?? c)) rows.push(row);
    }
    return rows;
  }

  private cellsOf(tr: XmlElement): XmlElement[] {
    const cells: XmlElement[] = [];
    for (const c of children(tr)) {
      if (c.localName === 'tc') cells.push(c);
      else if (c.localName === 'sdt' || c.localName === 'customXml') for (const cell of this.cellsOf(child(c, 'sdtContent') ?? c)) cells.push(cell);
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
