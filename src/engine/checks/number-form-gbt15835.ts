import { localized } from '../messages.js';
import { defineRule } from '../rules.js';
import type { DataPath, Localized } from '../types.js';

/** Characters a figure is written with, either width: digits, decimal point, percent, per mille, slash. */
const FIGURE = /[0-9０-９.．%％‰/／]+/g;
/** Full-width letters, slash and point: read as part of a unit's symbol (ｋｍ, １/１０万) only in `unit`. */
const UNIT_FORMS = /[Ａ-Ｚａ-ｚ／．]/;
const FULL_DIGIT = /[０-９]/;
const ANY_DIGIT = /[0-9０-９]/;

/** The half-width form of a full-width ASCII character (U+FF01–FF5E). */
const half = (c: string): string => String.fromCharCode(c.charCodeAt(0) - 0xfee0);

/**
 * The characters to rewrite in one text: full-width digits and ％ always; in a unit also full-width
 * letters, ／ and ．; elsewhere ．and ／ only when each one stands beside a digit (１．５, １/１０万),
 * since in running text they are punctuation, not part of a figure.
 */
function rewrites(text: string, isUnit: boolean): Record<string, string> {
  const chars: Record<string, string> = {};
  const inFigure = (c: string) => [...text].every((x, i, all) => x !== c || ANY_DIGIT.test(all[i - 1] ?? '') || ANY_DIGIT.test(all[i + 1] ?? ''));
  for (const c of new Set(text)) {
    if (FULL_DIGIT.test(c) || c === '％') chars[c] = half(c);
    else if (UNIT_FORMS.test(c) && (isUnit || ((c === '．' || c === '／') && inFigure(c)))) chars[c] = half(c);
  }
  return chars;
}

/** A full-width form in a figure or unit is reported at its field, with a fix that rewrites only those characters. */
export default defineRule('number-form-gbt15835', ({ plan, report }) => {
  const visit = (text: string | undefined, path: DataPath, field: Localized, isUnit = false) => {
    if (!text) return;
    const chars = rewrites(text, isUnit);
    if (Object.keys(chars).length === 0) return;
    const map = (s: string) => [...s].map((c) => chars[c] ?? c).join('');
    const runs = isUnit ? [text] : [...text.matchAll(FIGURE)].map((m) => m[0]).filter((run) => [...run].some((c) => chars[c] !== undefined));
    if (runs.length === 0) return;
    const value = map(text);
    report({
      messageId: 'fullWidth',
      data: { field, forms: runs.join('、'), half: runs.map(map).join('、') },
      path,
      fix: { messageId: 'toHalfWidth', data: { half: runs.map(map).join('、') }, operations: [{ op: 'chars', path, chars, value }] },
    });
  };
  visit(plan.title, ['plan', 'title'], localized('计划标题', 'The plan title'));
  for (const s of plan.allSections) visit(s.title, s.path.concat('title'), localized('章节标题', 'A section title'));
  for (const t of plan.allTasks) visit(t.title, t.path.concat('title'), localized('任务标题', 'A task title'));
  for (const ind of plan.allIndicators) {
    visit(ind.name, ind.path.concat('name'), localized('指标名称', 'An indicator name'));
    visit(ind.unit, ind.path.concat('unit'), localized('计量单位', 'A unit'), true);
  }
});
