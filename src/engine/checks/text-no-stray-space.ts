import { localized } from '../messages.js';
import { defineRule } from '../rules.js';
import type { DataPath, Localized } from '../types.js';

const SPACE = /[ \u3000]+/g;
const HAN = /\p{Script=Han}/u;
/** A figure as the space's left neighbour sees it: digits, a decimal point, and a range's dash (50~74). */
const FIGURE_END = /[0-9０-９.．\-~～—–－]*[0-9０-９]$/;
const DIGIT = /[0-9０-９]/;
const RANGE_DASH = /[-~～—–－]/;
/** What follows a figure as its unit or scale: 3 岁, 100 家, 16 万. Not 年/月/日: a date is not a measure. */
const UNIT_AFTER = /^(?:万|亿|萬|億|千|百|个|個|家|所|人|名|户|戶|套|周岁|周歲|岁|歲|元|米|亩|畝|张|張|床|辆|輛|场|場|次|台|座|条|條|项|項|件|处|處|吨|噸|公里|公顷|公頃|平方米|立方米|千米|小时|小時|倍|%|％)/;

/**
 * The stray spaces of `text`, as [start, end) runs: between two Chinese characters (not in a source
 * quote: a table row's quote joins its cells with spaces, 农林水务局 1300人), between a figure and its
 * unit (3 岁), and inside a range (0- 3岁). A figure set off by spaces on both sides (全市 16 萬名) is
 * the source's typesetting, applied throughout, not a stray space.
 */
function straySpaces(text: string, quote: boolean): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(SPACE)) {
    const start = m.index;
    const end = start + m[0].length;
    // Only the neighbourhood is read: a long quote with many spaces stays linear.
    const before = text.slice(Math.max(0, start - 32), start);
    const after = text.slice(end, end + 4);
    const figure = FIGURE_END.exec(before);
    const setOff = figure !== null && /[ \u3000]$/.test(before.slice(0, figure.index));
    const hanBoth = HAN.test(before.slice(-1)) && HAN.test(after[0] ?? '');
    const toUnit = figure !== null && !setOff && UNIT_AFTER.test(after);
    const inRange = (RANGE_DASH.test(before.slice(-1)) && DIGIT.test(before.slice(-2, -1)) && DIGIT.test(after[0] ?? ''))
      || (DIGIT.test(before.slice(-1)) && RANGE_DASH.test(after[0] ?? '') && DIGIT.test(after[1] ?? ''));
    if ((hanBoth && !quote) || toUnit || inRange) out.push([start, end]);
  }
  return out;
}

/** What a quoted snippet does not run past: another space, a punctuation mark, a quotation mark or a bracket. */
const SNIPPET_STOP = /[\s\u3000,,、。.;;::!!??“”"‘’'()()《》〈〉【】[\]]/;
const FIGURE_CHAR = /[0-9０-９.．]/;

/**
 * The original text around the one space run [start, end): two characters either side, a figure taken
 * whole (100 家, 50 ~74), never past another space or a punctuation mark, so that it reads as one
 * contiguous piece of the field (新建 学校, not 新建 学校3 所 ).
 */
function snippet(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && start - from < 2 && !SNIPPET_STOP.test(text[from - 1])) from--;
  while (from > 0 && from < start && FIGURE_CHAR.test(text[from - 1]) && FIGURE_CHAR.test(text[from])) from--;
  let to = end;
  while (to < text.length && to - end < 2 && !SNIPPET_STOP.test(text[to])) to++;
  while (to < text.length && to > end && FIGURE_CHAR.test(text[to - 1]) && FIGURE_CHAR.test(text[to])) to++;
  return text.slice(from, to);
}

/** No stray space in Chinese text: in titles, names and units (a safe fix), and in sources (reported only). */
export default defineRule('text-no-stray-space', ({ plan, report }) => {
  const visit = (text: string | undefined, path: DataPath, field: Localized, quote = false) => {
    if (!text) return;
    const runs = straySpaces(text, quote);
    if (runs.length === 0) return;
    // The first stray space is quoted; the others are counted (the fix removes them all).
    const around = snippet(text, runs[0][0], runs[0][1]);
    const more = runs.length === 1 ? localized('', '') : localized(`等 ${runs.length} `, ` and ${runs.length - 1} more`);
    if (quote) return report({ messageId: 'inQuote', data: { field, around, more }, path });
    let value = text;
    for (const [s, e] of [...runs].reverse()) value = value.slice(0, s) + value.slice(e);
    // Where every space of the text is stray, only those characters are rewritten; else the value is set whole.
    const all = value === text.replace(SPACE, '');
    const operations = all ? [{ op: 'chars' as const, path, chars: { ' ': '', '\u3000': '' }, value }] : [{ op: 'set' as const, path, value }];
    report({ messageId: 'straySpace', data: { field, around, more, value }, path, fix: { messageId: 'removeSpace', data: { value }, operations } });
  };
  visit(plan.title, ['plan', 'title'], localized('计划标题', 'The plan title'));
  for (const s of plan.allSections) visit(s.title, s.path.concat('title'), localized('章节标题', 'A section title'));
  for (const t of plan.allTasks) {
    visit(t.title, t.path.concat('title'), localized('任务标题', 'A task title'));
    visit(t.quote, t.path.concat('source'), localized('出处原文', 'The source quote'), true);
  }
  for (const ind of plan.allIndicators) {
    visit(ind.name, ind.path.concat('name'), localized('指标名称', 'An indicator name'));
    visit(ind.unit, ind.path.concat('unit'), localized('计量单位', 'A unit'));
  }
});
