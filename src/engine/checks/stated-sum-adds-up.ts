import { formatNumber } from '../messages.js';
import { defineRule } from '../rules.js';
import { approxEqual } from './util.js';

const SUM_WORD = /合计|合計|共计|共計|总计|總計/;
// A figure, its scale and its measure word; years, dates, shares and ordinals are not figures that add up.
const FIGURE = /(第)?(\d+(?:\.\d+)?)(万|萬|亿|億|千)?(年|月|日|号|號|%|％|岁|歲)?/g;
const SCALE: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8, 千: 1e3 };
/** A product or a rate (每所1万元, 按…标准, 人均), not a sum. */
const NOT_A_SUM = /每|按|平均|人均/;
const APPROX = /约|約|左右|余|餘|多|近/;

/** The measure word right after a figure: 公里, 平方米, 人次, or one character (个, 家, 户). */
const MEASURE = /^(?:公里|平方米|立方米|人次|户次|戶次|[^\d\s,,、。;;::和及与與(())])?/;

/** The figures of a text that could add up: value, scale (2万 → 1e4) and the text each was written as. */
function figures(text: string): { value: number; scale: number; scaleWord: string; written: string }[] {
  const out: { value: number; scale: number; scaleWord: string; written: string }[] = [];
  for (const m of text.matchAll(FIGURE)) {
    if (m[1] || m[4]) continue;
    const measure = MEASURE.exec(text.slice((m.index ?? 0) + m[0].length))?.[0] ?? '';
    out.push({ value: Number(m[2]), scale: m[3] ? SCALE[m[3]] : 1, scaleWord: m[3] ?? '', written: m[0] + measure });
  }
  return out;
}

/** A figure the source introduces with 合计, 共计 or 总计 is the sum of the figures before it. */
export default defineRule('stated-sum-adds-up', ({ plan, report }) => {
  for (const task of plan.allTasks) {
    if (!task.quote) continue;
    for (const sentence of task.quote.split(/[。;;!!??\n]/)) {
      const word = SUM_WORD.exec(sentence);
      if (!word || NOT_A_SUM.test(sentence) || APPROX.test(sentence)) continue;
      const before = figures(sentence.slice(0, word.index));
      const after = sentence.slice(word.index + word[0].length);
      const stated = figures(after)[0];
      if (before.length < 2 || !stated) continue;
      const sum = Number(before.reduce((a, f) => a + f.value * f.scale, 0).toPrecision(12));
      if (approxEqual(sum, stated.value * stated.scale)) continue;
      // The sum in the figures' own scale where they share one (2 + 3 = 5 万户), else in the base.
      const shared = before.every((f) => f.scale === stated.scale);
      const shown = `${formatNumber(Number((sum / (shared ? stated.scale : 1)).toPrecision(12)))}${shared ? stated.scaleWord : ''}`;
      const phrase = after.slice(0, after.indexOf(stated.written) + stated.written.length);
      report({
        messageId: 'notASum',
        data: { word: word[0], phrase, terms: before.map((f) => f.written).join(' + '), sum: shown, total: stated.written },
        path: task.path.concat('source'),
        target: 'value',
      });
    }
  }
});
