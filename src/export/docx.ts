/**
 * The plan as a document laid out per GB/T 9704-2012: title, the sections as headings 一、 (一) 1. (1),
 * each task a paragraph with its targets and its units clause, page numbers "— 1 —" outside bottom.
 * Every size and font comes from layout.ts.
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IFontAttributesProperties,
  type IParagraphStyleOptions,
} from 'docx';
import type { Plan, Section, Task } from '../engine/index.js';
import { FONT, GRID, INDENT_FIRST_LINE_CHARS, PAGE, SIZE } from './layout.js';
import { at, chineseDate, closed, headingLevel, indicatorClauses, joinSentences, milestonesText, numberPrefix, undated, unitsClause, type HeadingLevel } from './text.js';
import { marksOf, type Marks } from './marks.js';
import { repack } from './zip.js';

/** A CJK font named for every script, with the East Asian hint, so Word, WPS and LibreOffice all use it. */
function font(name: string): IFontAttributesProperties {
  return { ascii: FONT.latin, hAnsi: FONT.latin, eastAsia: name, cs: FONT.latin, hint: 'eastAsia' };
}

const half = (pt: number) => pt * 2;
const CHAR = SIZE.三号 * 20;
/** Exact line spacing at the grid's pitch: every line sits on one of the page's 22 lines. */
const LINE = { line: GRID.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
const BODY_INDENT = { firstLine: INDENT_FIRST_LINE_CHARS * CHAR };

/** One style per heading level, so Word's navigation pane and WPS's outline show the plan's structure. */
const HEADING: Record<HeadingLevel, { font: string; bold: boolean }> = {
  1: { font: FONT.h1.name, bold: false },
  2: { font: FONT.h2.name, bold: false },
  3: { font: FONT.body.name, bold: true },
  4: { font: FONT.body.name, bold: false },
};

const STYLES: IParagraphStyleOptions[] = [
  {
    id: 'PlanTitle',
    name: 'Title',
    basedOn: 'Normal',
    run: { font: font(FONT.title.name), size: half(SIZE.二号) },
    paragraph: { alignment: AlignmentType.CENTER, spacing: LINE, indent: { firstLine: 0 } },
  },
  ...([1, 2, 3, 4] as const).map((level) => ({
    id: `Heading${level}`,
    name: `heading ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: font(HEADING[level].font), size: half(SIZE.三号), bold: HEADING[level].bold },
    paragraph: { outlineLevel: level - 1, spacing: LINE, indent: BODY_INDENT, keepNext: true },
  })),
];

/** `— 1 —` in 4号, one character in from the outside edge: right on odd pages, left on even ones. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const run = (children: string[]) =>
    new TextRun({ children, font: font(FONT.pageNumber.name), size: half(SIZE.四号), characterSpacing: 0 });
  const one = SIZE.四号 * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: one, firstLine: 0 } : { left: one, firstLine: 0 },
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: [run(['— ', PageNumber.CURRENT, ' —'])],
      }),
    ],
  });
}

interface Writer {
  data: unknown;
  plan: Plan;
  /** The plan's punctuation style, for every mark the document writes itself. */
  marks: Marks;
  out: Paragraph[];
  /** Parts written as annexes after the body: the programme they belong to and its parts. */
  annexes: { title: string; sections: Section[] }[];
}

const body = (runs: TextRun[]) => new Paragraph({ children: runs, style: 'Normal' });
const text = (t: string, bold = false) => new TextRun({ text: t, bold });

function writeSection(section: Section, depth: number, w: Writer): void {
  const level = headingLevel(section.number, depth);
  w.out.push(new Paragraph({ style: `Heading${level}`, children: [new TextRun(`${numberPrefix(section.number)}${section.title}`)] }));
  const sentences = indicatorClauses(section.indicators, w.data, w.plan, w.marks);
  const clause = unitsClause(section.lead, section.responsible, section.cooperating, section.people, w.marks);
  // The units clause opens the section's paragraph: a sentence with a figure before it would read back as a task
  // (a heading printed alone over such sentences lists its unnumbered tasks, see `taskParagraph` in recognize.ts).
  if (sentences.length > 0 || clause) {
    w.out.push(body([text(`${clause}${sentences.length > 0 ? closed(joinSentences(sentences, w.marks)) : ''}`)]));
  }
  for (const task of section.tasks) writeTask(task, depth + 1, w);
  // A programme whose parts are numbered from 一、 again (003's 专项方案) is printed as the source does:
  // those parts become an annex named after it, so the headings under (一) never jump back to 一、.
  const own = headingLevel(section.number, depth);
  const restarted = section.sections.filter((sub) => headingLevel(sub.number, depth + 1) < own);
  const annex = restarted.length > 0 ? annexTitle(section.title) : undefined;
  if (annex) w.annexes.push({ title: annex, sections: restarted });
  for (const sub of section.sections) if (!annex || !restarted.includes(sub)) writeSection(sub, depth + 1, w);
}

/**
 * An annex's title from its programme's: 实施“幼有所育”专项 → 实施“幼有所育”专项方案. Only a title with a
 * quoted key (“幼有所育”) names its annex unmistakably, as the importer finds the programme by that key.
 */
function annexTitle(title: string): string | undefined {
  if (!/“[^”]+”/.test(title)) return undefined;
  return /(方案|计划|清单|办法)$/.test(title) ? title : `${title}方案`;
}

/** 附件:1.…… 2.…… after the body (GB/T 9704 §7.3.4), and each annex after the signature on its own page. */
function annexList(w: Writer): Paragraph[] {
  return w.annexes.map((a, i) => new Paragraph({ style: 'Normal', children: [text(`${i === 0 ? `附件${w.marks.colon}` : ''}${i + 1}.${a.title}`)] }));
}

function writeAnnexes(w: Writer): void {
  const annexes = w.annexes;
  annexes.forEach((a, i) => {
    w.out.push(new Paragraph({ style: 'Normal', pageBreakBefore: true, indent: { firstLine: 0 }, children: [new TextRun({ text: `附件${i + 1}`, font: font(FONT.h1.name) })] }));
    // One run: the importer matches the annex's title against the list above it, line for line.
    w.out.push(new Paragraph({ style: 'PlanTitle', children: [new TextRun(a.title)] }));
    w.out.push(new Paragraph({ style: 'Normal', children: [] }));
    for (const s of a.sections) writeSection(s, 0, w);
  });
}

/** A task runs in with its text: number and title (bold at the 1. level), targets, units clause. */
function writeTask(task: Task, depth: number, w: Writer): void {
  const level = headingLevel(task.number, depth);
  const head = `${numberPrefix(task.number)}${task.title}`;
  // A task's title is often its target sentence itself (改善9所农村薄弱幼儿园办园条件): said once.
  const sentences = indicatorClauses(task.indicators, w.data, w.plan, w.marks).filter((q) => !task.title.includes(undated(q.text)));
  // Milestones follow the targets as the plans print them: 2021年3月开工,2023年9月投入使用。
  const steps = milestonesText(task, w.marks);
  const rest = `${sentences.length > 0 ? closed(joinSentences(sentences, w.marks)) : ''}${steps ? closed(steps) : ''}${unitsClause(task.lead, task.responsible, task.cooperating, task.people, w.marks)}`;
  const runs = [text(head ? closed(head) : '', level === 3)];
  if (rest) runs.push(text(rest));
  w.out.push(body(runs));
}

/** 2号 type fits 20 characters a line. */
const TITLE_LINE = 20;

/**
 * A long title breaks before its bracketed period, (2018—2020年), rather than wherever the line ends:
 * §7.2 wants a title's lines kept whole in sense.
 */
function titleRuns(title: string): TextRun[] {
  const at = Math.max(title.lastIndexOf('('), title.lastIndexOf('\uff08'));
  if (title.length <= TITLE_LINE || at <= 0 || at > TITLE_LINE) return [new TextRun(title)];
  return [new TextRun(title.slice(0, at)), new TextRun({ text: title.slice(at), break: 1 })];
}

/** Plan metadata the document prints: the issuers and the issue date close it (发文机关署名, 成文日期). */
interface Meta {
  title: string;
  issuers: string[];
  issued?: string;
}

function metaOf(data: unknown, plan: Plan): Meta {
  const issuers = at(data, ['plan', 'issuers']);
  const issued = at(data, ['plan', 'issued']);
  return {
    title: plan.title ?? '',
    issuers: Array.isArray(issuers) ? issuers.filter((x): x is string => typeof x === 'string') : [],
    issued: typeof issued === 'string' ? issued : undefined,
  };
}

/** The .docx of a plan, as bytes that depend only on the plan (`date` is stamped as its time). */
export async function planToDocx(plan: Plan, data: unknown, date: string): Promise<Uint8Array> {
  const meta = metaOf(data, plan);
  const w: Writer = { data, plan, marks: marksOf(data), out: [], annexes: [] };
  w.out.push(new Paragraph({ style: 'PlanTitle', children: titleRuns(meta.title) }));
  w.out.push(new Paragraph({ style: 'Normal', children: [] }));
  // The plan's own targets (总投资28.23亿元) open the body, before the first heading, as plans print them.
  const opening = indicatorClauses(plan.indicators, data, plan, w.marks);
  if (opening.length > 0) w.out.push(body([text(closed(joinSentences(opening, w.marks)))]));
  plan.sections.forEach((s) => writeSection(s, 0, w));
  if (w.annexes.length > 0) w.out.push(new Paragraph({ style: 'Normal', children: [] }));
  for (const p of annexList(w)) w.out.push(p);
  if (meta.issuers.length > 0 || meta.issued) {
    // §7.3.5: signature and date right-aligned, four characters in from the right edge.
    const right = { right: 4 * CHAR, firstLine: 0 };
    w.out.push(new Paragraph({ style: 'Normal', children: [] }));
    for (const issuer of meta.issuers) w.out.push(new Paragraph({ style: 'Normal', alignment: AlignmentType.RIGHT, indent: right, children: [text(issuer)] }));
    const date = meta.issued ? chineseDate(meta.issued) : undefined;
    if (date) w.out.push(new Paragraph({ style: 'Normal', alignment: AlignmentType.RIGHT, indent: right, children: [text(date)] }));
  }
  writeAnnexes(w);

  const doc = new Document({
    creator: 'planlint',
    lastModifiedBy: 'planlint',
    title: meta.title,
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          // eastAsia zh-CN: a machine without the named fonts then falls back to a Simplified Chinese face, not a
          // Japanese one. The Latin language stays en-US, as Word writes it for Chinese documents: with zh-CN there,
          // LibreOffice breaks digits as Chinese characters, anywhere ("6⏎5%", "2⏎020年") in justified text.
          run: { font: font(FONT.body.name), size: half(SIZE.三号), characterSpacing: GRID.charSpacing, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: LINE, indent: BODY_INDENT, alignment: AlignmentType.JUSTIFIED },
        },
      },
      paragraphStyles: STYLES,
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, header: PAGE.header, footer: PAGE.footer, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: GRID.linePitch },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: w.out,
      },
    ],
  });
  const bytes = await Packer.toBuffer(doc);
  return repack(new Uint8Array(bytes), date);
}
