import { attr, child, children, type XmlElement } from './xml.js';

/** One level of a list definition (w:lvl). */
interface Level {
  start: number;
  format: string;
  text: string;
  /** 1-based level after which this one restarts; 0 never; undefined: after any shallower level. */
  restart?: number;
  legal: boolean;
  suffix: 'tab' | 'space' | 'nothing';
  /** The paragraph style bound to this level (w:pStyle inside w:lvl). */
  style?: string;
}

interface NumInstance {
  abstractId: string;
  /** Levels replaced by the instance (w:lvlOverride/w:lvl). */
  levels: Map<number, Level>;
  startOverrides: Map<number, number>;
}

/**
 * 自动编号 — Word's automatic numbering, replayed in document order so that every numbered paragraph
 * gets the label it prints with ("一、", "(二)", "3.", "1.2"). The label is not in the paragraph's text,
 * and plans are recognised by their labels, so without this a Word draft would have no structure.
 */
export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly abstractStyleLink = new Map<string, string>();
  private readonly nums = new Map<string, NumInstance>();
  /** Counters per abstract list: Word continues a list across instances that share a definition. */
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly seenNums = new Set<string>();
  private readonly styles: Map<string, StyleNumbering>;
  /** How many paragraphs got a label. */
  labelled = 0;

  constructor(numberingXml: XmlElement | undefined, styles: Map<string, StyleNumbering>) {
    this.styles = styles;
    if (!numberingXml) return;
    for (const a of children(numberingXml, 'abstractNum')) {
      const id = attr(a, 'abstractNumId') ?? '';
      const levels = new Map<number, Level>();
      for (const l of children(a, 'lvl')) levels.set(Number(attr(l, 'ilvl') ?? 0), readLevel(l));
      this.abstracts.set(id, levels);
      const link = attr(child(a, 'numStyleLink'), 'val');
      if (link) this.abstractStyleLink.set(id, link);
    }
    for (const n of children(numberingXml, 'num')) {
      const inst: NumInstance = { abstractId: attr(child(n, 'abstractNumId'), 'val') ?? '', levels: new Map(), startOverrides: new Map() };
      for (const o of children(n, 'lvlOverride')) {
        const ilvl = Number(attr(o, 'ilvl') ?? 0);
        const so = attr(child(o, 'startOverride'), 'val');
        if (so !== undefined) inst.startOverrides.set(ilvl, Number(so));
        const lvl = child(o, 'lvl');
        if (lvl) inst.levels.set(ilvl, readLevel(lvl));
      }
      this.nums.set(attr(n, 'numId') ?? '', inst);
    }
  }

  /**
   * The label a paragraph prints with, advancing the counters; '' when it is not numbered.
   * `numId`/`ilvl` are the paragraph's own w:numPr, `style` its w:pStyle.
   */
  label(numId: string | undefined, ilvl: number | undefined, style: string | undefined): string {
    let id = numId;
    let level = ilvl;
    if (id === undefined && style !== undefined) {
      const fromStyle = this.styles.get(style);
      if (fromStyle) {
        id = fromStyle.numId;
        level ??= fromStyle.ilvl;
      }
    }
    if (id === undefined || id === '0') return '';
    const inst = this.resolve(id);
    if (!inst) return '';
    const levels = this.abstracts.get(inst.abstractId);
    if (!levels) return '';
    if (level === undefined) {
      // A style bound to a level (w:lvl/w:pStyle) gives the level; else the top one.
      level = 0;
      for (const [n, l] of levels) if (style !== undefined && l.style === style) level = n;
    }
    const def = (n: number) => inst.levels.get(n) ?? levels.get(n);
    const current = def(level);
    if (!current) return '';
    let counters = this.counters.get(inst.abstractId);
    if (!counters) this.counters.set(inst.abstractId, (counters = []));
    if (!this.seenNums.has(id)) {
      this.seenNums.add(id);
      // An instance that restarts a level (startOverride) starts it, and the levels below, afresh.
      for (const n of inst.startOverrides.keys()) counters[n] = undefined;
    }
    const startOf = (n: number) => inst.startOverrides.get(n) ?? def(n)?.start ?? 1;
    counters[level] = counters[level] === undefined ? startOf(level) : (counters[level] as number) + 1;
    for (let d = level + 1; d < Math.max(counters.length, 9); d++) {
      const restart = def(d)?.restart;
      if (restart === undefined ? true : restart !== 0 && level < restart) counters[d] = undefined;
    }
    if (current.format === 'none') return '';
    const text = current.text.replace(/%([1-9])/g, (_m, digit: string) => {
      const n = Number(digit) - 1;
      const value = counters[n] ?? startOf(n);
      const format = current.legal && n < level ? 'decimal' : (def(n)?.format ?? 'decimal');
      return formatNumber(value, format);
    });
    if (current.format === 'bullet') return '';
    if (text === '') return '';
    this.labelled++;
    // Plans print "一、标题" with no gap; a label that does not end in punctuation needs one to stay apart.
    const gap = current.suffix === 'nothing' || /[\p{P}\p{S}]$/u.test(text) ? '' : ' ';
    return text + gap;
  }

  private resolve(numId: string, depth = 0): NumInstance | undefined {
    const inst = this.nums.get(numId);
    if (!inst || depth > 4) return inst;
    // A list defined through a numbering style (w:numStyleLink) takes that style's list.
    const link = this.abstractStyleLink.get(inst.abstractId);
    const target = link === undefined ? undefined : this.styles.get(link)?.numId;
    if (target !== undefined && target !== numId) {
      const linked = this.resolve(target, depth + 1);
      if (linked) return { ...linked, startOverrides: inst.startOverrides.size > 0 ? inst.startOverrides : linked.startOverrides };
    }
    return inst;
  }
}

/** The numbering a paragraph style gives (w:style/w:pPr/w:numPr, through w:basedOn). */
export interface StyleNumbering {
  numId: string;
  ilvl?: number;
}

/** Each paragraph style's numbering, following w:basedOn the way Word inherits it. */
export function readStyleNumbering(stylesXml: XmlElement | undefined): Map<string, StyleNumbering> {
  const own = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  if (stylesXml) {
    for (const s of children(stylesXml, 'style')) {
      const id = attr(s, 'styleId');
      if (id === undefined) continue;
      const numPr = child(child(s, 'pPr'), 'numPr');
      const ilvl = attr(child(numPr, 'ilvl'), 'val');
      own.set(id, {
        numId: attr(child(numPr, 'numId'), 'val'),
        ilvl: ilvl === undefined ? undefined : Number(ilvl),
        basedOn: attr(child(s, 'basedOn'), 'val'),
      });
    }
  }
  const out = new Map<string, StyleNumbering>();
  for (const id of own.keys()) {
    let cur: string | undefined = id;
    let numId: string | undefined;
    let ilvl: number | undefined;
    for (let hops = 0; cur !== undefined && hops < 20; hops++) {
      const s = own.get(cur);
      if (!s) break;
      if (numId === undefined && s.numId !== undefined) numId = s.numId;
      if (ilvl === undefined && s.ilvl !== undefined) ilvl = s.ilvl;
      cur = s.basedOn;
    }
    if (numId !== undefined) out.set(id, { numId, ilvl });
  }
  return out;
}

function readLevel(l: XmlElement): Level {
  const restart = attr(child(l, 'lvlRestart'), 'val');
  const suff = attr(child(l, 'suff'), 'val');
  const legal = child(l, 'isLgl');
  return {
    start: Number(attr(child(l, 'start'), 'val') ?? 1) || 0,
    format: attr(child(l, 'numFmt'), 'val') ?? 'decimal',
    text: attr(child(l, 'lvlText'), 'val') ?? '',
    restart: restart === undefined ? undefined : Number(restart),
    legal: legal !== undefined && attr(legal, 'val') !== 'false' && attr(legal, 'val') !== '0',
    suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    style: attr(child(l, 'pStyle'), 'val'),
  };
}

const CN_DIGITS = '零一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** A counter as Word prints it in a number format (w:numFmt); unknown formats print as decimals. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'lowerLetter':
    case 'upperLetter': {
      // Word repeats the letter past z: aa, bb, …
      if (n < 1) return String(n);
      const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCountingThousand':
    case 'koreanCounting':
    case 'ideographLegalTraditional':
      return chineseCount(n, CN_DIGITS, format === 'ideographLegalTraditional' ? '拾佰仟' : '十百千');
    case 'chineseLegalSimplified':
      return chineseCount(n, CN_LEGAL, '拾佰仟');
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/[0-9]/g, (d) => (d === '0' ? '〇' : CN_DIGITS[Number(d)]));
    case 'ideographTraditional':
      return n >= 1 ? HEAVENLY_STEMS[(n - 1) % 10] : String(n);
    case 'ideographZodiac':
      return n >= 1 ? EARTHLY_BRANCHES[(n - 1) % 12] : String(n);
    case 'ordinal':
      return `${n}${ordinalSuffix(n)}`;
    default:
      return String(n);
  }
}

function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** 一 … 十 … 十一 … 二十 … 一百零一 … 一千: as Word counts in Chinese (10–19 drop the leading 一). */
function chineseCount(n: number, digits: string, units: string): string {
  if (!Number.isInteger(n) || n < 0 || n > 99999) return String(n);
  if (n === 0) return digits[0];
  if (n >= 10000) {
    const rest = n % 10000;
    return `${chineseCount(Math.floor(n / 10000), digits, units)}万${rest === 0 ? '' : (rest < 1000 ? digits[0] : '') + chineseCount(rest, digits, units)}`;
  }
  const places = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const names = [units[2], units[1], units[0], ''];
  let out = '';
  let zero = false;
  for (let i = 0; i < 4; i++) {
    const d = places[i];
    if (d === 0) {
      if (out !== '') zero = true;
      continue;
    }
    if (zero) out += digits[0];
    zero = false;
    out += (d === 1 && i === 2 && out === '' ? '' : digits[d]) + names[i];
  }
  return out;
}
