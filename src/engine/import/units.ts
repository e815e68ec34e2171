/**
 * Unit clauses (牵头单位 / 责任单位 / 配合单位) as Chinese plans print them. Pure string work: the recognizer
 * finds the clause in a task's or a section's text and keeps every name exactly as printed.
 */

/** 牵头单位, 责任单位 and 配合单位 found in one piece of text, with the clause as printed (for `source.quote`). */
export interface UnitClause {
  lead: string[];
  responsible: string[];
  /** 配合单位 */
  cooperating: string[];
  /** 责任人 — people the clause names (分管领导:何海平): people, not units. */
  people: { role: string; name: string }[];
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

/** The labels of a unit clause, and the list each one fills. */
const LABEL = /(牵头单位|责任单位|配合单位|配合部门|牵头领导|责任领导|分管领导|联系领导|项目责任人)[::]/g;
const ROLE_OF: Record<string, 'lead' | 'responsible' | 'cooperating'> = { 牵头单位: 'lead', 责任单位: 'responsible', 配合单位: 'cooperating', 配合部门: 'cooperating' };

/** 责任人 as a cell or a clause lists them: `何海平`, `何海平、张三`, or `分管领导:何海平` (its own role first). */
export function splitPeople(list: string, role: string): { role: string; name: string }[] {
  return splitUnits(list).map((entry) => {
    const own = /^([^::]{2,12})[::](.+)$/.exec(entry);
    return own ? { role: own[1] ?? role, name: own[2] ?? entry } : { role, name: entry };
  });
}

/**
 * Finds a unit clause in `text`: `牵头单位:X;责任单位:Y、Z;配合单位:W;分管领导:P` (bracketed or not,
 * any of the labels alone; 牵头领导, 责任领导, 分管领导, 项目责任人 name people), `(X牵头,Y配合)` (Y cooperating; `Y参与`, `Y负责`: responsible), and
 * `〔X、Y按职责分工负责〕` (responsible units without a lead). Returns undefined when the text names
 * no unit in any of these forms.
 */
export function findUnitClause(text: string): UnitClause | undefined {
  const leadAt = text.search(/牵头单位[::]/);
  const labels = [...text.matchAll(LABEL)];
  if (labels.length > 0) {
    // The clause starts at its 牵头单位 where it names one, else at its first label; a label just before
    // it in the same sentence (〔分管领导:何海平;牵头单位:…〕) belongs to it too.
    let first = leadAt >= 0 ? leadAt : (labels[0].index ?? 0);
    for (const m of [...labels].reverse()) {
      const at = m.index ?? 0;
      if (at >= first) continue;
      // A full stop or a closing bracket between ends the sentence for every earlier label too.
      if (/[。〕))】\]]/.test(text.slice(at, first))) break;
      first = at;
    }
    const { start, end } = clauseBounds(text, first);
    const clause: UnitClause = { lead: [], responsible: [], cooperating: [], people: [], quote: '' };
    const inside = labels.filter((m) => (m.index ?? 0) >= first && (m.index ?? 0) < end);
    inside.forEach((m, i) => {
      const from = (m.index ?? 0) + m[0].length;
      const to = i + 1 < inside.length ? (inside[i + 1].index ?? end) : end;
      const label = m[1] ?? '';
      const role = ROLE_OF[label];
      // Pushed one by one: concatenated, a paragraph of many labels copied its growing lists (quadratic),
      // and spread into one call, a list of a million names would overflow the stack.
      if (role) for (const name of splitUnits(text.slice(from, to))) clause[role].push(name);
      else for (const person of splitPeople(text.slice(from, to), label)) clause.people.push(person);
    });
    const close = end < text.length ? text.slice(end, end + 1) : '';
    clause.quote = (text.slice(start, end) + close).trim();
    return clause;
  }
  // (X牵头,Y配合) / (X牵头,Y参与)
  const paired = /[((〔]([^()()〔〕]{2,200}?)牵头(?:[,,、;;]([^()()〔〕]{2,300}?)(配合|参与|协同|负责))?[))〕]/.exec(text);
  if (paired) {
    const others = splitUnits(paired[2] ?? '');
    const cooperate = paired[3] === '配合';
    return { lead: splitUnits(paired[1] ?? ''), responsible: cooperate ? [] : others, cooperating: cooperate ? others : [], people: [], quote: paired[0] };
  }
  // 〔X、Y按职责分工负责〕: units with no lead named.
  const shared = /〔([^〔〕]{2,400}?)按职责分工负责〕/.exec(text);
  if (shared) return { lead: [], responsible: splitUnits(shared[1] ?? ''), cooperating: [], people: [], quote: shared[0] };
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
  // The list starts where its clause starts (the first match could start nowhere else): tried from every
  // character, a long paragraph with no member list took quadratic time.
  const a = /(?<![^,,;;::。])([^,,;;::。]*?)等(?:单位)?(?:为|作为)成员单位/.exec(text);
  if (a && a[1]) return { names: splitUnits(a[1]), quote: a[0] };
  const b = /成员单位(?:为|包括|[::])([^。]+)/.exec(text);
  if (b && b[1]) return { names: splitUnits(b[1]), quote: b[0] };
  return undefined;
}

/** A placeholder for many units: 各镇(街道), 各金融机构, 区食安委各成员单位. */
export function isGroupName(name: string): boolean {
  return /^各/.test(name) || /各?成员单位$/.test(name) || /^(相关|有关)/.test(name);
}
