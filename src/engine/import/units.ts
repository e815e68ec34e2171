/**
 * Unit clauses (牵头单位 / 责任单位) as Chinese plans print them. Pure string work: the recognizer
 * finds the clause in a task's or a section's text and keeps every name exactly as printed.
 */

/** 牵头单位 and 责任单位 found in one piece of text, with the clause as printed (for `source.quote`). */
export interface UnitClause {
  lead: string[];
  responsible: string[];
  quote: string;
}

// Brackets a clause may sit in: 〔…〕, (…), (…), […].
const OPEN = '〔((【[';
const CLOSE = '〕))】]';

/** Splits a printed list of units at 、 , ; (full or half width), keeping each name exactly. */
export function splitUnits(list: string): string[] {
  return list
    .split(/[、,,;;]/)
    .map((s) => s.replace(/^[\s\u3000]+|[\s\u3000。.]+$/g, ''))
    .filter((s) => s.length > 0 && s.length <= 40);
}

/** Where the bracket that opens right before `at` closes (counting nested brackets), or the text's end. */
function clauseBounds(text: string, at: number): { start: number; end: number } {
  const before = text[at - 1];
  if (before === undefined || !OPEN.includes(before)) return { start: at, end: text.length };
  // ( and ( close with ) or ): drafts mix the widths.
  const opens = /[((]/.test(before) ? '((' : before;
  const closes = /[((]/.test(before) ? '))' : (CLOSE[OPEN.indexOf(before)]);
  let depth = 1;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (opens.includes(c)) depth++;
    else if (closes.includes(c) && --depth === 0) return { start: at - 1, end: i };
  }
  return { start: at - 1, end: text.length };
}

/**
 * Finds a unit clause in `text`: `牵头单位:X;责任单位:Y、Z` (bracketed or not), `责任单位:X、Y` alone,
 * `(X牵头,Y配合)`, and `〔X、Y按职责分工负责〕` (responsible units without a lead). Returns undefined
 * when the text names no unit in any of these forms.
 */
export function findUnitClause(text: string): UnitClause | undefined {
  const leadAt = text.search(/牵头单位[::]/);
  const respAt = text.search(/责任单位[::]/);
  if (leadAt >= 0 || respAt >= 0) {
    const first = leadAt >= 0 ? leadAt : respAt;
    const { start, end } = clauseBounds(text, first);
    const body = text.slice(first, end);
    const m = /牵头单位[::]([\s\S]*?)(?:[;;,,。\s]*责任单位[::]([\s\S]*))?$/.exec(body);
    const r = /^责任单位[::]([\s\S]*)$/.exec(body);
    const lead = m ? splitUnits(m[1] ?? '') : [];
    const responsible = m ? splitUnits(m[2] ?? '') : r ? splitUnits(r[1] ?? '') : [];
    const close = end < text.length ? text.slice(end, end + 1) : '';
    return { lead, responsible, quote: (text.slice(start, end) + close).trim() };
  }
  // (X牵头,Y配合) / (X牵头,Y参与)
  const paired = /[((〔]([^()()〔〕]{2,200}?)牵头(?:[,,、;;]([^()()〔〕]{2,300}?)(?:配合|参与|协同|负责))?[))〕]/.exec(text);
  if (paired) {
    return { lead: splitUnits(paired[1] ?? ''), responsible: splitUnits(paired[2] ?? ''), quote: paired[0] };
  }
  // 〔X、Y按职责分工负责〕: units with no lead named.
  const shared = /〔([^〔〕]{2,400}?)按职责分工负责〕/.exec(text);
  if (shared) return { lead: [], responsible: splitUnits(shared[1] ?? ''), quote: shared[0] };
  return undefined;
}

/** The text with its unit clause cut out, so that a title or an indicator never runs into it. */
export function withoutUnitClause(text: string, clause: UnitClause | undefined): string {
  if (!clause) return text;
  const i = text.indexOf(clause.quote);
  return i < 0 ? text : (text.slice(0, i) + text.slice(i + clause.quote.length)).trim();
}

/** A member list: `X、Y、Z等为成员单位` or `成员单位为X、Y` / `成员单位:X、Y`. */
export function findMemberList(text: string): { names: string[]; quote: string } | undefined {
  const a = /([^,,;;::。]*?)等(?:单位)?(?:为|作为)成员单位/.exec(text);
  if (a && a[1]) return { names: splitUnits(a[1]), quote: a[0] };
  const b = /成员单位(?:为|包括|[::])([^。]+)/.exec(text);
  if (b && b[1]) return { names: splitUnits(b[1]), quote: b[0] };
  return undefined;
}

/** A placeholder for many units: 各镇(街道), 各金融机构, 区食安委各成员单位. */
export function isGroupName(name: string): boolean {
  return /^各/.test(name) || /各?成员单位$/.test(name) || /^(相关|有关)/.test(name);
}
