/**
 * The responsibility table (任务分解表): one row per task, grouped under merged section rows, and a
 * second sheet with one row per indicator. Widths, fonts and print setup come from layout.ts.
 */
import ExcelJS from 'exceljs';
import { formatNumber, regionOf, type Indicator, type Person, type Plan, type Section, type Task } from '../engine/index.js';
import { TABLE } from './layout.js';
import { marksOf, type Marks } from './marks.js';
import { asOfText, at, comparatorWords, deadlineText, effectiveCooperating, effectiveLead, effectivePeople, effectiveResponsible, milestonesText, names, peopleText, numberPrefix, targetsCell } from './text.js';
import { repack } from './zip.js';

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const WRAP = { wrapText: true, vertical: 'middle' } as const;

/** Whether a section or any section below it has a task or an indicator: empty sections make no row. */
function hasContent(s: Section): boolean {
  return s.tasks.length > 0 || s.indicators.length > 0 || s.sections.some(hasContent);
}

/** Width in Excel's units: a CJK or full-width character is two, anything else one. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}

/** The lines a cell's text wraps to in a column `width` units wide (less the cell's padding). */
function wrappedLines(text: string, width: number): number {
  const usable = Math.max(width - 1.5, 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

/** A row as tall as its most wrapped cell; `widths` are the row's cells' column widths (merged: summed). */
function fitHeight(row: ExcelJS.Row, widths: readonly number[]): void {
  let lines = 1;
  widths.forEach((w, i) => {
    const v = row.getCell(i + 1).value;
    if (typeof v === 'string' && v) lines = Math.max(lines, wrappedLines(v, w));
  });
  row.height = lines * TABLE.lineHeight + 4;
}

/** What a column of the responsibility table says about a task, and the columns a plan's table has. */
type Column = { key: string; header: string; width: number };

/** The table's columns: the fixed ones, with 配合单位 after 责任单位 when some task or section names one, 标签 after 工作任务 when some task has tags. */
function tableColumns(plan: Plan): Column[] {
  const cols: Column[] = [...TABLE.columns];
  const owners = [...plan.allTasks, ...plan.allSections];
  const at = cols.findIndex((c) => c.key === 'responsible') + 1;
  const extra: Column[] = [];
  if (owners.some((o) => o.cooperating.length > 0)) extra.push(TABLE.optional.cooperating);
  const roles = new Set(owners.flatMap((o) => o.people.map((p) => p.role)));
  if (roles.size > 0) extra.push({ ...TABLE.optional.people, header: roles.size === 1 ? [...roles][0] : TABLE.optional.people.header });
  cols.splice(at, 0, ...extra);
  if (plan.allTasks.some((t) => t.tags.length > 0)) cols.splice(cols.findIndex((c) => c.key === 'task') + 1, 0, TABLE.optional.tags);
  return cols;
}

/** 责任人 in a cell: the names alone under a column headed by their one role, else each with its role. */
function peopleCell(people: readonly Person[], columns: readonly Column[], m: Marks): string {
  const header = columns.find((c) => c.key === 'people')?.header;
  return peopleText(people, header === TABLE.optional.people.header || people.some((p) => p.role !== header), m);
}

// Shared style objects: exceljs files each cell's style by its content, and new objects per cell made
// a 5,000-task table's styling cost a second.
const FONT_PLAIN = { name: TABLE.font, size: TABLE.fontSize, bold: false };
const FONT_BOLD = { name: TABLE.font, size: TABLE.fontSize, bold: true };
const CENTER = { ...WRAP, horizontal: 'center' } as const;
const LEFT = { ...WRAP, horizontal: 'left' } as const;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: TABLE.headerFill } };
const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: TABLE.sectionFill } };

// Whole cell styles, one object each, given to cells as they are (never changed through a cell): exceljs
// remembers the style id of a style object it has seen, so a shared object is filed once, where a
// cell's own object had its font, border and alignment written out as XML and looked up for every cell.
type CellStyle = Partial<ExcelJS.Style>;
const PLAIN_CENTER: CellStyle = { border: BORDER, alignment: CENTER, font: FONT_PLAIN };
const PLAIN_LEFT: CellStyle = { border: BORDER, alignment: LEFT, font: FONT_PLAIN };
const HEADER: CellStyle = { border: BORDER, alignment: CENTER, font: FONT_BOLD, fill: HEADER_FILL };
const sectionStyles: CellStyle[] = [];
/** A section row's style (its cells are merged and share it), indented by the section's depth. */
function sectionStyle(depth: number): CellStyle {
  return (sectionStyles[depth] ??= { border: BORDER, alignment: { ...WRAP, horizontal: 'left', indent: depth }, font: FONT_BOLD, fill: SECTION_FILL });
}

/** Gives each of a row's first `cells` cells the style `styleOf(column)` (columns from 1). */
function styleRow(row: ExcelJS.Row, cells: number, styleOf: (c: number) => CellStyle): void {
  for (let c = 1; c <= cells; c++) row.getCell(c).style = styleOf(c);
}

function tasksSheet(wb: ExcelJS.Workbook, plan: Plan, data: unknown, m: Marks): void {
  const ws = wb.addWorksheet('任务分解表', {
    views: [{ state: 'frozen', ySplit: 2, xSplit: 0 }],
    pageSetup: {
      paperSize: TABLE.page.paperSize,
      orientation: TABLE.page.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: TABLE.page.margins,
      printTitlesRow: '2:2',
    },
    headerFooter: { oddFooter: `&C第 &P 页${m.comma}共 &N 页`, evenFooter: `&C第 &P 页${m.comma}共 &N 页` },
  });
  const columns = tableColumns(plan);
  const LAST_COL = columns.length;
  const WIDTHS = columns.map((c) => c.width);
  const TOTAL_WIDTH = [WIDTHS.reduce((a, b) => a + b, 0)];
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));

  const title = ws.addRow([`${plan.title ?? ''}任务分解表`]);
  ws.mergeCells(title.number, 1, title.number, LAST_COL);
  title.getCell(1).font = { name: TABLE.titleFont, size: TABLE.titleSize };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 30;

  const header = ws.addRow(columns.map((c) => c.header));
  styleRow(header, LAST_COL, () => HEADER);
  fitHeight(header, WIDTHS);

  const taskStyle = (c: number) => (c === 1 || c === LAST_COL ? PLAIN_CENTER : PLAIN_LEFT);
  let n = 0;
  const sectionRow = (s: Section, depth: number) => {
    const row = ws.addRow([`${numberPrefix(s.number)}${s.title}`]);
    ws.mergeCells(row.number, 1, row.number, LAST_COL);
    const style = sectionStyle(depth);
    styleRow(row, LAST_COL, () => style);
    fitHeight(row, TOTAL_WIDTH);
  };
  const taskRow = (byKey: Record<string, string | number>) => {
    const row = ws.addRow(columns.map((c) => byKey[c.key] ?? ''));
    styleRow(row, LAST_COL, taskStyle);
    fitHeight(row, WIDTHS);
  };
  const walk = (s: Section, depth: number) => {
    if (!hasContent(s)) return;
    sectionRow(s, depth);
    // A section's own targets take a row of their own, under the section's own units.
    if (s.indicators.length > 0) taskRow({ task: `${s.title}${m.open}总体目标${m.close}`, targets: targetsCell(s.indicators, m), lead: names(s.lead), responsible: names(s.responsible), cooperating: names(s.cooperating), people: peopleCell(s.people, columns, m) });
    for (const t of s.tasks) taskRow({ ...taskCells(t, ++n, data, m), people: peopleCell(effectivePeople(t), columns, m) });
    for (const sub of s.sections) walk(sub, depth + 1);
  };
  // The plan's own targets (a whole list's total investment) take the first row, above every section.
  if (plan.indicators.length > 0) taskRow({ task: `${plan.title ?? ''}${m.open}总体目标${m.close}`, targets: targetsCell(plan.indicators, m) });
  plan.sections.forEach((s) => walk(s, 0));
}

function taskCells(t: Task, n: number, data: unknown, m: Marks): Record<string, string | number> {
  return {
    number: n,
    task: `${numberPrefix(t.number)}${t.title}`,
    tags: t.tags.join('、'),
    targets: targetsCell(t.indicators, m),
    lead: names(effectiveLead(t)),
    responsible: names(effectiveResponsible(t)),
    cooperating: names(effectiveCooperating(t)),
    // 完成时限, then the milestones beside it (2021年3月开工,2023年9月投入使用).
    deadline: [deadlineText(at(data, t.deadline?.path ?? t.path.concat('deadline')), t), milestonesText(t, m)].filter(Boolean).join('\n'),
  };
}

const KIND = { level: '达到水平', increment: '新增', cumulative: '累计' } as const;
const DIRECTION = { raise: '提高', lower: '降低', hold: '保持' } as const;

function indicatorsSheet(wb: ExcelJS.Workbook, plan: Plan, m: Marks): void {
  const years = new Set<number>();
  if (plan.period) for (let y = plan.period.start; y <= plan.period.end && y - plan.period.start < 50; y++) years.add(y);
  for (const ind of plan.allIndicators) for (const t of ind.yearly) if (t.year !== undefined) years.add(t.year);
  const yearList = [...years].sort((a, b) => a - b);
  // 完成情况 columns only for a plan that reports actuals (a progress notice).
  const actualHeads = plan.allIndicators.some((ind) => ind.actual) ? ['完成情况截至', '实际完成', '实际完成单位', `完成率${m.open}%${m.close}`, '完成情况'] : [];
  const heads = ['序号', '所属任务或章节', '指标', '计量单位', '类型', '方向', '基期年份', '基期值', ...yearList.map((y) => `${y}年`), '总体目标年份', '总体目标', '比较', ...plan.regions.map((r) => r.name), ...actualHeads];
  const ws = wb.addWorksheet('指标', {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }],
    pageSetup: { paperSize: TABLE.page.paperSize, orientation: TABLE.page.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: TABLE.page.margins, printTitlesRow: '1:1' },
  });
  const widths = heads.map((_, i) => (i === 0 ? 7 : i === 1 ? 30 : i === 2 ? 34 : 11));
  ws.columns = widths.map((width) => ({ width }));
  const header = ws.addRow(heads);
  styleRow(header, heads.length, () => HEADER);
  fitHeight(header, widths);
  plan.allIndicators.forEach((ind, i) => {
    const byYear = new Map(ind.yearly.map((t) => [t.year, t.value]));
    const cmp = ind.overall?.comparator ?? ind.comparator;
    const row = ws.addRow([
      i + 1,
      ownerLabel(ind),
      ind.parent ? `其中${m.colon}${ind.name}` : ind.name,
      ind.unit ?? '',
      ind.kind ? KIND[ind.kind] : '',
      ind.direction ? DIRECTION[ind.direction] : '',
      ind.baseline?.year ?? '',
      ind.baseline?.value ?? '',
      ...yearList.map((y) => byYear.get(y) ?? ''),
      ind.overall?.year ?? '',
      ind.overall?.value ?? '',
      cmp ? comparatorWords(cmp, m) : '',
      ...regionCells(plan, ind),
      ...(actualHeads.length > 0 ? actualCells(ind) : []),
    ]);
    // 序号 centred, the task and the indicator's name left, every figure centred.
    styleRow(row, heads.length, (c) => (c === 2 || c === 3 ? PLAIN_LEFT : PLAIN_CENTER));
    fitHeight(row, widths);
  });
}

/**
 * An indicator's value in each of the plan's region columns: its split of the overall target, else its
 * last year's; a value in another unit than the indicator's shows its unit ("6000人").
 */
function regionCells(plan: Plan, ind: Indicator): (number | string)[] {
  const split = ind.byRegion.find((s) => s.year === undefined) ?? ind.byRegion[ind.byRegion.length - 1];
  return plan.regions.map((r) => {
    const v = split?.values.find((x) => regionOf(plan, x.key) === r);
    if (!v) return '';
    return v.unit !== undefined && v.unit !== ind.unit ? `${formatNumber(v.value)}${v.unit}` : v.value;
  });
}

/** An indicator's actual in the indicator sheet's 完成情况 columns: 截至, value, its unit when another, rate, status. */
function actualCells(ind: Indicator): (string | number)[] {
  const a = ind.actual;
  if (!a) return ['', '', '', '', ''];
  return [asOfText(a.asOf), a.value ?? '', a.unit ?? '', a.percent ?? '', a.status ?? ''];
}

function ownerLabel(ind: Indicator): string {
  const o = ind.owner;
  return `${numberPrefix(o.number)}${o.title}`;
}

/** The .xlsx of a plan, as bytes that depend only on the plan (`date` is stamped as its time). */
export async function planToXlsx(plan: Plan, data: unknown, date: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'planlint';
  wb.lastModifiedBy = 'planlint';
  wb.title = plan.title ?? '';
  wb.created = new Date(date);
  wb.modified = new Date(date);
  // exceljs also stamps lastPrinted and calcProperties only when asked; nothing else carries a time.
  const marks = marksOf(data);
  tasksSheet(wb, plan, data, marks);
  indicatorsSheet(wb, plan, marks);
  // Stored, not deflated: repack compresses once, and deflating twice was a third of a large plan's time.
  const bytes = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  return repack(new Uint8Array(bytes), date);
}
