/**
 * The recognizer: a document's text lines in, a plan file out. Chinese plans are formulaic, so the
 * structure is read from the numbering as printed (一、 (一) 1. (1) ①, in any mixture), the unit
 * clauses and the figures; every fact carries `source: { line, quote }` and nothing is invented.
 * Pure engine code: no file system, no editor.
 */
import { halfWidth, restorer, restoreShown } from './half-width.js';
import { Document, isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { findIndicators, isPlaceName, mergeIndicators, type ImportedIndicator, type RegionSplit } from './indicators.js';
import { asOfOf, rateLike, withActuals, withProseActuals } from './actuals.js';
import { findMemberList, findUnitClause, isGroupName, splitPeople, splitUnits, withoutUnitClause, type UnitClause } from './units.js';
import { pipeTableAt, type PipeCell } from './pipe-table.js';
import { areasOf, closedByUnits, headedLists, progressOf, progressRun, withGlossedQuotes, withoutGlosses, type ProgressRun } from './prose-lists.js';
import type { ImportResult, SourceText } from './types.js';
import { chineseNumber } from '../words.js';

/** Options for one import: the source file's name (for `plan.sourceFile`) and a fallback title. */
export interface RecognizeOptions {
  sourceFile?: string;
  name?: string;
}

/** One paragraph, or one numbered piece of a line that holds several (pasted web text). */
interface Segment {
  line: number;
  text: string;
  /** A table row read from plain text: the line each cell's text was printed on (one cell a line). */
  at?: Record<string, number>;
  /** A plain-text row that prints its item's heading before its first sub-item (9 深化… 完成在职参保人数…). */
  group?: { label: string; title: string; outer?: boolean };
  /** A row printed one a line with spaces between cells: a blank cell is not printed, so none reads as merged. */
  unmerged?: boolean;
  /** A " | " row's targets: its own and those of the rows under it that print only a target's cells. */
  targets?: RowTarget[];
}

/** One target of a " | " table's task: its name as printed (城镇新增就业人数(人)), its figure and its split, on its line. */
interface RowTarget {
  name: string;
  value: string;
  split: string;
  line: number;
}

type Style = 'cn' | 'pcn' | 'ar' | 'par' | 'circ' | 'row';

/** One row of a responsibility table (任务分解表), merged cells already filled from above. */
interface Row {
  number?: string;
  title: string;
  content?: string;
  lead: string[];
  responsible: string[];
  /** 配合单位 */
  cooperating: string[];
  /** 责任人 (分管领导, 责任领导 …): people, not units. */
  people: { role: string; name: string }[];
  /** Each person's column's cell as printed, merged cells filled from above. */
  peopleCells: string[];
  /** The cells of the columns headed by a place (丹江口市 / 郧县 …): the row's target split by region. */
  regionCells?: { name: string; text: string }[];
  deadline?: string;
  /** 建設地點 as printed. */
  place?: string;
  /** The amount column's cell as printed (300). */
  amount?: string;
  /** A table read from plain text one cell a line: the line each cell's text is on. */
  at?: Record<string, number>;
  targets?: RowTarget[];
  /** A progress table's cells (实际完成情况, 完成率, 备注) as printed, and the progress column's name. */
  progress?: { actual?: string; rate?: string; remark?: string; header?: string };
  /** A row printed one a line with spaces between its cells. */
  spaced?: boolean;
  /** 当前进度: the row's progress as printed (kept in the task's note). */
  currentProgress?: string;
  /** 备注 as printed: the task's tags where the whole column holds only tag labels (市民生实事). */
  remarkText?: string;
  /** The header the row was read under (whether its 备注 column holds tags). */
  table?: TableColumns;
}

/** A numbered item as printed, with the unnumbered paragraphs that follow it. */
interface Item {
  style: Style;
  label: string;
  line: number;
  /** The text after the label. */
  text: string;
  body: Segment[];
  children: Item[];
  parent?: Item;
  row?: Row;
  /** Annex parts that only feed the programme's indicators (基本情况, 工作目标): not sections. */
  dropped?: boolean;
  /** A table's caption, titling the section made for its rows: kept whole, as printed. */
  caption?: boolean;
}

/**
 * 1. 2. …: a figure after the dot makes a decimal (3.5万), not a number, unless it reads as a year with 年
 * that a title goes on from (4.2024年农村公路…: the number 4., then 2024年). A year closed by punctuation
 * (1.2018年。全区…) is kept as it was read: a task's yearly targets, not items of their own.
 */
const LABEL = /^(?:([一二三四五六七八九十]{1,3})、|[((]([一二三四五六七八九十]{1,3})[))]|(\d{1,2})[.．、](?!(?!(?:19|20)\d{2}年[^\s。,,、;;::])\d)|[((](\d{1,2})[))]|([①-⑳])|([⑴-⒇])|([⒈-⒛]))/;
const SPLIT = /[\s\u3000]+(?=(?:[一二三四五六七八九十]{1,3}、|[((][一二三四五六七八九十]{1,3}[))]|\d{1,2}[.．、](?!(?!(?:19|20)\d{2}年[^\s。,,、;;::])\d)|[((]\d{1,2}[))]|[①-⑳⑴-⒇⒈-⒛]))/;
const END_OF_DOCUMENT = /^(扫一扫|主办[::]|网站标识码|地址[::].*电话|您现在|首页\s*\|?$)/;
const CLOSING = /保障措施|组织保障|推进机制|工作要求|工作机制|组织实施|保障机制/;
/** A heading that is only one of these words is a closing part: `kind: measures`, arrangements rather than tasks. */
const MEASURES = /^(保障措施|组织保障|推进机制|工作要求)$/;
const GENERAL = /总体要求|指导思想|基本原则|工作原则/;
const GOALS = /目标$|指导思想|总体要求/;
/** Words that lay a duty on others (各单位要…, 务必, 确保): an arrangement's sentence, not a measure's. */
const DUTY = /各[^,,。;;]{0,8}要|务必|必须|确保|切实|应当/;

function labelOf(text: string): { style: Style; label: string; rest: string } | undefined {
  const m = LABEL.exec(text);
  if (!m) return undefined;
  // ⑴ and ⒈ are one character each for (1) and 1. (what NFKC makes of them): the same styles.
  const style: Style = m[1] ? 'cn' : m[2] ? 'pcn' : m[3] || m[7] ? 'ar' : m[4] || m[6] ? 'par' : 'circ';
  return { style, label: m[0], rest: text.slice(m[0].length).trim() };
}

/** The paragraphs of the text: trimmed, web chrome and repeated page copies left out, run-in numbers split. */
function segmentsOf(lines: string[]): Segment[] {
  const out: Segment[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const pipes = pipeTableAt(lines, i);
    if (pipes) {
      for (const row of pipeRowSegments(pipes.rows)) out.push(row);
      i = pipes.next - 1;
      continue;
    }
    const bars = barTableAt(lines, i);
    if (bars) {
      for (const row of bars.rows) out.push(row);
      i = bars.next - 1;
      continue;
    }
    const t = (lines[i] ?? '').replace(/^[\s\u3000|]+|[\s\u3000|]+$/g, '');
    if (t.length === 0 || /^[|\s·]+$/.test(t)) continue;
    // A scraped page repeats its body word for word: every fact points at the first copy.
    if (t.length >= 80) {
      if (seen.has(t)) continue;
      seen.add(t);
    }
    // A table row's cells are joined by TABs: a cell that starts with a number is not a new paragraph.
    if (t.includes('\t')) out.push({ line: i + 1, text: t });
    else if (isColumnName(t)) {
      const read = verticalTable(lines, i);
      if (read) {
        for (const row of read.rows) out.push(row);
        i = read.next - 1;
      } else out.push({ line: i + 1, text: t });
    } else if (!t.includes('\t') && runTogetherHeader(t)) {
      const read = runTogetherTable(lines, i, runTogetherHeader(t) as { at: number; end: number; cells: string[] });
      for (const row of read.rows) out.push(row);
      i = read.next - 1;
    } else if (/[\s\u3000]/.test(t) && spacedHeader(t)) {
      const read = spacedTable(lines, i);
      for (const row of read.rows) out.push(row);
      i = read.next - 1;
    }
    else for (const piece of t.split(SPLIT)) if (piece.trim()) out.push({ line: i + 1, text: piece.trim() });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Responsibility tables written as plain text (web pages pasted or scraped): one cell a line, or one
// row a line with its cells separated by spaces. Each is turned into the TAB-joined rows a Word table
// reads as, so that `tableHeader` and `rowOf` read them exactly as they read a .docx table.

/** A column a header row may name that the importer does not read (备注, 完成情况 …): it still belongs to the header. */
const OTHER_COLUMN = /^(备注|说明|进展情况|推进情况|[\d\-—~月至]*(实际)?完成(情况|数|率%?)?)$/;

/** Whether one cell is a column name a header row prints. */
function isColumnName(cell: string): boolean {
  return OTHER_COLUMN.test(cell) || COLUMN_NAMES.some((re) => re.test(cell));
}

/** A unit's name as a table's unit column prints it (县水务局, 县护城河指挥部, 残联), or a list of them. */
function unitLike(cell: string): boolean {
  if (cell.length < 2 || cell.length > 40 || /[。::\d%()()“”"]/.test(cell)) return false;
  const names = splitUnits(cell);
  return names.length > 0 && names.every((n) => /(局|委|办|中心|会|联|院|部|所|站|队|司|厅|处|科|室|政府|街道|镇|乡|社区|集团|银行|馆|校|团|组|指挥部|办事处)$/.test(n));
}

/** A 完成时限 cell: 12月底前, 9月投入使用, 2016年12月, 年底前, 上半年, 三季度. */
function deadlineLike(cell: string): boolean {
  return cell.length <= 20 && !/[。,,;;]/.test(cell) && /^(\d{4}年|\d{1,2}月|年底|年内|上半年|下半年|全年|第?[一二三四]季度)/.test(cell);
}

/** An unnumbered row's first cell: a task's text, not a unit, a date or a page's leftover ("分享到:"). */
function titleLike(cell: string): boolean {
  return cell.length >= 2 && !unitLike(cell) && !deadlineLike(cell) && !/[::]$/.test(cell) && !END_OF_DOCUMENT.test(cell) && !labelOf(cell);
}

type ColumnKind = 'number' | 'title' | 'unit' | 'people' | 'deadline' | 'content' | 'other';

function columnKinds(cols: TableColumns, count: number): ColumnKind[] {
  const kinds: ColumnKind[] = Array.from({ length: count }, () => 'other');
  const set = (k: number | undefined, kind: ColumnKind) => {
    if (k !== undefined) kinds[k] = kind;
  };
  for (const p of cols.people) set(p.index, 'people');
  set(cols.content, 'content');
  set(cols.deadline, 'deadline');
  set(cols.lead, 'unit');
  set(cols.responsible, 'unit');
  set(cols.cooperating, 'unit');
  set(cols.number, 'number');
  set(cols.title, 'title');
  return kinds;
}

function accepts(kind: ColumnKind, cell: string): boolean {
  if (kind === 'unit') return unitLike(cell) && !deadlineLike(cell);
  if (kind === 'deadline') return deadlineLike(cell);
  if (kind === 'people') return /^[\u4e00-\u9fa5·]{2,4}([、,,][\u4e00-\u9fa5·]{2,4})*$/.test(cell) && !unitLike(cell);
  if (kind === 'content') return !unitLike(cell) && !deadlineLike(cell);
  return kind === 'other';
}

/** The next non-blank line at or after index `from`, trimmed, with its index. */
function nextLine(lines: readonly string[], from: number): { index: number; text: string } | undefined {
  for (let j = from; j < lines.length; j++) {
    const text = (lines[j] ?? '').trim();
    if (text) return { index: j, text };
  }
  return undefined;
}

/**
 * A web table flattened to one cell a line (blank lines between, as 大竹县's 分解表 is scraped): a header
 * of column names one a line, then for each row its number, its text, one line for each unit and its
 * deadline. The last unit column takes every unit line left in a row, the others one line each; a row with no number of its own (the second
 * line of 5) starts where a task's text follows a filled last cell and a cell of a later column
 * follows it. Returns undefined where the lines are not such a header.
 */
function verticalTable(lines: readonly string[], start: number): { rows: Segment[]; next: number } | undefined {
  const names: string[] = [];
  let j = start;
  let headerLine = start + 1;
  // At most 20 columns: a run of column names longer than any header is not one (and is not read again and again).
  for (let at = nextLine(lines, j); at && isColumnName(at.text) && names.length < 20; at = nextLine(lines, j)) {
    if (names.length === 0) headerLine = at.index + 1;
    names.push(at.text);
    j = at.index + 1;
  }
  const cols = names.length >= 3 ? tableHeader(names) : undefined;
  if (!cols) return undefined;
  const kinds = columnKinds(cols, names.length);
  // Only the last unit column takes several unit lines: one a line cannot say where 牵头单位 ends and 配合单位 starts,
  // and a table names one lead far more often than one cooperating unit.
  const lastUnit = kinds.lastIndexOf('unit');
  const rows: Segment[] = [{ line: headerLine, text: names.join('\t') }];
  let row: { cells: string[][]; at: Record<string, number>; line: number; titled: boolean; pointer: number; last: number } | undefined;
  const open = (lineNo: number) => {
    row = { cells: names.map(() => []), at: {}, line: lineNo, titled: false, pointer: cols.title + 1, last: -1 };
    return row;
  };
  const put = (r: NonNullable<typeof row>, k: number, text: string, lineNo: number) => {
    r.cells[k]?.push(text);
    for (const piece of [text, ...splitUnits(text)]) if (!(piece in r.at)) r.at[piece] = lineNo;
    r.last = k;
  };
  const flush = () => {
    if (row && row.titled) rows.push({ line: row.line, text: row.cells.map((c) => c.join('、')).join('\t'), at: row.at });
    row = undefined;
  };
  for (let at = nextLine(lines, j); at; at = nextLine(lines, j)) {
    const text = at.text;
    const lineNo = at.index + 1;
    if (END_OF_DOCUMENT.test(text) || /^分享到/.test(text)) break;
    if (cols.number !== undefined && /^\d{1,3}$/.test(text)) {
      flush();
      put(open(lineNo), cols.number, text, lineNo);
    } else if (row && !row.titled) {
      row.line = lineNo;
      row.titled = true;
      put(row, cols.title, text, lineNo);
    } else if (row && row.last === lastUnit && accepts('unit', text)) {
      put(row, row.last, text, lineNo);
    } else {
      const r = row;
      const k = r ? kinds.findIndex((kind, c) => c >= r.pointer && accepts(kind, text)) : -1;
      if (r && k >= 0) {
        put(r, k, text, lineNo);
        r.pointer = k + 1;
      } else {
        // A row without a number of its own: its text, then a cell of a later column.
        const following = nextLine(lines, at.index + 1);
        const continues = titleLike(text) && following !== undefined && !/^\d{1,3}$/.test(following.text) && kinds.some((kind, c) => c > cols.title && kind !== 'other' && accepts(kind, following.text));
        if (!continues) break;
        flush();
        const fresh = open(lineNo);
        fresh.titled = true;
        put(fresh, cols.title, text, lineNo);
      }
    }
    j = at.index + 1;
  }
  flush();
  return { rows, next: j };
}

/**
 * A pipe table's rows as TAB-joined rows, each cell's line kept. A row of one filled cell (the caption over
 * the table, spread over the merged row's empty cells) is a paragraph; a body row is on its title's line,
 * as a row read one cell a line is.
 */
function pipeRowSegments(rows: PipeCell[][]): Segment[] {
  const out: Segment[] = [];
  let title: number | undefined;
  let columns = 0;
  for (const cells of rows) {
    const filled = cells.filter((c) => c.text);
    const first = filled[0];
    if (!first) continue;
    if (filled.length === 1) {
      out.push({ line: first.line, text: first.text });
      continue;
    }
    const texts = cells.map((c) => c.text);
    const header = tableHeader(texts);
    if (header) {
      title = header.title;
      columns = cells.length;
    }
    const at: Record<string, number> = {};
    for (const c of filled) for (const piece of [c.text, ...splitUnits(c.text)]) if (!(piece in at)) at[piece] = c.line;
    const titleCell = header || title === undefined ? undefined : cells[title];
    // A row with fewer cells than its header is cut short (the text stops inside it): its missing cells are not merged ones.
    const short = !header && cells.length < columns;
    out.push({ line: titleCell?.text ? titleCell.line : first.line, text: texts.join('\t'), at, ...(short ? { unmerged: true } : {}) });
  }
  return out;
}

/** The cells of a line printed as "a | b | c |", the spaces that align a name's characters (刘 强, 项 目) taken out. */
function barCells(text: string): string[] {
  return text.replace(/\|[\s\u3000]*$/, '').split('|').map((c) => c.trim().replace(/(?<=[\u4e00-\u9fa5])[\s\u3000]+(?=[\u4e00-\u9fa5])/g, ''));
}

/**
 * A table printed one row a line, its cells separated by " | " (昭化区's 目标任务分解表: 项目 | 目标 | 分解情况 |
 * 责任领导 | 责任单位 | 责任人), read from a header `tableHeader` knows. A row with more cells than the header spreads
 * its first column's merged levels over the extra cells: the outer ones a group (就业促进工程), then the task, then
 * its first target's name, the cells after it under the header's columns. A row with fewer cells than the header
 * prints only a target of the task above (its name, figure and split), the task's other cells merged.
 */
function barTableAt(lines: readonly string[], start: number): { rows: Segment[]; next: number } | undefined {
  const first = lines[start] ?? '';
  if ((first.match(/ \| /g) ?? []).length < 2) return undefined;
  const names = barCells(first);
  const cols = tableHeader(names);
  if (!cols) return undefined;
  const rows: Segment[] = [{ line: start + 1, text: names.join('\t') }];
  let task: Segment | undefined;
  let j = start + 1;
  for (; j < lines.length && (lines[j] ?? '').includes('|'); j++) {
    const cells = barCells(lines[j] ?? '');
    const line = j + 1;
    const extra = cells.length - names.length;
    const target = (at: number): RowTarget => ({ name: cells[at] ?? '', value: cells[at + 1] ?? '', split: cells[at + 2] ?? '', line });
    if (extra < 0 && task && cols.title === 0) {
      task.targets?.push(target(0));
      continue;
    }
    const levels = Math.max(extra, 0);
    const aligned = [...cells.slice(0, cols.title), cells[cols.title + levels - (levels > 0 ? 1 : 0)] ?? '', ...cells.slice(cols.title + levels + 1)];
    const at: Record<string, number> = {};
    for (const c of aligned) for (const piece of [c, ...splitUnits(c)]) if (c && !(piece in at)) at[piece] = line;
    const group = levels >= 2 ? { label: '', title: cells.slice(cols.title, cols.title + levels - 1).join(' '), outer: true } : undefined;
    const targets = levels > 0 ? [target(cols.title + levels)] : [];
    if (levels > 0) for (const k of [cols.title + 1, cols.title + 2]) aligned[k] = '';
    task = { line, text: aligned.join('\t'), at, ...(group ? { group } : {}), ...(levels > 0 ? { targets } : {}) };
    rows.push(task);
  }
  return { rows, next: j };
}

/** The cells of a header printed on one line with spaces between ("1- 8月实际完成情况" is one cell). */
function spacedCells(text: string): string[] {
  const out: string[] = [];
  for (const t of text.split(/[\s\u3000]+/)) {
    const prev = out[out.length - 1];
    if (prev !== undefined && /[-—~至]$/.test(prev)) out[out.length - 1] = prev + t;
    else if (t) out.push(t);
  }
  return out;
}

function spacedHeader(text: string): TableColumns | undefined {
  const cells = spacedCells(text);
  return cells.length >= 3 && cells.every(isColumnName) ? tableHeader(cells) : undefined;
}

/**
 * A table printed one row a line, its cells separated by spaces (岳阳楼区's 完成情况表). A row is read from
 * its left: its number, its text up to the first cell that names a unit, then the columns after the
 * unit column in order, the last column taking the rest. A numbered row whose text runs to two cells
 * and whose next line has no number prints its item's heading, then its first sub-item: the heading
 * becomes a group over that row and the rows after it without a number.
 */
function spacedTable(lines: readonly string[], start: number): { rows: Segment[]; next: number } {
  const names = spacedCells((lines[start] ?? '').trim());
  const cols = tableHeader(names) as TableColumns;
  const kinds = columnKinds(cols, names.length);
  const rows: Segment[] = [{ line: start + 1, text: names.join('\t') }];
  const isNumber = (t: string | undefined) => t !== undefined && cols.number !== undefined && /^\d{1,3}$/.test(t);
  const unitFrom = (tokens: string[], from: number) => (kinds.includes('unit') ? tokens.findIndex((t, k) => k >= from && accepts('unit', t)) : -1);
  /** Whether a line is a row of this table, and whether it has a number of its own. */
  const rowKind = (text: string): 'numbered' | 'continued' | undefined => {
    if (END_OF_DOCUMENT.test(text) || labelOf(text)) return undefined;
    const tokens = text.split(/[\s\u3000]+/);
    if (tokens.length >= 2 && isNumber(tokens[0])) return 'numbered';
    if (tokens.length === 1) return titleLike(text) && !/[。]/.test(text) && text.length <= 40 ? 'continued' : undefined;
    return titleLike(tokens[0] ?? '') && unitFrom(tokens, 1) > 0 ? 'continued' : undefined;
  };
  let j = start + 1;
  for (let at = nextLine(lines, j); at; at = nextLine(lines, j)) {
    const kind = rowKind(at.text);
    if (!kind) break;
    const tokens = at.text.split(/[\s\u3000]+/);
    const cells = names.map(() => '');
    let k = 0;
    const number = kind === 'numbered' ? tokens[k++] : undefined;
    const u = unitFrom(tokens, k + 1);
    const titleTokens = u > 0 ? tokens.slice(k, u) : tokens.slice(k, k + 1);
    k = u > 0 ? u : k + 1;
    const following = nextLine(lines, at.index + 1);
    const grouped = number !== undefined && titleTokens.length >= 2 && following !== undefined && rowKind(following.text) === 'continued';
    const segment: Segment = { line: at.index + 1, text: '', unmerged: true };
    if (grouped) segment.group = { label: number, title: titleTokens[0] ?? '' };
    else if (number !== undefined && cols.number !== undefined) cells[cols.number] = number;
    cells[cols.title] = (grouped ? titleTokens.slice(1) : titleTokens).join(' ');
    for (let c = cols.title + 1; c < names.length && k < tokens.length; c++) {
      if (kinds[c] === 'unit') {
        if (accepts('unit', tokens[k] ?? '')) cells[c] = tokens[k++] ?? '';
      } else if (c === cols.actual && cols.rate !== undefined && cols.rate > c && rateLike(tokens[k] ?? '') && /%$/.test(tokens[k] ?? '') && !/%$/.test(cells[cols.content ?? -1] ?? '')) {
        // A rate beside a target that is not a rate (2所 70%): the 实际完成 cell is empty and not printed.
        continue;
      } else if (c === cols.rate && !rateLike(tokens[k] ?? '')) {
        // Words where the rate would be are the next column's (设备购进中, a remark): the rate is not printed.
        continue;
      } else cells[c] = c === names.length - 1 ? tokens.slice(k).join(' ') : (tokens[k++] ?? '');
    }
    segment.text = cells.join('\t');
    rows.push(segment);
    j = at.index + 1;
  }
  return { rows, next: j };
}

// A table whose cells run together with no separator at all, several rows a line (a document-sharing site's
// rendering of a .docx: "……分解表序号项目名称主要内容区政府分管领导牵头单位配合单位1增加教育资源供给实施……。何海平教育局
// 经开区……"). The header is a run of column names from 序号; rows start at the numbers 1, 2, 3 … in turn; a row is
// its title, its content up to its last full stop, then the person and the units the table's columns hold, where
// they are printed (a unit name ends in 局, 区, 街道, 公司 …; a name that opens with a verb starts the next content).

/** The header cells of a run-together header (序号项目名称主要内容……), where it starts and where it ends. */
function runTogetherHeader(text: string): { at: number; end: number; cells: string[] } | undefined {
  const at = text.indexOf('序号');
  if (at < 0) return undefined;
  const cells = ['序号'];
  let p = at + 2;
  next: while (p < text.length) {
    for (let len = Math.min(8, text.length - p); len >= 2; len--) {
      const c = text.slice(p, p + len);
      if (isColumnName(c)) {
        cells.push(c);
        p += len;
        continue next;
      }
    }
    break;
  }
  return cells.length >= 4 && tableHeader(cells) ? { at, end: p, cells } : undefined;
}

const RUN_UNIT = /^[\u4e00-\u9fa5]{1,10}?(?:局|委|办|园(?:[((][^))]{1,8}[))])?|区|街道|镇|乡|公司|中心|集团|院|会|联|队)/;
const RUN_VERB = /^(实施|落实|完成|推进|推动|提升|提高|为|对|新建|新增|建设|建成|开展|打造|组织|加快|启动|改造|实现|深化|持续|加强|全面|增加|支持|举办|培育|优化|扩大)/;

/** The people-and-units cells printed after a row's content: 何海平教育局经开区…; undefined where none start at `text`. */
function runTail(text: string): { person: string; units: string[]; length: number } | undefined {
  // A name of two or three characters; three unless the unit after it would be shorter than three (张菁民政局).
  for (const n of [3, 2]) {
    const person = text.slice(0, n);
    if (!/^[\u4e00-\u9fa5]{2,3}$/.test(person) || RUN_VERB.test(person)) continue;
    const units: string[] = [];
    let p = n;
    for (let m = RUN_UNIT.exec(text.slice(p)); m && !RUN_VERB.test(text.slice(p)); m = RUN_UNIT.exec(text.slice(p))) {
      units.push(m[0]);
      p += m[0].length;
    }
    if (units.length > 0 && (units[0] ?? '').length >= 3) return { person, units, length: p };
  }
  return undefined;
}

function runTogetherTable(lines: readonly string[], start: number, header: { at: number; end: number; cells: string[] }): { rows: Segment[]; next: number } {
  const first = (lines[start] ?? '').trim();
  const rows: Segment[] = [];
  const caption = first.slice(0, header.at).replace(/^\d{1,2}、(?!\d{0,3}[年月])|^\d{1,2}、(?=\d{4}年)/, '').trim();
  if (caption) rows.push({ line: start + 1, text: caption });
  rows.push({ line: start + 1, text: header.cells.join('\t') });
  // The body: the rest of this line and the lines after it, each line's page number (2、 3、) left out.
  let body = '';
  const lineAt: number[] = [];
  const add = (t: string, line: number) => {
    body += t;
    for (let k = 0; k < t.length; k++) lineAt.push(line);
  };
  add(first.slice(header.end), start + 1);
  let j = start + 1;
  for (; j < lines.length; j++) {
    const t = (lines[j] ?? '').trim();
    if (!t || END_OF_DOCUMENT.test(t) || /^[一二三四五六七八九十]{1,3}、/.test(t)) break;
    add(t.replace(/^\d{1,2}、(?!\d)/, ''), j + 1);
  }
  // A header repeated on a new page starts nothing.
  const headerText = header.cells.join('');
  for (let k = body.indexOf(headerText); k >= 0; k = body.indexOf(headerText)) {
    body = body.slice(0, k) + body.slice(k + headerText.length);
    lineAt.splice(k, headerText.length);
  }
  // Row starts: 1, 2, 3 … in turn, each a number between two characters that is not a count (12个, 3%).
  const starts: { n: number; at: number }[] = [];
  for (let n = 1, from = 0; ; n++) {
    const re = new RegExp(`(?<![\\d.])${n}(?=[\\u4e00-\\u9fa5])(?![个所家人名户张万元年月日项次座条套台处])`, 'g');
    re.lastIndex = from;
    const m = re.exec(body);
    if (!m) break;
    starts.push({ n, at: m.index });
    from = m.index + String(n).length + 1;
  }
  const cols = tableHeader(header.cells) as TableColumns;
  const cellsOf = (title: string, content: string, tail: ReturnType<typeof runTail>, number?: string) => {
    const cells = header.cells.map(() => '');
    if (number !== undefined && cols.number !== undefined) cells[cols.number] = number;
    cells[cols.title] = title;
    if (cols.content !== undefined) cells[cols.content] = content;
    if (tail) {
      const person = cols.people[0]?.index;
      if (person !== undefined) cells[person] = tail.person;
      const unitCols = [cols.lead, cols.responsible, cols.cooperating].filter((c): c is number => c !== undefined);
      if (unitCols[0] !== undefined) cells[unitCols[0]] = tail.units[0] ?? '';
      if (unitCols[1] !== undefined) cells[unitCols[1]] = tail.units.slice(1).join('、');
    }
    return cells.join('\t');
  };
  starts.forEach(({ n, at }, k) => {
    const text = body.slice(at + String(n).length, starts[k + 1]?.at ?? body.length);
    const base = at + String(n).length;
    // The title: the words before the content's first verb (增加教育资源供给|实施……).
    let cut = text.length;
    for (let p = 4; p <= Math.min(16, text.length - 1); p++) if (RUN_VERB.test(text.slice(p))) { cut = p; break; }
    const title = text.slice(0, cut);
    // The content's pieces, each with the people and units printed after it.
    const pieces: { text: string; at: number; tail?: ReturnType<typeof runTail> }[] = [];
    let p = cut;
    let piece = { text: '', at: base + cut };
    while (p < text.length) {
      const stop = text.indexOf('。', p);
      const end = stop < 0 ? text.length : stop + 1;
      piece.text += text.slice(p, end);
      p = end;
      const tail = p < text.length || stop >= 0 ? runTail(text.slice(p)) : undefined;
      if (tail) {
        pieces.push({ ...piece, tail });
        p += tail.length;
        piece = { text: '', at: base + p };
      } else if (pieces.some((pc) => pc.tail)) {
        // After a row's people and units, each sentence is a row of its own whose unit cells are merged.
        pieces.push(piece);
        piece = { text: '', at: base + p };
      }
    }
    if (piece.text) pieces.push(piece);
    const line = lineAt[at] ?? start + 1;
    if (pieces.length <= 1) {
      // A numbered row starts afresh: a unit cell it does not print is not merged with the row above.
      rows.push({ line, text: cellsOf(title, (pieces[0]?.text ?? '').replace(/。$/, ''), pieces[0]?.tail, String(n)), unmerged: true });
      return;
    }
    pieces.forEach((pc, i) => {
      const seg: Segment = { line: lineAt[pc.at] ?? line, text: cellsOf(pc.text.replace(/。$/, ''), '', pc.tail) };
      if (i === 0) {
        seg.group = { label: String(n), title };
        seg.unmerged = true;
      }
      rows.push(seg);
    });
  });
  return { rows, next: j };
}

/** A short heading: the first sentence of the text, cut where a run-in body starts. */
function titleOf(text: string): string {
  let t = text.replace(/^[\s\u3000]+/, '');
  const stop = /[。;;::!!]/.exec(t);
  let head = stop ? t.slice(0, stop.index) : t;
  const parts = head.split(/[,,]/);
  head = parts[0] ?? head;
  // "按照……要求,合理规划……": a lead-in phrase is not the task; take the clause it leads into.
  if (parts.length > 1 && /^(按照|根据|依据|围绕|在|通过|为)/.test(head) && /(要求|原则|前提下|基础上|精神|部署|思路)$/.test(head)) {
    head = `${head}${t[head.length]}${parts[1] ?? ''}`;
  }
  // Headings printed without their full stop run into the body: cut before a year or a new verb; not before the year
  // that closes a span (2024—2025年…改造), which the sentence opens with.
  const year = /(?<![于在到至从自—–~-])\d{4}年/.exec(head);
  if (year && year.index >= 4) head = head.slice(0, year.index);
  if (head.length > 18) {
    const verb = /(大力推行|大力|按照|举办|进一步)/.exec(head.slice(6));
    if (verb) head = head.slice(0, 6 + verb.index);
  }
  t = head.replace(/[\s\u3000]+$/, '');
  return t.length > 0 ? t : text.slice(0, 30).trim();
}

/** A title the schema accepts; a bare number ("一、" alone) gets a placeholder the drafter will see. */
const UNTITLED = '(无标题 / untitled)';
function sourceFor(line: number, quote: string): { line: number; quote?: string } {
  return quote === UNTITLED || quote.length === 0 ? { line } : { line, quote };
}

/** Whether a numbered item is printed as a heading only (no sentence after it). */
function headingOnly(item: Item): boolean {
  return !/[。;;]/.test(item.text.replace(/[。]$/, '')) && item.text.length <= 40 && !/[。]$/.test(item.text);
}

/** A bullet mark (●, •, ◆, ■ …) opening a paragraph: a list's item, printed without a number. */
const BULLET = /^[●•◆◇■□▪▸▶►○◎★☆][\s\u3000]*/;

/**
 * A paragraph that reads as a task of a list printed without numbers: whole sentences with a figure or a units
 * clause, or any whole sentence of a list that holds such tasks (`inList`: a measure without a figure beside them).
 */
function taskParagraph(seg: Segment, inList = false): boolean {
  if (/^[〔((]?(牵头单位|责任单位|配合单位|协办单位|具体措施|附件|——)/.test(seg.text) || !/[。;;〕)]$/.test(seg.text)) return false;
  return inList || findUnitClause(seg.text) !== undefined || findIndicators(seg.text, seg.line, { start: 0, end: 0 }).length > 0;
}

/** An unnumbered paragraph that opens with a short heading ("提高城乡居民收入水平。2022年,……"). */
function headedParagraph(seg: Segment): string | undefined {
  if (/^(牵头单位|责任单位|具体措施|附件|——)/.test(seg.text)) return undefined;
  const m = /^([^,,。;;::]{4,40}?)(?:。|(?<![于在到至从自])(?=\d{4}年[,,]))/.exec(seg.text);
  if (!m || !m[1]) return undefined;
  return m[1];
}

interface Built {
  roots: Item[];
  preamble: Segment[];
  /** Segments of the whole document, for metadata. */
  all: Segment[];
  /**
   * The first table header whose only unit column is 责任单位 (no 牵头单位, no 配合单位): the convention
   * `responsible-only`, stated by the table's shape, with the header cell as its source.
   */
  responsibleOnly?: { line: number; quote: string };
}

/** A web page's lines about the page (发布日期, 浏览次数, 来源, 字体): between a table's caption and its header. */
function isPageChrome(text: string): boolean {
  return /^(?:[•·]\s*)?(发布日期|发布时间|浏览次数|浏览量|点击数|来源|字体|作者|信息来源)[::]/.test(text);
}

/** The paragraph before a table, where it reads as the table's caption (…分解表, …进度表(截至10月31日), …清單 in traditional characters). */
function captionOf(seg: Segment | undefined): Segment | undefined {
  return seg && !seg.text.includes('\t') && seg.text.length <= 60 && /(表|清单|清單)(\s*[((][^))]*[))])?$/.test(seg.text) ? seg : undefined;
}

/** Builds the tree of numbered items: a label style seen before closes back to it, a new one nests. */
function buildTree(segments: Segment[]): Built {
  const root: Item = { style: 'cn', label: '', line: 0, text: '', body: [], children: [] };
  let container = root;
  let stack: Item[] = [];
  let inAttachmentList = false;
  let table: TableColumns | undefined;
  let above: Row | undefined;
  const attachments: string[] = [];
  // The paragraph before a table: its caption (2016年民生实事目标任务分解表) where it reads as one.
  let previous: Segment | undefined;
  // A plain-text row's item heading (9 深化…): its rows without a number of their own go under it.
  let group: Item | undefined;
  let caption: Segment | undefined;
  let responsibleOnly: Built['responsibleOnly'];
  const tableRows: Row[] = [];
  for (const seg of segments) {
    const before = previous;
    previous = seg;
    if (END_OF_DOCUMENT.test(seg.text)) {
      if (stack.length > 0) break;
      continue;
    }
    // 附件:1.……方案 2.……: a list of annexes, not tasks. Remember their names to find each annex.
    const att = /^附件\s*\d*\s*[::]?\s*(?:\d+[.、．])?\s*(.*)$/.exec(seg.text);
    if (att) {
      inAttachmentList = true;
      if (att[1]) attachments.push(att[1].replace(/\.(xlsx?|docx?|pdf)$/i, ''));
      continue;
    }
    if (inAttachmentList) {
      const listed = /^\d+[.、．]\s*(.+)$/.exec(seg.text);
      if (listed && listed[1] && /方案|表|清单|办法|目录|计划/.test(listed[1]) && !labelOf(seg.text.replace(/^\d+[.、．]\s*/, ''))) {
        attachments.push(listed[1]);
        continue;
      }
      const annexHost = attachments.includes(seg.text) ? hostOf(root, seg.text) : undefined;
      if (annexHost) {
        container = annexHost;
        stack = [];
        inAttachmentList = false;
        continue;
      }
      if (attachments.includes(seg.text)) continue;
    }
    if (seg.text.includes('\t')) {
      const cells = seg.text.split('\t').map((c) => c.trim());
      const header = tableHeader(cells);
      // A header row repeated on each page starts nothing new.
      if (header) {
        // A header row repeated on a new page continues the table: merged cells carry on across it.
        if (!table) above = undefined;
        group = undefined;
        caption = captionOf(before && isPageChrome(before.text) ? [...root.body].reverse().find((b) => !isPageChrome(b.text)) : before);
        table = header;
        if (!responsibleOnly && header.responsible !== undefined && header.lead === undefined && header.cooperating === undefined) {
          const quote = cells[header.responsible] ?? '';
          responsibleOnly = { line: seg.at?.[quote] ?? seg.line, quote };
        }
        continue;
      }
      if (table) {
        const row = rowOf(cells, table, seg.unmerged ? undefined : above);
        if (row) {
          above = row;
          if (seg.at) row.at = seg.at;
          if (seg.targets) row.targets = seg.targets;
          if (seg.unmerged) row.spaced = true;
          let parent = stack[stack.length - 1] ?? container;
          if (seg.group?.outer) {
            // A row that prints its own section (a " | " table's outer merged level): the table's caption titles none.
            group = { style: 'cn', label: seg.group.label, line: seg.line, text: seg.group.title, body: [], children: [], parent: container };
            container.children.push(group);
            stack = [group];
          } else {
            if (parent === root) {
              if (caption && root.body.includes(caption)) root.body.splice(root.body.indexOf(caption), 1);
              parent = { style: 'cn', label: '', line: caption?.line ?? seg.line, text: caption?.text ?? '任务分解表', body: [], children: [], parent: root, ...(caption ? { caption: true } : {}) };
              root.children.push(parent);
              stack = [parent];
            }
            if (seg.group) {
              group = { style: 'ar', label: seg.group.label, line: seg.line, text: seg.group.title, body: [], children: [], parent };
              parent.children.push(group);
            } else if (row.number) group = undefined;
          }
          const host = group ?? parent;
          host.children.push({ style: 'row', label: row.number ?? '', line: seg.line, text: row.title, body: [], children: [], parent: host, row });
          tableRows.push(row);
        }
        continue;
      }
    } else table = undefined;
    const label = labelOf(seg.text);
    if (!label) {
      const top = stack[stack.length - 1] ?? container;
      // A task with its own units clause, then an unnumbered paragraph with its own (开工建设老年大学。〔责任单位:…〕):
      // a task of its own printed without a number, beside the one before it, not that task's text.
      if (top !== root && top.parent && top.style !== 'cn' && top.children.length === 0 && top.body.length === 0 && findUnitClause(top.text) && findUnitClause(seg.text) && headedParagraph(seg)) {
        const sibling: Item = { style: top.style, label: '', line: seg.line, text: seg.text, body: [], children: [], parent: top.parent };
        top.parent.children.push(sibling);
        stack[stack.length - 1] = sibling;
        continue;
      }
      if (top === root) (root.children.length === 0 ? root.body : root.body).push(seg);
      else top.body.push(seg);
      continue;
    }
    let parent: Item;
    if (label.style === 'cn') {
      // 一、 always opens a part of the document (or of the current annex).
      stack = [];
      parent = container;
    } else if (stack.length === 0 && container === root && root.children.length === 0 && captionOf(before) && before && root.body[root.body.length - 1] === before) {
      // A caption (…分解表, …进度表) right over the first numbered item: a table printed as a list, its rows
      // the tasks of a section the caption titles, as the table path above makes one.
      root.body.pop();
      parent = { style: 'cn', label: '', line: before.line, text: before.text, body: [], children: [], parent: root, caption: true };
      root.children.push(parent);
      stack = [parent];
    } else {
      const k = stack.findIndex((it) => it.style === label.style);
      if (k >= 0) {
        parent = stack[k]?.parent ?? container;
        stack = stack.slice(0, k);
      } else parent = stack[stack.length - 1] ?? container;
    }
    const item: Item = { style: label.style, label: label.label, line: seg.line, text: label.rest, body: [], children: [], parent };
    if (container !== root && label.style === 'cn' && parent === container && /基本情况|基本要求|工作目标|主要目标|总体目标/.test(label.rest)) {
      item.dropped = true;
    }
    if (parent.dropped) item.dropped = true;
    parent.children.push(item);
    stack.push(item);
  }
  markTagColumns(tableRows);
  return { roots: root.children, preamble: root.body, all: segments, ...(responsibleOnly ? { responsibleOnly } : {}) };
}

/** Where a responsibility table keeps each column. */
interface TableColumns {
  number?: number;
  title: number;
  /** 主要内容: the targets of a project named in the title column. */
  content?: number;
  lead?: number;
  responsible?: number;
  /** 配合单位 / 配合部门 */
  cooperating?: number;
  /** 区政府分管领导, 责任领导, 项目责任人 …: each with the role its header names. */
  people: { index: number; role: string }[];
  /** Columns headed by a place, two at least: a breakdown by region. */
  regions?: { index: number; name: string }[];
  deadline?: number;
  /** 建設地點 and its name as printed. */
  place?: { index: number; name: string };
  /** The amount column: its name without the unit (年度投資金額) and the unit (萬元). */
  amount?: { index: number; name: string; unit: string };
  /** The content column's name without a year before it (建設內容), for a cell kept in the task's note. */
  contentName?: string;
  /** A progress table's 实际完成情况 / 完成数 / 进展情况 column, 完成率 column and 备注 column. */
  actual?: number;
  rate?: number;
  remark?: number;
  /** The name the progress column (or the rate column) prints: "1-8月实际完成情况" dates the actuals. */
  progressHeader?: string;
  /** 当前进度 */
  currentProgress?: number;
  /** Set once the table is read: every non-empty 备注 cell is a tag label (市民生实事, 县民生实事). */
  remarkTags?: boolean;
}

/** The column names a responsibility table's header prints, by what the column holds. */
const COLUMN = {
  // The names in traditional characters too (序號, 項目名稱, 責任單位), as a big5 gateway's copy prints them.
  number: /^(序号|序號|编号|編號)$/,
  // 省重点民生实事项目名称, 民生实事, 实事项目: a prefix before the name is the table's own wording.
  title: /^(工作任务|重点任务|主要任务|任务内容|任务名称|工作内容|具体任务|任务|工作事项|事项|项目|項目|[\u4e00-\u9fa5]{0,8}(项目名称|項目名稱|民生实事|民生實事|实事项目|實事項目))$/,
  // 2024年建設內容: the year the table is for may head the column.
  content: /^(?:\d{4}年度?)?(主要内容|主要內容|建设内容|建設內容|目标任务|目標任務|具体目标|具體目標|目标|目標)$/,
  lead: /^牵头(单位|部门)$/,
  responsible: /^(责任单位|責任單位|责任部门|責任部門|参与单位)$/,
  cooperating: /^配合(单位|部门)$/,
  people: /^[\u4e00-\u9fa5]{0,6}(领导|領導|责任人|責任人)$/,
  deadline: /^(完成时限|完成时间|时限|时间节点|建设时间|建設時間)$/,
  /** 建設地點: where a project is built, kept in its task's note (the format has no place field). */
  place: /^(建设地点|建設地點|实施地点|實施地點)$/,
  /** 年度投資金額 (萬元): an amount in the unit the header names, each row's figure an indicator. */
  amount: /^([\u4e00-\u9fa5]{0,6}(?:投资|投資)(?:金额|金額|额|額)?)\s*[((]([^()()]{1,6})[))]$/,
  actual: /^([\d\-—~月至年]*(实际)?完成(情况|数)?|实际完成|进展情况|推进情况|完成进度)$/,
  rate: /^[\d\-—~月至年]*(实际)?完成率[%%]?$/,
  remark: /^(备注|说明)$/,
  // 项目内容 titles a row only where no other column does (序号 / 项目内容 / 当前进度 / 牵头单位 / 备注).
  contentTitle: /^项目内容$/,
  currentProgress: /^(当前进度|项目进度|工作进度|进度)$/,
};
const COLUMN_NAMES = Object.values(COLUMN);

/** The columns of a header row (序号 / 工作任务 / 牵头单位 / 责任单位 / 完成时限), or undefined for a body row. */
function tableHeader(cells: string[]): TableColumns | undefined {
  const find = (re: RegExp) => {
    const k = cells.findIndex((c) => re.test(c));
    return k >= 0 ? k : undefined;
  };
  const title = find(COLUMN.title) ?? find(COLUMN.contentTitle);
  const lead = find(COLUMN.lead);
  const responsible = find(COLUMN.responsible);
  // 配合单位 cooperate: neither lead nor responsible (常州钟楼区's 配合单位, 杭州上城区's 配合部门).
  const cooperating = find(COLUMN.cooperating);
  if (title === undefined || (lead === undefined && responsible === undefined && cooperating === undefined)) return undefined;
  // 主要内容 beside 项目名称 states a project's targets.
  const content = find(COLUMN.content);
  // A person's column: 区政府分管领导, 牵头领导, 责任领导, 项目责任人 (people, never units).
  const people = cells.flatMap((c, index) => (COLUMN.people.test(c) ? [{ index, role: c }] : []));
  const actual = find(COLUMN.actual);
  const rate = find(COLUMN.rate);
  const remark = find(COLUMN.remark);
  const progressHeader = actual !== undefined ? cells[actual] : rate !== undefined ? cells[rate] : undefined;
  const regions = cells.flatMap((c, index) => (isPlaceName(c.trim()) ? [{ index, name: c.trim() }] : []));
  const place = find(COLUMN.place);
  const amountIndex = find(COLUMN.amount);
  const amount = amountIndex === undefined ? undefined : COLUMN.amount.exec(cells[amountIndex] ?? '');
  return {
    ...(regions.length >= 2 ? { regions } : {}),
    number: find(COLUMN.number), title, content, lead, responsible, cooperating, people, deadline: find(COLUMN.deadline),
    ...(content !== undefined ? { contentName: (cells[content] ?? '').replace(/^\d{4}年度?/, '') } : {}),
    ...(place !== undefined ? { place: { index: place, name: cells[place] ?? '' } } : {}),
    ...(amountIndex !== undefined && amount?.[1] && amount[2] ? { amount: { index: amountIndex, name: amount[1], unit: amount[2] } } : {}),
    ...(actual !== undefined ? { actual } : {}), ...(rate !== undefined ? { rate } : {}), ...(remark !== undefined ? { remark } : {}),
    ...(progressHeader !== undefined ? { progressHeader } : {}), ...progressColumns(cells),
  };
}

/** A body row; an empty lead, responsible or deadline cell is a merged cell and carries the value above. */
function rowOf(cells: string[], cols: TableColumns, above: Row | undefined): Row | undefined {
  const cell = (k: number | undefined) => (k === undefined ? '' : (cells[k] ?? ''));
  const title = cell(cols.title);
  if (!title) return undefined;
  const lead = cell(cols.lead);
  const responsible = cell(cols.responsible);
  const cooperating = cell(cols.cooperating);
  const deadline = cell(cols.deadline);
  const number = cell(cols.number);
  const content = cell(cols.content);
  const place = cell(cols.place?.index);
  const amount = cell(cols.amount?.index);
  // An empty person's cell is merged with the one above, as the unit columns are.
  const peopleCells = cols.people.map(({ index }, k) => cell(index) || (above?.peopleCells[k] ?? ''));
  // Progress cells are never merged: an empty 完成率 is a rate not reported.
  const progress = { actual: cell(cols.actual), rate: cell(cols.rate), remark: cell(cols.remark) };
  const hasProgress = progress.actual || progress.rate || progress.remark;
  const regionCells = (cols.regions ?? []).map(({ index, name }) => ({ name, text: cell(index).trim() })).filter((r) => r.text);
  return {
    ...(regionCells.length > 0 ? { regionCells } : {}),
    ...(number ? { number } : {}),
    title,
    ...(content ? { content } : {}),
    ...(place ? { place } : {}),
    ...(amount ? { amount } : {}),
    lead: lead ? splitUnits(lead) : cols.lead !== undefined ? (above?.lead ?? []) : [],
    responsible: responsible ? splitUnits(responsible) : cols.responsible !== undefined ? (above?.responsible ?? []) : [],
    cooperating: cooperating ? splitUnits(cooperating) : cols.cooperating !== undefined ? (above?.cooperating ?? []) : [],
    people: cols.people.flatMap(({ role }, k) => splitPeople(peopleCells[k] ?? '', role)),
    peopleCells,
    ...(deadline || above?.deadline ? { deadline: deadline || above?.deadline } : {}),
    ...(hasProgress ? { progress: { ...progress, ...(cols.progressHeader !== undefined ? { header: cols.progressHeader } : {}) } } : {}),
    ...progressCells(cells, cols),
  };
}

/** The 当前进度 and 备注 columns of a header row, where it prints them. */
function progressColumns(cells: string[]): { currentProgress?: number } {
  const currentProgress = cells.findIndex((c) => COLUMN.currentProgress.test(c));
  return currentProgress >= 0 ? { currentProgress } : {};
}

/** A body row's 当前进度 and 备注 cells as printed (never carried from above: an empty one says nothing). */
function progressCells(cells: string[], cols: TableColumns): { currentProgress?: string; remarkText?: string; table: TableColumns } {
  const currentProgress = cols.currentProgress === undefined ? '' : (cells[cols.currentProgress] ?? '').trim();
  const remarkText = cols.remark === undefined ? '' : (cells[cols.remark] ?? '').trim();
  return { ...(currentProgress ? { currentProgress } : {}), ...(remarkText ? { remarkText } : {}), table: cols };
}

/** A label a 备注 cell gives a task's kind: 市民生实事, 县民生实事, 省定, 票决项目, 区级实事项目. */
const TAG_LABEL = /^(?:(?:[省市县区]{1,2}|[省市县区](?:级|定|重点)?)(?:民生实事|实事)?(?:项目)?|票决(?:产生的)?项目|民生实事)$/;

/**
 * Marks each table whose 备注 column holds nothing but tag labels, so that its cells become the rows'
 * `tags`: a column that also holds remarks in prose (进度滞后, 已完成) is a remark column, and tags none.
 */
function markTagColumns(rows: Row[]): void {
  const byTable = new Map<TableColumns, Row[]>();
  for (const r of rows) if (r.table) byTable.set(r.table, [...(byTable.get(r.table) ?? []), r]);
  for (const [table, list] of byTable) {
    const cells = list.flatMap((r) => (r.remarkText ? [r.remarkText] : []));
    if (cells.length > 0 && cells.every((c) => TAG_LABEL.test(c) && c.length >= 2)) table.remarkTags = true;
  }
}

/** A deadline as the format states it (a year, YYYY-MM or YYYY-MM-DD), or undefined when it says more. */
function deadlineOf(text: string, years: { start: number; end: number }): number | string | undefined {
  // "12月底前" names no year: in a one-year plan it is that year's month, elsewhere it says too little.
  const month = /^(\d{1,2})月(?:(\d{1,2})日)?(?:底|前|底前)?$/.exec(text.trim());
  if (month && month[1] && years.start === years.end) return `${years.start}-${month[1].padStart(2, '0')}${month[2] ? `-${month[2].padStart(2, '0')}` : ''}`;
  // A year alone (2024, as a 建設時間 column prints it) is due within that year.
  const m = /^(\d{4})(?:年(?:(\d{1,2})月(?:(\d{1,2})日)?)?(?:底|前|底前)?)?$/.exec(text.trim());
  if (!m) return undefined;
  if (!m[2]) return Number(m[1]);
  return `${m[1]}-${m[2].padStart(2, '0')}${m[3] ? `-${m[3].padStart(2, '0')}` : ''}`;
}

/** The programme an annex belongs to: the section whose title holds the annex's quoted key. */
function hostOf(root: Item, annexTitle: string): Item | undefined {
  const key = /[“"]([^”"]+)[”"]/.exec(annexTitle)?.[1];
  if (!key) return undefined;
  const find = (items: Item[]): Item | undefined => {
    for (const it of items) {
      if (it.text.slice(0, 40).includes(key)) return it;
      const sub = find(it.children);
      if (sub) return sub;
    }
    return undefined;
  };
  return find(root.children);
}

// ---------------------------------------------------------------------------------------------
// Emitting plan data

type Data = Record<string, unknown>;

interface Context {
  planYears: { start: number; end: number };
  /** The notice's title: it may date a progress table's actuals (2017年1-8月…完成情况表). */
  title: string;
  units: Map<string, { line: number; quote: string }>;
  members: { names: string[]; line: number; quote: string } | undefined;
  counts: { sections: number; tasks: number; indicators: number };
  unrecognised: { line: number; text: string }[];
}

function note(items: string[]): string | undefined {
  return items.length > 0 ? items.join(';') : undefined;
}

function useUnits(ctx: Context, clause: UnitClause, line: number): void {
  for (const n of [...clause.lead, ...clause.responsible, ...clause.cooperating]) if (!ctx.units.has(n)) ctx.units.set(n, { line, quote: clause.quote });
}

function countIndicators(list: ImportedIndicator[]): number {
  return list.reduce((n, i) => n + 1 + countIndicators(i.parts ?? []), 0);
}

function indicatorsOf(ctx: Context, segs: (Segment & { baseline?: boolean })[]): ImportedIndicator[] {
  const found: ImportedIndicator[] = [];
  for (const s of segs) for (const indicator of findIndicators(s.text, s.line, ctx.planYears, { baseline: s.baseline })) found.push(indicator);
  const out = mergeIndicators(found);
  ctx.counts.indicators += countIndicators(out);
  return out;
}

// A clause (text between , 。 ;) that states a range of figures. It starts only where a clause starts and
// its first number only where a run of digits starts: a later start finds nothing the earlier one did
// not, and without these a long paragraph of digits took cubic time (2,000 digits: 24 s).
const RANGE_CLAUSE = /(?<![^,,。;;])[^,,。;;]*?(?<!\d)\d+(?:\.\d+)?\s*[-—~～至]\s*\d+(?:\.\d+)?[个所家人名张%万]+[^,,。;;]*/g;

function rangeNotes(segs: Segment[]): string[] {
  const notes: string[] = [];
  for (const s of segs) {
    for (const m of s.text.matchAll(RANGE_CLAUSE)) notes.push(`第${s.line}行“${m[0].trim()}”为范围,未编为数值`);
  }
  return notes;
}

/** A task from its item's text and the paragraphs under it; `title` where the whole text is its title (a project's measure). */
function taskOf(ctx: Context, number: string | undefined, text: string, line: number, body: Segment[], title?: string): Data {
  const all: Segment[] = [{ line, text }, ...body];
  let clause: UnitClause | undefined;
  let clauseLine = line;
  for (const s of all) {
    clause = findUnitClause(s.text);
    if (clause) {
      clauseLine = s.line;
      break;
    }
  }
  if (clause) useUnits(ctx, clause, clauseLine);
  const clean = all.map((s) => ({ line: s.line, text: withoutUnitClause(s.text, clause) }));
  title ??= titleOf(withoutUnitClause(text, clause)) || UNTITLED;
  // 完成情况 after a target (截至2017年8月,完成7558人,完成率119%), as the .docx export writes it.
  const indicators = withProseActuals(indicatorsOf(ctx, clean), clean);
  const notes = rangeNotes(clean);
  const deadline = /(\d{4})年(\d{1,2})月底前完成/.exec(text);
  const milestones = proseMilestonesOf(clean, ctx.planYears);
  ctx.counts.tasks++;
  return {
    ...(number ? { number } : {}),
    title,
    ...(clause && clause.lead.length > 0 ? { lead: clause.lead } : {}),
    ...(clause && clause.responsible.length > 0 ? { responsible: clause.responsible } : {}),
    ...(clause && clause.cooperating.length > 0 ? { cooperating: clause.cooperating } : {}),
    ...(clause && clause.people.length > 0 ? { people: clause.people } : {}),
    ...(deadline ? { deadline: `${deadline[1]}-${(deadline[2] ?? '').padStart(2, '0')}` } : {}),
    source: sourceFor(line, title),
    ...(milestones.length > 0 ? { milestones } : {}),
    ...(note(notes) ? { note: note(notes) } : {}),
    ...(indicators.length > 0 ? { indicators } : {}),
  };
}

const MILESTONE = /(?:(\d{4})年|(?<!\d)年(?=底)|(?<![\d年])(?=\d{1,2}月))(?:(\d{1,2})月(?:(\d{1,2})日)?)?(?:底前|底|前|内)?(启动|开工|动工|建成投用|建成投入使用|建成|完工|投入使用)/g;

/**
 * 节点 a table's cell states: 2021年3月开工, 2022年底前建成投用 (年底, or a month alone — 9月投入使用 — in a
 * one-year plan). A step that is built and in use is recorded as 投入使用, 动工 as 开工.
 */
function milestonesOf(text: string, line: number, years: { start: number; end: number }): Data[] {
  const out: Data[] = [];
  for (const m of text.matchAll(MILESTONE)) {
    const year = m[1] ? Number(m[1]) : years.start === years.end ? years.start : undefined;
    if (year === undefined) continue;
    const date = m[2] ? `${year}-${m[2].padStart(2, '0')}${m[3] ? `-${m[3].padStart(2, '0')}` : ''}` : year;
    const kind = m[4]?.startsWith('建成投') ? '投入使用' : m[4] === '动工' ? '开工' : m[4];
    out.push({ kind, date, source: { line, quote: m[0] } });
  }
  return out;
}

/** A target cell that is a figure alone: "1300人", "8950", "新建5所" (a verb, the number, a measuring unit). */
const BARE_TARGET = /^(?:新建|新增|建设|建成|完成|改造|培训|开展)?(\d+(?:\.\d+)?)([\u4e00-\u9fa5]{1,3}(?:\/[\u4e00-\u9fa5]{1,2})?|%)?$/;

/**
 * A 目标任务 cell printed as a bare figure states its row's target: the indicator is named by the row's
 * title (after a "精准扶贫:" lead-in, without a trailing count such as 各一个), measured in the figure's unit
 * (none where the cell prints none), and sourced at the cell.
 */
function bareTargetOf(title: string, cell: string, line: number): Data | undefined {
  const m = BARE_TARGET.exec(cell.trim());
  if (!m || m[1] === undefined) return undefined;
  const lead = title.split(/[::]/);
  const name = (lead[lead.length - 1] ?? title).trim().replace(/各?[0-9一二两三四五六七八九十百千]+[个所家人名项场套户座条]$/, '') || title;
  const unit = m[2];
  return {
    name,
    ...(unit ? { unit } : {}),
    kind: unit === '%' ? 'level' : 'increment',
    source: { line, quote: cell.trim() },
    overall: { value: Number(m[1]), source: { line, quote: cell.trim() } },
  };
}

/**
 * A 分解情况 cell (元坝镇280 白果乡15 … 拣银岩街道办40): the target split by place, where every piece is a place
 * with its figure and the figures add up to the target. A split that does not (the text stops inside it) is no split.
 */
function splitCellOf(text: string, total: number, line: number): RegionSplit | undefined {
  const values: RegionSplit['values'] = [];
  let sum = 0;
  for (const piece of text.split(/[\s\u3000]+/).filter((p) => p.length > 0)) {
    const m = /^([^\d]{2,16}?)(\d+(?:\.\d+)?)$/.exec(piece);
    if (!m?.[1] || !(isPlaceName(m[1]) || isPlaceName(m[1].replace(/办(事处)?$/, '')))) return undefined;
    sum += Number(m[2]);
    values.push({ name: m[1], value: Number(m[2]), source: { line, quote: piece } });
  }
  return values.length >= 2 && Math.abs(sum - total) < 1e-9 ? { values } : undefined;
}

/**
 * A " | " table's target: its name with the unit in brackets (城镇新增就业人数(人)) and its figure (1300), its
 * 分解情况 its split by place; a split cell that is not one is kept in the indicator's note as printed, with its line.
 */
function targetOfRow(target: RowTarget): Data | undefined {
  const figure = /^\d+(?:\.\d+)?$/.exec(target.value);
  const named = /^(.+?)[((]([^()()]{1,6})[))]$/.exec(target.name);
  const name = named?.[1] ?? target.name;
  if (!figure || name.length < 2) return undefined;
  const unit = named?.[2];
  const split = splitCellOf(target.split, Number(target.value), target.line);
  return {
    name,
    ...(unit ? { unit } : {}),
    kind: unit === '%' ? 'level' : 'increment',
    source: { line: target.line, quote: target.name },
    overall: { value: Number(target.value), source: { line: target.line, quote: target.value } },
    ...(split ? { byRegion: [split] } : target.split ? { note: `分解情况:${target.split}(第${target.line}行)` } : {}),
  };
}

/** An amount column's cell printed as a figure (300 under 年度投資金額 (萬元)): an indicator named and measured by the header. */
function amountOf(column: { name: string; unit: string }, cell: string, line: number): Data | undefined {
  const value = cell.trim();
  if (!/^\d+(?:\.\d+)?$/.test(value)) return undefined;
  return { name: column.name, unit: column.unit, kind: 'increment', source: { line, quote: value }, overall: { value: Number(value), source: { line, quote: value } } };
}

/**
 * 节点 a task's prose states ("2018年底开工新建营盘山幼儿园", "9月底前投入使用"). A date followed in its clause by
 * a figure is a target ("到2020年建成社区健身点达到30个": an indicator, not a step), and 已建成 is done, not planned.
 */
function proseMilestonesOf(segs: Segment[], years: { start: number; end: number }): Data[] {
  const out: Data[] = [];
  for (const s of segs) {
    for (const m of milestonesOf(s.text, s.line, years)) {
      const quote = (m.source as { quote: string }).quote;
      const at = s.text.indexOf(quote);
      const rest = /^[^,,。;;]*/.exec(s.text.slice(at + quote.length))?.[0] ?? '';
      if (/\d/.test(rest) || /已(经|于)?$/.test(s.text.slice(Math.max(0, at - 2), at))) continue;
      out.push(m);
    }
  }
  return out;
}

/**
 * A table with a column per region: each place's cell (a figure, with a unit where it states one) splits the row's
 * one indicator. Nothing is split where the row states no indicator, or more than one, or a cell is not a figure.
 */
function splitByRegionColumns(read: (ImportedIndicator | Data)[], cells: { name: string; text: string }[], line: number): void {
  if (read.length !== 1) return;
  const indicator = read[0] as ImportedIndicator;
  if (typeof indicator.unit !== 'string') return;
  const values: RegionSplit['values'] = [];
  for (const c of cells) {
    const m = /^(\d+(?:\.\d+)?)\s*([^\d\s]{0,6})$/.exec(c.text);
    if (!m) return;
    const unit = m[2] || undefined;
    values.push({ name: c.name, value: Number(m[1]), ...(unit && unit !== indicator.unit ? { unit } : {}), source: { line, quote: c.text } });
  }
  if (values.length > 0) (indicator.byRegion ??= []).push({ values });
}

/** A row's tags, from a 备注 column that holds only tag labels. */
function tagsOfRow(row: Row): Data {
  return row.table?.remarkTags && row.remarkText ? { tags: splitUnits(row.remarkText) } : {};
}

function taskOfRow(ctx: Context, row: Row, line: number): Data {
  const quote = row.title;
  // A table read one cell a line: each fact points at its own cell's line.
  const lineOf = (cell: string | undefined) => (cell !== undefined ? row.at?.[cell] : undefined) ?? line;
  for (const n of [...row.lead, ...row.responsible, ...row.cooperating]) useUnits(ctx, { lead: [n], responsible: [], cooperating: [], people: [], quote }, lineOf(n));
  const deadline = row.deadline !== undefined ? deadlineOf(row.deadline, ctx.planYears) : undefined;
  const contentLine = lineOf(row.content);
  const read: (ImportedIndicator | Data)[] = indicatorsOf(ctx, !row.content ? [{ line, text: row.title }] : contentLine === line ? [{ line, text: `${row.title}。${row.content}` }] : [{ line, text: row.title }, { line: contentLine, text: row.content }]);
  // A figure alone in the target column is the row's target, unless the title already states one.
  const bare = read.length === 0 && row.content ? bareTargetOf(row.title, row.content, contentLine) : undefined;
  if (bare) ctx.counts.indicators++;
  const amount = row.amount && row.table?.amount ? amountOf(row.table.amount, row.amount, lineOf(row.amount)) : undefined;
  if (amount) ctx.counts.indicators++;
  const targets = (row.targets ?? []).flatMap((t) => targetOfRow(t) ?? []);
  ctx.counts.indicators += targets.length;
  const progress = row.progress;
  if (row.regionCells) splitByRegionColumns(bare ? [bare] : read, row.regionCells, line);
  const stated = progress
    ? withActuals(bare ? [bare] : read, { ...progress, lineOf: (c) => lineOf(c), ...(row.spaced ? { spaced: true } : {}) }, asOfOf(progress.header, ctx.title), line)
    : bare ? [bare] : read;
  const indicators = [...stated, ...(amount ? [amount] : []), ...targets];
  // The title cell is prose ("新建体育馆,9月底前投入使用"): read as a task's text is; the other cells are dates as printed.
  const milestones = [
    ...proseMilestonesOf([{ line, text: row.title }], ctx.planYears),
    ...[row.content, deadline === undefined ? row.deadline : undefined].flatMap((t) => (t ? milestonesOf(t, lineOf(t), ctx.planYears) : [])),
  ];
  const rowNotes = [
    ...(row.place ? [`${row.table?.place?.name ?? '地点'}:${row.place}(第${lineOf(row.place)}行)`] : []),
    // A content cell that states no target (對…學校運動場地進行改造) is kept as printed.
    ...(row.content && read.length === 0 && !bare ? [`${row.table?.contentName ?? '主要内容'}:${row.content.replace(/。$/, '')}(第${contentLine}行)`] : []),
    ...(row.deadline !== undefined && deadline === undefined && milestones.length === 0 ? [`完成时限“${row.deadline}”无法写成年份或日期`] : []),
    // 当前进度 is the task's progress, not an indicator's completion rate (\`actual\`): kept as printed, with its cell's line.
    ...(row.currentProgress ? [`当前进度:${row.currentProgress}(第${lineOf(row.currentProgress)}行)。`] : []),
  ];
  ctx.counts.tasks++;
  return {
    ...(row.number ? { number: row.number } : {}),
    title: titleOf(row.title) || UNTITLED,
    ...(row.lead.length > 0 ? { lead: row.lead } : {}),
    ...(row.responsible.length > 0 ? { responsible: row.responsible } : {}),
    ...(row.cooperating.length > 0 ? { cooperating: row.cooperating } : {}),
    ...(row.people.length > 0 ? { people: row.people } : {}),
    ...(deadline !== undefined ? { deadline } : {}),
    ...tagsOfRow(row),
    source: { line, quote },
    ...(milestones.length > 0 ? { milestones } : {}),
    ...(note(rowNotes) ? { note: note(rowNotes) } : {}),
    ...(indicators.length > 0 ? { indicators } : {}),
  };
}

/** Whether a leaf item is printed as a section (a heading over paragraphs, or a general part). */
function leafIsSection(item: Item): boolean {
  if (item.style === 'cn') return true;
  if (item.parent && GENERAL.test(item.parent.text.slice(0, 12))) return true;
  if (headingOnly(item) && item.body.length > 0 && !/^具体措施/.test(item.body[0]?.text ?? '')) {
    // A heading followed only by its unit clause is a task with a short title.
    return !item.body.every((b) => /^[〔((]?(牵头单位|责任单位)/.test(b.text));
  }
  // A bare heading, nothing under it, beside headings that hold tasks (an exported 工作机制): a section too.
  if (headingOnly(item) && item.body.length === 0 && item.parent?.children.some((c) => c.children.length > 0)) return true;
  return false;
}

/**
 * A numbered project printed as one paragraph: a short title to its full stop, then measures separated by
 * ; or 。 (1.医疗服务能力提升工程。开展…;新增…;实施…。(牵头领导:…,责任单位:…), 奉化's 十大民生实事). Returns
 * the title and the measures, each a task of the project, or undefined for a paragraph not so printed: a
 * project cut off before its units clause still shows itself by two measures or more.
 */
function projectParagraph(item: Item, clause: UnitClause | undefined): { title: string; measures: string[]; aside?: string } | undefined {
  if (item.children.length > 0 || item.body.length > 0) return undefined;
  if (item.style === 'cn') return headingMeasures(withoutUnitClause(item.text, clause));
  const m = /^([^,,;;::。]{2,30})。([\s\S]+)$/.exec(withoutUnitClause(item.text, clause));
  if (!m || !m[1] || !m[2]) return undefined;
  const measures = m[2].split(/[;;。]/).map((t) => t.trim()).filter((t) => t.length > 0);
  return measures.length >= (clause ? 1 : 2) ? { title: m[1], measures } : undefined;
}

/**
 * A numbered heading whose text goes on after its opening clause with measures, each stating its figure
 * (一、推进“双美”建设,实施4个小区内综合整治…;维护更新小区信报箱200户;…。, 芷江西路街道's 十大实事): the opening
 * clause titles the section and each measure, split at ; and 。, is a task. A text whose first clause is already
 * a measure (it states a figure) has no opening clause: the whole text titles the section, and it takes two
 * measures at least. Undefined where a measure states no figure: a heading with prose run into it is no list.
 * A title closed by a bracketed aside and a full stop (一、科教惠民工程(項目6個,其中基建工程類5個、“小而美”事項類1個)。主要是…;…。,
 * 梧州's 為民辦實事"十大"工程) is plainly a title: the measures after it (and after "主要是") are tasks, with a figure or not,
 * and the aside is the section's own statement, its figures the section's targets.
 */
function headingMeasures(text: string): { title: string; measures: string[]; aside?: string } | undefined {
  const whole = text.replace(/[。;;\s\u3000]+$/, '');
  if (GOALS.test(whole.slice(0, 12)) || GENERAL.test(whole.slice(0, 12)) || CLOSING.test(whole.slice(0, 12))) return undefined;
  const closed = /^([^,,;;::。()()\d]{2,30})[((]([^()()]+)[))]。([\s\S]+)$/.exec(whole);
  if (closed && closed[1] && closed[2] && closed[3]) {
    const listed = closed[3].replace(/^主要(?:是|有|包括)[::]?/, '').split(/[;;。]/).map((t) => t.trim()).filter((t) => t.length > 0);
    if (listed.length > 0) return { title: closed[1], measures: listed, aside: closed[2] };
  }
  const opening = /^([^,,;;::。\d]{2,30})[,,。]/.exec(whole);
  const measures = whole.slice(opening?.[0].length ?? 0).split(/[;;。]/).map((t) => t.trim()).filter((t) => t.length > 0);
  if (measures.length < (opening ? 1 : 2) || !measures.every((t) => /\d/.test(t))) return undefined;
  return { title: opening?.[1] ?? whole, measures };
}

function sectionOf(ctx: Context, item: Item): Data {
  if (hasClauses(item)) return clauseSectionOf(ctx, item);
  ctx.counts.sections++;
  const isGoals = GOALS.test(item.text.slice(0, 12));
  const tasks: Data[] = [];
  const sections: Data[] = [];
  const own: Segment[] = [{ line: item.line, text: item.text }];
  // A heading printed alone over unnumbered sentences, no numbered item under it: each sentence that states a
  // figure or its own units clause is a task (as the .docx export writes an unnumbered task: its own paragraph).
  // A heading that is its measures joined by ; (二、完成2个小区…试点工作;新增、修整绿化1000平方米: no opening clause), each
  // printed again under it as a paragraph of its own, as the .docx export writes such a section's tasks, is such a heading
  // too, titled by its whole text.
  const spelled = item.style === 'cn' && item.body.length > 0 ? headingMeasures(item.text) : undefined;
  const spelledOut = spelled !== undefined && spelled.measures.length >= 2 && spelled.measures.every((m) => item.body.some((b) => b.text.replace(/[。;;]$/, '') === m));
  const listHeading = (headingOnly(item) || spelledOut) && item.children.length === 0 && !isGoals && !CLOSING.test(item.text) && !GENERAL.test(item.text.slice(0, 12));
  // A list heading whose sentences state no figure (4.关爱儿童 over 加强孤独症儿童医疗康复救治…) is a list still where the
  // headings beside it are: the .docx export writes every unnumbered task so.
  // Not where a sentence is a duty laid on others (各单位要高度重视,确保按期完成: a closing arrangement).
  const listBeside = (item.parent?.children ?? []).some((c) => c !== item && headingOnly(c) && c.children.length === 0 && c.body.some((b) => taskParagraph(b)))
    && !item.body.some((b) => DUTY.test(b.text));
  const inList = listHeading && (item.body.some((b) => taskParagraph(b)) || listBeside);
  // A sentence under a list heading that opens with the heading's own words (科教惠民工程(項目6個,…)。 under 一、科教惠民工程) is the
  // section's own statement, as the export writes a section's targets: its figures are the section's, not a task's.
  const ownWords = (b: Segment) => listHeading && item.text.length >= 2 && b.text.startsWith(item.text) && /^[((,,]/.test(b.text.slice(item.text.length));
  // Unnumbered headed paragraphs are the tasks of a section that is not a general part.
  for (const b of item.body) {
    if (ownWords(b)) {
      own.push(b);
      continue;
    }
    // A bulleted list under a heading: each bullet is a task of its own (嘉兴's 民生实事: 1.普惠托育项目 ●…; ●…).
    if (!isGoals && !CLOSING.test(item.text) && BULLET.test(b.text) && b.text.replace(BULLET, '').length > 0) {
      tasks.push(taskOf(ctx, undefined, b.text.replace(BULLET, ''), b.line, []));
      continue;
    }
    const head = item.style !== 'cn' && !isGoals && !CLOSING.test(item.text) ? headedParagraph(b) : undefined;
    if (head || (listHeading && taskParagraph(b, inList))) tasks.push(taskOf(ctx, undefined, b.text, b.line, []));
    else own.push(b);
  }
  let clause: UnitClause | undefined;
  let clauseLine = item.line;
  for (const s of own) {
    clause = findUnitClause(s.text);
    if (clause) {
      clauseLine = s.line;
      break;
    }
  }
  if (clause) useUnits(ctx, clause, clauseLine);
  const project = projectParagraph(item, clause);
  for (const measure of project?.measures ?? []) tasks.push(taskOf(ctx, undefined, measure, item.line, [], measure));
  for (const s of own) {
    const members = findMemberList(s.text);
    if (members && !ctx.members) ctx.members = { ...members, line: s.line };
  }
  const counted = own.map((s) => /(\d+)项任务/.exec(s.text)).filter((m) => m !== null);
  const dropped: (Segment & { baseline?: boolean })[] = [];
  for (const child of item.children) {
    if (child.dropped) {
      const baseline = /基本情况/.test(child.text);
      const collect = (it: Item): void => {
        dropped.push({ line: it.line, text: it.text, baseline }, ...it.body.map((b) => ({ ...b, baseline })));
        it.children.forEach(collect);
      };
      collect(child);
      continue;
    }
    if (child.row) tasks.push(taskOfRow(ctx, child.row, child.line));
    else if (child.children.length > 0 || leafIsSection(child)) sections.push(sectionOf(ctx, child));
    else tasks.push(taskOf(ctx, child.label, child.text, child.line, child.body));
  }
  const clean = own.map((s) => ({ line: s.line, text: withoutUnitClause(s.text, clause) }));
  // A project's paragraph states its targets in its measures' tasks, not its own.
  const aside = project?.aside !== undefined ? [{ line: item.line, text: project.aside }] : [];
  const indicators = indicatorsOf(ctx, [...aside, ...clean.slice((item.style === 'cn' && !isGoals) || project ? 1 : 0), ...dropped]);
  const title = item.caption ? item.text : spelledOut ? (spelled?.title ?? item.text) : project?.title ?? (titleOf(withoutUnitClause(item.text, clause)) || UNTITLED);
  const notes = rangeNotes(clean);
  for (const b of own.slice(1)) if (!findUnitClause(b.text) && indicators.every((i) => i.source.line !== b.line)) ctx.unrecognised.push({ line: b.line, text: b.text });
  return {
    ...(item.label ? { number: item.label } : {}),
    title,
    ...(MEASURES.test(title) ? { kind: 'measures' } : {}),
    ...(clause && clause.lead.length > 0 ? { lead: clause.lead } : {}),
    ...(clause && clause.responsible.length > 0 ? { responsible: clause.responsible } : {}),
    ...(clause && clause.cooperating.length > 0 ? { cooperating: clause.cooperating } : {}),
    ...(clause && clause.people.length > 0 ? { people: clause.people } : {}),
    source: sourceFor(item.line, title),
    ...(counted.length === 1 && tasks.length > 0 && sections.length === 0 ? { declaredTaskCount: Number(counted[0]?.[1]) } : {}),
    ...(note(notes) ? { note: note(notes) } : {}),
    ...(indicators.length > 0 ? { indicators } : {}),
    ...(tasks.length > 0 ? { tasks } : {}),
    ...(sections.length > 0 ? { sections } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// An item written as labelled clauses ((一)责任领导:… (二)责任单位:… (三)协办单位:… (四)项目内容及任务分解:…
// (五)资金筹措:… (六)完成时限:…, 十堰市's 十件实事): each clause is a fact of the item, read by its label words
// (the numbering before them varies from draft to draft), not a task of its own.

type ClauseKind = 'people' | 'lead' | 'responsible' | 'cooperating' | 'deadline' | 'content' | 'funding';

const CLAUSE_WORDS: ReadonlyArray<readonly [ClauseKind, RegExp]> = [
  ['people', /^(责任领导|分管领导|牵头领导|联系领导|包保领导|责任人)$/],
  ['lead', /^牵头(单位|部门)$/],
  ['responsible', /^(责任单位|责任部门|承办单位|主办单位)$/],
  ['cooperating', /^(协办单位|协办部门|配合单位|配合部门|协助单位|协作单位)$/],
  ['deadline', /^(完成时限|完成时间|完成期限)$/],
  ['content', /^(项目内容及任务分解|项目内容|任务分解|建设内容|主要内容|工作内容|目标任务|实施内容)$/],
  ['funding', /^(资金筹措|资金来源|资金保障|资金安排|投资及资金来源)$/],
];

/** A labelled clause: its kind, its label as printed and the text after the colon. */
function clauseOf(text: string): { kind: ClauseKind; label: string; rest: string } | undefined {
  const m = /^([\u4e00-\u9fa5]{2,10})\s*[::]\s*([\s\S]*)$/.exec(text);
  if (!m || !m[1]) return undefined;
  const found = CLAUSE_WORDS.find(([, re]) => re.test(m[1] ?? ''));
  return found ? { kind: found[0], label: m[1], rest: (m[2] ?? '').trim() } : undefined;
}

/** Whether an item is one labelled clause ((六)完成时限:2008年内), with nothing numbered under it but its content's tasks. */
function isClauseItem(item: Item): boolean {
  return clauseOf(item.text) !== undefined;
}

/**
 * Whether an item is written as labelled clauses: two or more of its numbered children are clauses, one
 * of them naming units or people (a 完成时限 and a 项目内容 alone are an ordinary item's sub-headings).
 */
function hasClauses(item: Item): boolean {
  const kinds = item.children.flatMap((c) => clauseOf(c.text)?.kind ?? []);
  return kinds.length >= 2 && kinds.some((k) => k === 'people' || k === 'lead' || k === 'responsible' || k === 'cooperating');
}

/** A deadline clause's date: 2008年内 is the year 2008, as 2008年底 is. */
function clauseDeadline(text: string, years: { start: number; end: number }): number | string | undefined {
  return deadlineOf(text.replace(/[。.]$/, '').replace(/年内$/, '年'), years);
}

/** A task's data with a deadline set before its source, where the task states none of its own. */
function withDeadline(task: Data, deadline: number | string | undefined): Data {
  if (deadline === undefined || task.deadline !== undefined) return task;
  const out: Data = {};
  for (const [k, v] of Object.entries(task)) {
    if (k === 'source') out.deadline = deadline;
    out[k] = v;
  }
  return out;
}

/**
 * The section of an item written as labelled clauses: its people, lead, responsible and cooperating units
 * from their clauses; its tasks from the content clause (each numbered piece a task, else the clause's
 * text one task), each due by the deadline clause; the funding clause kept in the section's note.
 */
function clauseSectionOf(ctx: Context, item: Item): Data {
  ctx.counts.sections++;
  const units: Record<'lead' | 'responsible' | 'cooperating', string[]> = { lead: [], responsible: [], cooperating: [] };
  const people: { role: string; name: string }[] = [];
  const notes: string[] = [];
  const taskItems: { number?: string; text: string; line: number; body: Segment[] }[] = [];
  const sections: Data[] = [];
  let deadline: { text: string; line: number } | undefined;
  for (const child of item.children) {
    const clause = clauseOf(child.text);
    const body = child.body.map((b) => b.text).join('');
    if (!clause) {
      if (child.children.length > 0 || leafIsSection(child)) sections.push(sectionOf(ctx, child));
      else taskItems.push({ number: child.label, text: child.text, line: child.line, body: child.body });
      continue;
    }
    // Nothing is dropped unseen: paragraphs under a clause that has no place for them are reported.
    if (clause.kind !== 'content' && clause.kind !== 'funding') for (const b of child.body) ctx.unrecognised.push(b);
    if (clause.kind === 'people') for (const person of splitPeople(clause.rest, clause.label)) people.push(person);
    else if (clause.kind === 'lead' || clause.kind === 'responsible' || clause.kind === 'cooperating') {
      const names = splitUnits(clause.rest);
      for (const name of names) units[clause.kind].push(name);
      useUnits(ctx, { lead: [], responsible: [], cooperating: names, people: [], quote: clause.rest }, child.line);
    } else if (clause.kind === 'deadline') deadline = { text: clause.rest, line: child.line };
    else if (clause.kind === 'funding') notes.push(`${clause.label}(第${child.line}行):${clause.rest}${body}`);
    else {
      if (clause.rest) taskItems.push({ text: clause.rest, line: child.line, body: child.children.length === 0 ? child.body : [] });
      // "(四)项目内容:" over unnumbered paragraphs: each paragraph is a task.
      else if (child.children.length === 0) for (const b of child.body) taskItems.push({ text: b.text, line: b.line, body: [] });
      if (clause.rest && child.children.length > 0) for (const b of child.body) ctx.unrecognised.push(b);
      for (const piece of child.children) taskItems.push({ number: piece.label, text: piece.text, line: piece.line, body: piece.body });
    }
  }
  for (const b of item.body) ctx.unrecognised.push(b);
  const due = deadline ? clauseDeadline(deadline.text, ctx.planYears) : undefined;
  if (deadline && due === undefined) notes.push(`完成时限“${deadline.text}”(第${deadline.line}行)无法写成年份或日期`);
  const tasks = taskItems.map((t) => withDeadline(taskOf(ctx, t.number, t.text, t.line, t.body), due));
  const title = headingOnly(item) ? item.text : titleOf(item.text) || UNTITLED;
  return {
    ...(item.label ? { number: item.label } : {}),
    title,
    ...(units.lead.length > 0 ? { lead: units.lead } : {}),
    ...(units.responsible.length > 0 ? { responsible: units.responsible } : {}),
    ...(units.cooperating.length > 0 ? { cooperating: units.cooperating } : {}),
    ...(people.length > 0 ? { people } : {}),
    source: sourceFor(item.line, title),
    ...(note(notes) ? { note: note(notes) } : {}),
    ...(tasks.length > 0 ? { tasks } : {}),
    ...(sections.length > 0 ? { sections } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Lists printed in prose, nothing numbered (prose-lists.ts): a progress report's project lines, a paragraph of areas

/**
 * A task from a piece of prose that is the task's whole title (a project's target, an area's measure): its quote
 * as printed, its title and indicator names without the page's pinyin glosses, and what its line reports done.
 */
function proseTaskOf(ctx: Context, line: number, text: string, quote: string, extra: { deadline?: number; note?: string; done?: Data; progress?: Segment }): Data {
  const plain = withoutGlosses(text);
  const { indicators, ...task } = taskOf(ctx, undefined, plain, line, [], plain);
  const read = withGlossedQuotes(text, (indicators ?? []) as ImportedIndicator[]);
  const done = extra.done;
  // Progress in the words the .docx export writes it (截至2015年6月,完成2585个,完成率99.2%).
  const list = !done && extra.progress ? withProseActuals(read, [extra.progress]) : read;
  return {
    ...task,
    ...(extra.deadline !== undefined ? { deadline: extra.deadline } : {}),
    ...(extra.note ? { note: extra.note } : {}),
    source: sourceFor(line, quote),
    // A line's progress is the actual of its target's only indicator, in the target's measuring unit.
    ...(list.length > 0 ? { indicators: list.map((ind) => (done && list.length === 1 ? { ...ind, actual: done } : ind)) } : {}),
  };
}

/** A progress report's run of project lines: one section (its caption), a task per project with its progress. */
function progressSectionOf(ctx: Context, run: ProgressRun): Data {
  ctx.counts.sections++;
  const tasks = run.lines.map((p) => {
    const unit = findIndicators(withoutGlosses(p.target), p.line, ctx.planYears)[0]?.unit;
    const { quote, ...read } = progressOf(p.progress, unit) ?? { quote: '' };
    const done = quote ? { ...(run.asOf ? { asOf: run.asOf } : {}), ...read, source: { line: p.line, quote } } : undefined;
    return proseTaskOf(ctx, p.line, p.target, p.quote, {
      ...(p.period ? { deadline: p.period.end, note: `项目期${p.period.start}—${p.period.end}年。` } : {}),
      ...(done ? { done } : { progress: { line: p.line, text: p.progress } }),
    });
  });
  const caption = run.caption;
  return { title: caption?.title ?? UNTITLED, source: caption ? sourceFor(caption.line, caption.quote) : { line: run.lines[0]?.line ?? 1 }, tasks };
}

/**
 * The sections of a text in which nothing is numbered: a run of project lines, else each paragraph of areas, else
 * headings printed alone over their measures (an area a section, a measure a task, due by `deadline` where the text
 * says they are to be done this year). Returns the lines they were read from.
 */
function proseSectionsOf(ctx: Context, segs: Segment[], run: ProgressRun | undefined, deadline: number | undefined): { sections: Data[]; lines: Set<number> } {
  if (run) return { sections: [progressSectionOf(ctx, run)], lines: new Set(run.lines.map((p) => p.line)) };
  const paragraphs = segs.flatMap((seg) => areasOf(seg) ?? []);
  const areas = paragraphs.length > 0 ? paragraphs : headedLists(segs) ?? [];
  const lines = new Set<number>();
  const sections = areas.map((area) => {
    ctx.counts.sections++;
    lines.add(area.line);
    const tasks = area.measures.map((m) => {
      lines.add(m.line);
      // An exported task's paragraph is read as a numbered task's text is: its title to the full stop, its units clause.
      if (closedByUnits(m.text)) return taskOf(ctx, undefined, m.text, m.line, []);
      return proseTaskOf(ctx, m.line, m.text, m.text, deadline !== undefined ? { deadline } : {});
    });
    return { ...(area.number ? { number: area.number } : {}), title: area.title, source: sourceFor(area.line, area.quote), ...(tasks.length > 0 ? { tasks } : {}) };
  });
  return { sections, lines };
}

// ---------------------------------------------------------------------------------------------
// Plan metadata

interface Meta {
  title: string;
  titleLine: number;
  titleQuote: string;
  issuers: string[];
  region?: string;
  level?: string;
  period: { start: number; end: number };
  issued?: string;
  notes: string[];
}

/**
 * The office a web page names as its 来源 (来源:苍南县人民政府办公室) or its 发布机构 (in a row of page facts:
 * 发布机构 区政府办公室 发文日期 …), where the title names no issuer.
 */
function sourceIssuers(segments: Segment[]): string[] {
  for (const s of segments.slice(0, 12)) {
    const m = /^(?:[•·]\s*)?(?:来源|信息来源)[::]\s*([\u4e00-\u9fa5]{4,30}(?:委|政府|办公室|委员会|局|厅))$/.exec(s.text)
      ?? /(?:^|\s)发布机构[::\s]\s*([\u4e00-\u9fa5]{1,30}?(?:委|政府|办公室|委员会|局|厅))(?:\s|$)/.exec(s.text);
    if (m && m[1]) return [m[1]];
  }
  return [];
}

/** The plan's metadata; `spans` are the periods a report's projects print, the plan's where its title names no year. */
function metaOf(segments: Segment[], options: RecognizeOptions, spans: { start: number; end: number }[] = []): Meta {
  const notes: string[] = [];
  let title: string | undefined;
  let titleLine = 1;
  let titleQuote = '';
  let issuers: string[] = [];
  for (const s of segments.slice(0, 40)) {
    const m = /^(.*?)(?:关于)?印发《([^》]+)》/.exec(s.text);
    if (m && m[2]) {
      title = m[2];
      titleLine = s.line;
      titleQuote = `《${m[2]}》`;
      const by = (m[1] ?? '').replace(/^.*?(\d{1,2}月\d{1,2}日)[,,]?/, '').replace(/关于$/, '');
      if (by) issuers = by.split(/[、,,]/).filter((x) => x.length > 1);
      break;
    }
  }
  if (title === undefined) {
    for (const s of segments.slice(0, 20)) {
      // A notice that sends a table down (…进行重点督办的通知) or a table published alone (…完成情况表) is titled so too.
      if (!s.text.includes('\t') && s.text.length <= 60 && /(方案|计划|要点|实事|实事项目|實事項目|意见|规划|的通知|完成情况表|分解表|进度表)(\s*[((][^))]*[))])?$/.test(s.text)) {
        // A subtitle's dash (——2024年省政府十方面民生实事, under a headline) is no part of the title; the quote keeps it.
        title = s.text.replace(/^[—–]+\s*/, '') || s.text;
        titleLine = s.line;
        titleQuote = s.text;
        break;
      }
      // A news page's headline (2024年十大民生实事项目出炉): the list it announces is the title.
      const headline = /^(.{4,40}?(?:项目|實事|实事|工程))(?:出炉|出爐|发布|發布|公布|揭晓|揭曉|出台)$/.exec(s.text);
      if (headline && headline[1]) {
        title = headline[1];
        titleLine = s.line;
        titleQuote = s.text;
        break;
      }
    }
  }
  if (title === undefined) {
    // A report that names the list it prints: "确定以下十个项目为2023年度嘉兴市政府民生实事项目——".
    for (const s of segments.slice(0, 10)) {
      const m = /以下[^。,,;;]{0,10}?[为為]([^。,,;;:——]{4,40}?(?:项目|項目|实事|實事|工程))(?:——|[::。]|$)/.exec(s.text);
      if (m && m[1]) {
        title = m[1];
        titleLine = s.line;
        titleQuote = m[1];
        break;
      }
    }
  }
  if (title === undefined) {
    title = options.name ?? options.sourceFile ?? '未识别标题';
    notes.push('原文未印可识别的标题行;标题取自文件名,请核对。/ No title line found: the title is the file name.');
  }
  if (issuers.length === 0) {
    // Issuers printed on their own lines above "关于印发……的通知".
    const at = segments.findIndex((s) => s.line === titleLine);
    for (let k = at - 1; k >= 0 && k >= at - 3; k--) {
      const t = segments[k]?.text ?? '';
      if (/^[\u4e00-\u9fa5]{4,30}(委|政府|办公室|委员会|局|厅)$/.test(t)) issuers.unshift(t);
      else break;
    }
  }
  if (issuers.length === 0) issuers = sourceIssuers(segments);
  const span = /(\d{4})\s*[—–\-~至]\s*(\d{4})年/.exec(title);
  let period: { start: number; end: number };
  if (span) period = { start: Number(span[1]), end: Number(span[2]) };
  else {
    const one = /(\d{4})年/.exec(title);
    if (one) period = { start: Number(one[1]), end: Number(one[1]) };
    else if (spans.length > 0) {
      period = { start: spans.reduce((m, p) => Math.min(m, p.start), Infinity), end: spans.reduce((m, p) => Math.max(m, p.end), -Infinity) };
      notes.push(`原文未写明计划期,按各项目所印的起止年份记为${period.start}—${period.end}年,请核对。/ The period is not printed: ${period.start}–${period.end}, the span of the projects' own periods.`);
    } else {
      // No year in the title: the year the targets name most often.
      const counts = new Map<number, number>();
      for (const s of segments) for (const m of s.text.matchAll(/(20\d{2})年/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
      const best = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
      const year = best?.[0] ?? new Date().getFullYear();
      period = { start: year, end: year };
      notes.push(`原文未写明计划期,按正文最常出现的年份记为${year}年,请核对。/ The period is not printed: ${year}, the year the text names most.`);
    }
  }
  const bare = title.replace(/^\d{4}年度?/, '');
  const regionIn = (t: string) => {
    const r = /^((?:[\u4e00-\u9fa5]{2,3}?省)?(?:[\u4e00-\u9fa5]{1,4}?市)?(?:[\u4e00-\u9fa5]{1,3}?[区县])?)/.exec(t);
    // "市县民生实事" names levels, not a place.
    return r && r[1] && r[1].length >= 2 && !/^[省市县区]+$/.test(r[1]) ? r[1] : undefined;
  };
  const region = regionIn(bare) ?? (issuers[0] ? regionIn(issuers[0]) : undefined);
  // An issuer named without its place (区政府办公室, a district's own page) still gives the level.
  const levelWord = region ?? /^([省市县区])(?:人民)?政府/.exec(issuers[0] ?? '')?.[1];
  const level = levelWord === undefined ? undefined : /区$/.test(levelWord) ? 'district' : /县$/.test(levelWord) ? 'county' : /市$/.test(levelWord) ? 'city' : /省$/.test(levelWord) ? 'province' : undefined;
  let issued: string | undefined;
  for (const s of segments.slice(0, 12)) {
    const d = /(20\d{2})-(\d{2})-(\d{2})/.exec(s.text);
    if (d) {
      issued = `${d[1]}-${d[2]}-${d[3]}`;
      break;
    }
  }
  return { title, titleLine, titleQuote: titleQuote || title, issuers, region, level, period, issued, notes };
}

// ---------------------------------------------------------------------------------------------
// Regions

/**
 * The id a region is keyed by in byRegion, from its name as the hand encodings shorten it: without the
 * ending of a name of three characters or more (丹江口市 → 丹江口, 郧西县 → 郧西; 郧县 stays), 武当山旅游经济特区 →
 * 武当山, 十堰经济开发区 → 开发区. A short id another region holds already falls back to the full name.
 */
function regionId(name: string, taken: Set<string>): string {
  const short = /^(.{2,}?)(?:旅游经济特区|经济特区|特区)$/.exec(name)?.[1]
    ?? (/开发区$/.test(name) ? '开发区' : undefined)
    ?? /^(.{2,}?)街道$/.exec(name)?.[1]
    ?? /^(.{2,})[市县区镇乡]$/.exec(name)?.[1]
    ?? name;
  return taken.has(short) ? name : short;
}

/**
 * Writes each indicator's region splits in the plan's form (region id → `{ value, unit?, source }`, a
 * year's split under its year) and returns the plan's `regions`, once each, in the order first named.
 */
function regionsOf(sections: Data[]): Data[] {
  const regions: Data[] = [];
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  const idOf = (name: string, source: { line: number }): string => {
    let id = ids.get(name);
    if (id === undefined) {
      id = regionId(name, taken);
      taken.add(id);
      ids.set(name, id);
      regions.push({ id, name, source: { line: source.line, quote: name } });
    }
    return id;
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (typeof node !== 'object' || node === null || node instanceof Map) return;
    const d = node as Data;
    const splits = d.byRegion;
    if (Array.isArray(splits)) {
      const out: Data = {};
      for (const split of splits as RegionSplit[]) {
        const values: Data = {};
        for (const v of split.values) values[idOf(v.name, v.source)] = { value: v.value, ...(v.unit ? { unit: v.unit } : {}), source: v.source };
        if (split.year !== undefined) out[String(split.year)] = values;
        else Object.assign(out, values);
      }
      d.byRegion = out;
    }
    for (const [k, v] of Object.entries(d)) if (k !== 'byRegion' && k !== 'source') visit(v);
  };
  visit(sections);
  return regions;
}

// ---------------------------------------------------------------------------------------------
// Writing the YAML

const FLOW_MAPS = new Set(['actual', 'source', 'overall', 'baseline', 'period', 'yearly', 'growth']);
const FLOW_SEQS = new Set(['lead', 'responsible', 'cooperating', 'issuers', 'aliases', 'tags']);

/** Gold-seed layout: flow mappings for sources and targets, flow lists of units, blocks elsewhere. */
function styleNode(node: YamlNode | null | undefined): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value as YamlNode | null;
      // Quotes as the gold seeds write them: double-quoted, which also keeps the fast reader on its fast path.
      if ((key === 'quote' || key === 'note') && isScalar(value) && typeof value.value === 'string') value.type = 'QUOTE_DOUBLE';
      if (FLOW_MAPS.has(key) && isMap(value)) value.flow = true;
      if (FLOW_SEQS.has(key) && isSeq(value)) value.flow = true;
      // 责任人 one to a line, each as { role, name }.
      if (key === 'people' && isSeq(value)) for (const p of value.items) if (isMap(p)) p.flow = true;
      // A region's value one to a line, as { value, source }; a year's split a mapping of those.
      if (key === 'byRegion' && isMap(value)) {
        for (const r of value.items) {
          if (!isPair(r) || !isMap(r.value)) continue;
          if (r.value.items.some((x) => isPair(x) && isScalar(x.key) && x.key.value === 'value')) r.value.flow = true;
          else for (const y of r.value.items) if (isPair(y) && isMap(y.value)) y.value.flow = true;
        }
      }
      if (key === 'regions' && isSeq(value)) for (const r of value.items) if (isMap(r)) r.flow = true;
      styleNode(value);
    }
  } else if (isSeq(node)) for (const it of node.items) styleNode(it as YamlNode);
}

/** The responsibility conventions a notice states once, by the words offices use for them. */
const CONVENTIONS: ReadonlyArray<readonly [string, RegExp]> = [
  // "无牵头单位的,责任单位即为牵头单位" / "未明确牵头单位的,责任单位为牵头单位"
  ['responsible-leads', /(无|未(明确|列明|标明|注明))牵头单位的?[,,]?(以)?责任单位(即)?为牵头单位/],
  // "列第一位者为牵头单位" / "排在第一位的为牵头单位" / "第一个单位为牵头单位"
  ['first-listed-leads', /(列|排)(在)?(第一位|首位)(的|者)?(单位)?(即)?为牵头单位|第一个?单位(即)?为牵头单位/],
];

/** Each convention the text states, once, with the line and words that state it. */
function conventionsOf(lines: readonly string[]): Data[] {
  const found: Data[] = [];
  for (const [id, pattern] of CONVENTIONS) {
    for (let i = 0; i < lines.length; i++) {
      const m = pattern.exec(lines[i]);
      if (!m) continue;
      found.push({ id, source: { line: i + 1, quote: m[0] } });
      break;
    }
  }
  return found;
}

// Bounded: an unbounded run would be tried again from every numeral of a long one (a cell of 一一一…, quadratic).
const COUNT = '([0-9]{1,6}|[一二两三四五六七八九十百]{1,6})';
/** "6类22件": the categories and the items a whole list declares. */
const CATEGORIES_ITEMS = new RegExp(`${COUNT}(?:大)?类${COUNT}(?:件|项)`);
/** "其中省定民生实事10件、市定12件", "票决项目5件": how many items carry a tag. */
const TAG_COUNT = new RegExp(`(省定|市定|县定|区定|票决)(?:产生的)?(?:民生实事)?(?:项目)?${COUNT}(?:件|项)`, 'g');

/**
 * "明确了今年要完成的“十件实事”": a number of items the text fixes (明确, 确定), not one it names in passing
 * ("2015年25件重点民生实事计划总投资…", a list the text may hold only part of).
 */
const FIXED_ITEMS = new RegExp(`(?:明确|明確|确定|確定)了?[^。,,;;]{0,12}?[“"]?${COUNT}件(?:民生)?(?:实事|實事)[”"]?`);

const countOf = (s: string): number | undefined => (/^[0-9]+$/.test(s) ? Number(s) : chineseNumber(s));

/**
 * The counts the text declares for the whole plan, each where it is first stated: "6类22件" and, in a
 * sentence with 其中, the items by tag ("其中省定民生实事10件"). Tasks are not tagged by the importer.
 */
function declaredOf(lines: readonly string[]): { declaredCounts?: Data; tagCounts?: Data[] } {
  const out: { declaredCounts?: Data; tagCounts?: Data[] } = {};
  const tags = new Map<string, Data>();
  lines.forEach((line, i) => {
    const m = out.declaredCounts ? null : CATEGORIES_ITEMS.exec(line);
    const categories = m ? countOf(m[1]) : undefined;
    const items = m ? countOf(m[2]) : undefined;
    if (m && categories !== undefined && items !== undefined) out.declaredCounts = { categories, items, source: { line: i + 1, quote: m[0] } };
    const fixed = out.declaredCounts ? null : FIXED_ITEMS.exec(line);
    const count = fixed ? countOf(fixed[1]) : undefined;
    if (fixed && count !== undefined) out.declaredCounts = { items: count, source: { line: i + 1, quote: fixed[0] } };
    const from = line.indexOf('其中');
    if (from < 0) return;
    for (const t of line.slice(from).matchAll(TAG_COUNT)) {
      const tag = t[1] === '票决' ? '票决项目' : t[1];
      const count = countOf(t[2]);
      if (count !== undefined && !tags.has(tag)) tags.set(tag, { tag, count, source: { line: i + 1, quote: t[0] } });
    }
  });
  if (tags.size > 0) out.tagCounts = [...tags.values()];
  return out;
}

/** How many lines open a text: a news report says what it is in its headline and lead, a progress report in its title. */
const LEAD_LINES = 15;
/** How much of each such line is read: a byline, a dateline or a lead's first sentence opens it (and a hostile line of
 * 200,000 characters is not scanned from every position). */
const LEAD_CHARS = 300;
/** A headline: a short line that is not a sentence of the body, nor one that leads into it (…通报如下:). */
const isHeadline = (line: string) => line.trim().length > 0 && line.length <= 60 && !/[。;;]|[::,,]\s*$/.test(line);
/**
 * The words that plainly make a text a report about a plan, not the plan: a reporter (记者), a meeting held
 * yesterday or lately (昨天/日前 … 会议, in one sentence), a dateline; a headline or lead that reports progress
 * (进展情况, 完成情况, 进度表), or half a year's figures with the progress (上半年 … 进度, one line). Traditional forms
 * too: held-out seeds 010 and 014 are in traditional characters. Not a headline's 出炉 alone: held-out seed 011's
 * "2024年十大民生实事项目出炉" is the district's own page listing the projects and their units, a list held to a plan's standard.
 */
const FORM_SIGNS: ReadonlyArray<{ kind: 'news-report' | 'progress-report'; headline?: boolean; pattern: RegExp }> = [
  // Quoted with the reporter's name, as a byline prints it (全媒体记者邓慧遐).
  { kind: 'news-report', pattern: /([^((\s]{0,24}[记記]者[^)),,\s]{0,12})/ },
  { kind: 'news-report', pattern: /(?:昨天|昨日|日前)[^。]*?(?:会议|會議)/ },
  // A dateline: a paragraph opening with the day, then who issued the plan or held the meeting (3月5日,市委办公室…印发).
  { kind: 'news-report', pattern: /^\s*(\d{1,2}月\d{1,2}日[,,][^。]*?(?:印发|召开|举行|印發|召開|舉行))/ },
  // A news dateline (浙江在线1月24日讯, 本报讯) and a report's word to its readers (下面,我們一起來看看).
  { kind: 'news-report', pattern: /^\s*([^\s,,。(()]{0,12}?\d{1,2}月\d{1,2}日(?:讯|訊|电|電)|(?:本报|本報)(?:讯|訊))/ },
  { kind: 'news-report', pattern: /((?:下面|接下来|接下來)[,,]?(?:我们|我們|小编|小編)?一起(?:来|來)看看)/ },
  { kind: 'progress-report', headline: true, pattern: /(?:进展|進展|完成)情[况況]|[进進]度(?:表|报告|報告)/ },
  { kind: 'progress-report', pattern: /(?:进展|進展|完成)情[况況](?:的)?(?:通报|通報|报告|報告|如下)/ },
  // Quoted is the clause with the progress (主要进度如下), which the line's 上半年 figures lead to.
  { kind: 'progress-report', pattern: /上半年.*?([^。,,::]*[进進]度[^。,,::]*)/ },
];

/**
 * The document's form where its opening lines plainly say it is a news report or a progress report, with the
 * line and words that say so; none for a plan, which the format assumes where `form` is not written.
 */
function formOf(lines: readonly string[]): Data | undefined {
  for (const [i, whole] of lines.slice(0, LEAD_LINES).entries()) {
    const line = whole.slice(0, LEAD_CHARS);
    for (const sign of FORM_SIGNS) {
      const m = sign.headline && !isHeadline(line) ? null : sign.pattern.exec(line);
      if (m) return { kind: sign.kind, source: { line: i + 1, quote: sign.headline ? line.trim() : m[1] ?? m[0] } };
    }
  }
  return undefined;
}

/**
 * Recognises a plan in a document's text: metadata, numbered sections and tasks, unit clauses and
 * member lists, and the indicators stated in the prose. Returns the plan file's YAML (it passes the
 * plan schema) and a summary of what was recognised and what was kept only as text.
 */
export function recognizePlan(shown: SourceText, options: RecognizeOptions = {}): ImportResult {
  // Read in half-width (，；（）→ ,;()), character for character; what is written out is put back in the document's own characters below.
  const source: SourceText = { ...shown, lines: shown.lines.map(halfWidth) };
  const segments = segmentsOf(source.lines);
  const tree = buildTree(segments);
  // Nothing numbered: a progress report's project lines may still be there, each with its own period.
  const run = tree.roots.length === 0 ? progressRun(tree.preamble) : undefined;
  const meta = metaOf(segments, options, (run?.lines ?? []).flatMap((p) => (p.period ? [p.period] : [])));
  const ctx: Context = {
    planYears: meta.period,
    title: meta.title,
    units: new Map(),
    members: undefined,
    counts: { sections: 0, tasks: 0, indicators: 0 },
    unrecognised: [],
  };
  // A clause left over from an item cut off before the text starts ((六)完成时限:2008年内) belongs to no section.
  const roots = tree.roots.filter((item) => !(isClauseItem(item) && item.children.length === 0 && tree.roots.length > 1));
  for (const item of tree.roots) if (!roots.includes(item)) ctx.unrecognised.push({ line: item.line, text: `${item.label}${item.text}` });
  const sections = roots.map((item) => sectionOf(ctx, item));
  // "今年要完成的十件实事": a one-year plan's measures are each due in its year.
  const thisYear = meta.period.start === meta.period.end && source.lines.some((l) => /今年(?:要|将|將)?完成|年[内內](?:要)?完成/.test(l)) ? meta.period.end : undefined;
  const prose = sections.length === 0 ? proseSectionsOf(ctx, tree.preamble, run, thisYear) : undefined;
  if (prose) for (const s of prose.sections) sections.push(s);
  const units: Data[] = [];
  const listed = new Set<string>();
  if (ctx.members) {
    for (const name of ctx.members.names) {
      if (listed.has(name)) continue;
      listed.add(name);
      units.push({ name, ...(isGroupName(name) ? { kind: 'group' } : {}), member: true, source: { line: ctx.members.line, quote: name } });
    }
  }
  for (const [name, at] of ctx.units) {
    if (listed.has(name)) continue;
    listed.add(name);
    units.push({ name, ...(isGroupName(name) ? { kind: 'group' } : {}), source: { line: at.line, quote: name } });
  }
  const form = formOf(source.lines);
  const plan: Data = {
    title: meta.title,
    ...(meta.issuers.length > 0 ? { issuers: meta.issuers } : {}),
    ...(meta.region ? { region: meta.region } : {}),
    ...(meta.level ? { level: meta.level } : {}),
    ...(form ? { form } : {}),
    period: meta.period,
    status: 'draft',
    ...(meta.issued ? { issued: meta.issued } : {}),
    ...(options.sourceFile ? { sourceFile: options.sourceFile } : {}),
    ...(meta.notes.length > 0 ? { note: meta.notes.join(' ') } : {}),
    ...declaredOf(source.lines),
    source: { line: meta.titleLine, quote: meta.titleQuote },
  };
  const conventions = conventionsOf(source.lines);
  // A table whose only unit column is 责任单位 says so by its shape, where no sentence states who leads.
  if (tree.responsibleOnly && conventions.length === 0) {
    // A header printed one cell a line starts at its first cell: the source is the line that prints 责任单位.
    const { line, quote } = tree.responsibleOnly;
    const k = source.lines.findIndex((l, i) => i >= line - 1 && i < line + 40 && l.includes(quote));
    conventions.push({ id: 'responsible-only', source: k >= 0 ? { line: k + 1, quote } : { line } });
  }
  const regions = regionsOf(sections);
  const data = { plan, ...(conventions.length > 0 ? { conventions } : {}), ...(units.length > 0 ? { units } : {}), ...(regions.length > 0 ? { regions } : {}), sections };
  // One restorer for the plan and the paragraphs left unread: a name is written one way in both.
  const restore = restorer(source.lines, shown.lines);
  restoreShown(data, restore);
  // Shared source objects must be written out each time: an alias would send the reader to its slow path.
  const doc = new Document(data, { aliasDuplicateObjects: false });
  styleNode(doc.contents);
  doc.commentBefore = ` planlint import: 由 ${options.sourceFile ?? '文档'} 导入,请逐项核对 / imported from ${options.sourceFile ?? 'a document'}; review every fact\n`
    + ' source.line 指向导入时写出的原文文本行 / source.line is the line of the extracted source text';
  for (const s of tree.preamble) if (s.line > meta.titleLine + 1 && !findMemberList(s.text) && !prose?.lines.has(s.line)) ctx.unrecognised.push(s);
  const unrecognised = ctx.unrecognised.map((u) => ({ line: u.line, text: restore(u.text, u.line) }));
  return {
    yaml: doc.toString({ lineWidth: 0, flowCollectionPadding: false }),
    summary: { ...ctx.counts, units: units.length, unrecognised },
  };
}
