/**
 * Lists printed without numbering, in prose, that the numbered shapes of `recognize.ts` cannot see: a
 * progress report's run of project lines (each opens with a project's target, then reports its progress),
 * and a news report's paragraph of areas (围绕…方面, 一是…二是…) each listing its measures. Read as pieces
 * of text with their lines and quotes; the recognizer turns them into sections and tasks. Pure engine code.
 */
import { findUnitClause } from './units.js';

/** A pinyin gloss a web page prints after a character (鎮(zhèn)): kept in quotes, left out of titles and names. */
const GLOSS = /\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)/g;

/** The text without the pinyin glosses a page prints after its characters. */
export function withoutGlosses(text: string): string {
  return text.replace(GLOSS, '');
}

/** The words of `plain` (read without glosses) as `raw` prints them, glosses and all; `plain` where not found. */
function glossedQuote(raw: string, plain: string): string {
  const chars = [...plain].map((c) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(chars.join(`(?:${GLOSS.source})?`)).exec(raw)?.[0] ?? plain;
}

/**
 * Facts read from a text without its glosses, every `quote` in them turned back into the words as `raw` prints
 * them: names read clean, quotes still found in the source line.
 */
export function withGlossedQuotes<T>(raw: string, value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => withGlossedQuotes(raw, v)) as T;
  if (value instanceof Map) return new Map([...value].map(([k, v]: [unknown, unknown]) => [k, withGlossedQuotes(raw, v)])) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'quote' && typeof v === 'string' ? glossedQuote(raw, v) : withGlossedQuotes(raw, v)])) as T;
}

/** One project line of a progress report: its target as printed, its own period, and what it reports. */
export interface ProgressLine {
  line: number;
  /** The opening sentence without its period: the project's name and target (2606个撤并村通公路). */
  target: string;
  /** The opening sentence as printed, period included, for the task's source. */
  quote: string;
  period?: { start: number; end: number };
  /** The rest of the line: the progress it reports (none on a project line that reports nothing). */
  progress: string;
}

/** A caption over a run of progress lines ("主要进度如下:") and the lines under it. */
export interface ProgressRun {
  caption?: { line: number; title: string; quote: string };
  lines: ProgressLine[];
  /** The date the progress is reported at (上半年 of 2015 → 2015-06), where the text states it. */
  asOf?: string;
}

const PROJECT_LINE = /^([^。;;,,::]{4,50}?)(?:[((]((?:19|20)\d{2})\s*[—–\-~至]\s*((?:19|20)\d{2})年?[))])?。(.*)$/;
/** Words that report work done, not planned. */
const PROGRESS = /上半年|前三季度|累计|截至|已完成|已建成|已全部|已提前|占总计划|进展顺利/;

/** A project line; `inRun` where it follows one, when a line of one sentence is a project even without a figure. */
function progressLine(seg: { line: number; text: string }, inRun: boolean): ProgressLine | undefined {
  const m = PROJECT_LINE.exec(seg.text);
  if (!m || !m[1] || (m[4] && !PROGRESS.test(m[4]))) return undefined;
  // A project opens with its target (a figure) or its own period; a sentence with neither is the report's own prose.
  if (!m[2] && !/\d/.test(m[1]) && !(inRun && !m[4])) return undefined;
  const quote = seg.text.slice(0, seg.text.indexOf('。'));
  return { line: seg.line, target: m[1], quote, ...(m[2] && m[3] ? { period: { start: Number(m[2]), end: Number(m[3]) } } : {}), progress: m[4] ?? '' };
}

/**
 * The date words of a report (截至2015年6月, or 上半年 / 前三季度 after a year the same line or one above names),
 * as a month: the `asOf` of every actual it reports.
 */
function reportDate(segs: readonly { text: string }[]): string | undefined {
  let year: string | undefined;
  for (const s of segs) {
    const until = /截至\s*((?:19|20)\d{2})年(\d{1,2})月/.exec(s.text);
    if (until && until[1] && until[2]) return `${until[1]}-${until[2].padStart(2, '0')}`;
    const part = /上半年|前三季度/.exec(s.text);
    const years = [...s.text.slice(0, part ? part.index : undefined).matchAll(/((?:19|20)\d{2})年/g)];
    year = years[years.length - 1]?.[1] ?? year;
    if (part && year) return `${year}-${part[0] === '上半年' ? '06' : '09'}`;
  }
  return undefined;
}

/** A heading printed alone (改善交通環境, 主要进度): short, no sentence punctuation. */
const HEADING = /^[^。;;::,,]{2,30}$/;
/** A heading numbered by a figure and a space (1 医疗卫生): the number, and a name that opens with no figure. */
const NUMBERED_HEADING = /^(\d{1,2})[ \u3000]+([^\d\s。;;::,,、.][^。;;::,,\d]{1,19})$/;

/**
 * The first run of project lines in a row, three or more of them reporting progress (a project may report
 * none), with the caption just above it ("主要进度如下:", or a heading printed alone).
 */
export function progressRun(segs: readonly { line: number; text: string }[]): ProgressRun | undefined {
  for (let i = 0; i < segs.length; i++) {
    const lines: ProgressLine[] = [];
    for (let j = i; j < segs.length; j++) {
      const read = progressLine(segs[j], j > i);
      if (!read) break;
      lines.push(read);
    }
    // A run from a later line of this one ends where it does and holds no more progress: go on after it.
    if (lines.filter((p) => p.progress).length < 3) {
      i += Math.max(lines.length - 1, 0);
      continue;
    }
    const above = segs[i - 1];
    const heading = above ? /([^,,。;;::]{2,12})如下[::]?$/.exec(above.text) ?? HEADING.exec(above.text) : null;
    const caption = above && heading ? { line: above.line, title: withoutGlosses(heading[1] ?? heading[0]), quote: heading[0].replace(/[::]$/, '') } : undefined;
    const asOf = reportDate(segs.slice(0, i + lines.length));
    return { ...(caption ? { caption } : {}), lines, ...(asOf ? { asOf } : {}) };
  }
  return undefined;
}

/**
 * What a project line reports against its target: the 累计 figure (else the period's) and the rate, or the words
 * that say the whole target is met (已提前完成总目标任务), with the quote.
 */
export function progressOf(progress: string, unit: string | undefined): { value?: number; percent?: number; status?: string; quote: string } | undefined {
  if (unit === undefined) return undefined;
  const clauses = progress.split(/[。;;]/);
  const figure = (c: string) => {
    const m = /(\d+(?:\.\d+)?)([\u4e00-\u9fa5]{1,3})/.exec(c);
    return m && m[2] && m[2].startsWith(unit) ? Number(m[1]) : undefined;
  };
  // A 累计 total that is work done (解决, 完成, 建成), not work put down (累计下达), and its rate; else the period's own figure.
  const pick = (test: RegExp) => {
    for (const sentence of clauses) {
      for (const part of sentence.split(/[,,]/)) {
        if (!test.test(part) || figure(part) === undefined) continue;
        const rest = sentence.slice(sentence.indexOf(part) + part.length);
        const rate = /^[,,](占[^,,]{0,8}?的?(\d+(?:\.\d+)?)%)/.exec(rest);
        return { value: figure(part) as number, ...(rate && rate[2] ? { percent: Number(rate[2]) } : {}), quote: rate ? `${part}${rest.slice(0, rate[0].length)}` : part };
      }
    }
    return undefined;
  };
  const met = /[^,,。;;]*?(已(?:提前|全面)?完成[^,,。;;]*?(?:总目标|全年目标|目标)任务)/.exec(progress);
  return pick(/累计(?:[^,,]{0,6}?)(?:完成|解决|建成|实现)/) ?? pick(/已(?:完成|建成|解决)/) ?? (met && met[1] ? { status: met[1], quote: met[0] } : undefined);
}

/** One area of a paragraph of areas (围绕改善交通环境方面, …) and its measures, each with its quote as printed. */
export interface Area {
  line: number;
  /** The number a heading prints before its name ("1 医疗卫生"), where it prints one. */
  number?: string;
  title: string;
  quote: string;
  measures: { line: number; text: string }[];
}

const AREA_OPENING = /(?:围绕|圍繞)([^,,;;。]{2,40}?)方面[,,::]?/g;
const ORDINAL_OPENING = /(?<=^|[。;;,,::])[一二三四五六七八九十]是/g;

/** A verb that opens a measure, in simplified or traditional characters. */
const MEASURE_VERB = /^(?:完成|完善|新建|新增|新改建|建成|建设|建設|创建|創建|启动|啟動|继续|繼續|实施|實施|办好|辦好|举办|舉辦|推进|推進|推动|推動|计划|計劃|开展|開展|提升|改善|改造|打造|加快|实现|實現|扩大|擴大|加强|加強|落实|落實|组织|組織|培育|优化|優化|深化|持续|持續|解决|解決|建立|开工|開工|修建|新改造|改扩建|改擴建)/;

/** Splits a text at the separators outside parentheses and quotes, keeping each piece's offset. */
function piecesOf(text: string, separators: RegExp): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let depth = 0;
  let from = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if ('((“《'.includes(c)) depth++;
    else if ('))”》'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && separators.test(c)) {
      out.push({ text: text.slice(from, k), at: from });
      from = k + 1;
    }
  }
  out.push({ text: text.slice(from), at: from });
  return out;
}

/**
 * The measures of an area: clauses split at ,;, each opening with its own verb (a clause without one goes
 * on the measure before it), and a clause split again at 和 / 、 where a new verb follows (创建…和完成…).
 */
function measuresOf(text: string): string[] {
  const out: string[] = [];
  for (const clause of piecesOf(text, /[,,;;]/)) {
    const t = clause.text.trim();
    if (t.length === 0) continue;
    if (out.length > 0 && !MEASURE_VERB.test(withoutGlosses(t))) {
      out[out.length - 1] += `${text[clause.at - 1] ?? ','}${t}`;
      continue;
    }
    const starts = piecesOf(t, /[和、]/).filter((p, k) => k === 0 || MEASURE_VERB.test(withoutGlosses(p.text)));
    starts.forEach((p, k) => out.push(t.slice(p.at, (starts[k + 1]?.at ?? t.length + 1) - 1).trim()));
  }
  return out.map((m) => m.replace(/[。;;,,]+$/, '')).filter((m) => m.length > 0);
}

/**
 * A paragraph of two or more areas, each introduced by 围绕…方面 (the area named between them) or by 一是 / 二是
 * (the area named by its first clause), to the paragraph's full stop after the last.
 */
export function areasOf(seg: { line: number; text: string }): Area[] | undefined {
  const around = [...seg.text.matchAll(AREA_OPENING)];
  const ordinal = [...seg.text.matchAll(ORDINAL_OPENING)];
  const openings = around.length >= 2 ? around : ordinal.length >= 2 ? ordinal : [];
  if (openings.length < 2) return undefined;
  const measures = (body: string) => measuresOf(body).map((text) => ({ line: seg.line, text }));
  return openings.map((m, k) => {
    const from = (m.index ?? 0) + m[0].length;
    const next = openings[k + 1]?.index ?? seg.text.length;
    const stop = seg.text.indexOf('。', from);
    let body = seg.text.slice(from, stop >= 0 && stop < next ? stop : next).replace(/[。;;,,\s]+$/, '');
    if (m[1] !== undefined) return { line: seg.line, title: withoutGlosses(m[1]), quote: m[0].replace(/[,,::]$/, ''), measures: measures(body) };
    // 一是…: the first clause names the area, the rest are its measures (or it is the only one).
    const first = /^([^,,;;]+)[,,]([\s\S]+)$/.exec(body);
    const title = first && first[1] ? first[1] : body;
    body = first && first[2] ? first[2] : body;
    return { line: seg.line, title: withoutGlosses(title), quote: `${m[0]}${title}`, measures: measures(body) };
  });
}

/** A paragraph that closes with its units clause (…就业创业。城镇新增就业人数1300人。〔责任单位:区人社局〕): a task as the .docx export writes one. */
export function closedByUnits(text: string): boolean {
  const clause = findUnitClause(text);
  return clause !== undefined && clause.quote.length > 0 && text.endsWith(clause.quote);
}

/**
 * Headings printed alone, each over the sentences that are its measures, one a line, each opening with its verb
 * (as the .docx export writes a plan whose sections and tasks are not numbered): two headings with measures or more,
 * or one over a paragraph closed by its units clause, which is a whole task (title, targets and units), whatever its verb.
 * Headings numbered in turn by a figure and a space (1 医疗卫生, 2 教育助学, a newspaper's graphic of a 省's list) take every
 * sentence of the paragraphs under them, and only those headings are sections.
 */
export function headedLists(segs: readonly { line: number; text: string }[]): Area[] | undefined {
  const out: Area[] = [];
  let current: Area | undefined;
  let wholeTask = false;
  // Headings numbered 1, 2, 3… in turn by a figure and a space ("1 医疗卫生", a newspaper's list of areas): every sentence
  // of the paragraphs under one is a measure, whatever its first word (为全省…, 省内…开通率达100%), the last one cut off too.
  let next = 1;
  let numbered = false;
  for (const s of segs) {
    const head = NUMBERED_HEADING.exec(s.text);
    if (head && head[1] && head[2] && Number(head[1]) === next) {
      current = { line: s.line, number: head[1], title: withoutGlosses(head[2]), quote: s.text, measures: [] };
      out.push(current);
      next++;
      numbered = true;
    } else if (numbered) {
      // A line with no sentence punctuation after the list (a caption, the page's furniture) ends it.
      const area = current;
      if (area && !HEADING.test(s.text)) {
        for (const piece of piecesOf(s.text, /。/)) if (piece.text.trim().length > 0) area.measures.push({ line: s.line, text: piece.text.trim() });
      } else current = undefined;
    } else if (HEADING.test(s.text)) {
      current = { line: s.line, title: withoutGlosses(s.text), quote: s.text, measures: [] };
      out.push(current);
    } else if (current && closedByUnits(s.text)) {
      current.measures.push({ line: s.line, text: s.text });
      wholeTask = true;
    } else if (current && /。$/.test(s.text) && MEASURE_VERB.test(withoutGlosses(s.text))) current.measures.push({ line: s.line, text: s.text.slice(0, s.text.indexOf('。')) });
    else current = undefined;
  }
  const lists = out.filter((a) => a.measures.length > 0 && (!numbered || a.number !== undefined));
  return lists.length >= 2 || wholeTask ? lists : undefined;
}
