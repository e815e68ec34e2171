/**
 * 完成情况 — a progress table's actuals (实际完成数, 完成率, 实际完成情况, 备注) read into each row's
 * indicators as `actual`, every fact sourced at its cells and nothing invented: no `asOf` where neither
 * the column's name nor the notice's title states the month, no value where the row has several
 * indicators and the cell does not say whose it is. Pure engine code.
 */

type Data = Record<string, unknown>;

/** What one row of a progress table prints beside its target, cell by cell as printed. */
export interface ActualCells {
  /** 实际完成情况 / 完成数: a figure (7558, 300.1元/月) or words (设备购进中). */
  actual?: string;
  /** 完成率: 119%, or 119 under a "完成率%" header. */
  rate?: string;
  /** 备注 / 说明: kept as the actual's note; "城市低保:300.1元/月" names whose figure it is. */
  remark?: string;
  /** The line each cell is printed on, where it is not the row's line. */
  lineOf: (cell: string) => number;
  /** A row of a text table, its cells printed with spaces between: a quote may span two cells ("7558 119%"). */
  spaced?: boolean;
}

/** A figure with its measuring unit as printed: "7558", "300.1元/月", "完成7558人", "10000万". */
const FIGURE = /^(?:已?完成|累计完成|累计)?(\d+(?:\.\d+)?)([\u4e00-\u9fa5]{1,3}(?:\/[\u4e00-\u9fa5]{1,2})?|%)?$/;
/** A completion rate: "119%", or a bare "119" under a header that says %. */
const RATE = /^(\d+(?:\.\d+)?)\s*[%%]?$/;
/** "城市低保:300.1元/月" — a figure named by what it measures, inside a remark. */
const NAMED_FIGURE = /([\u4e00-\u9fa5]{2,12})[::]\s*(\d+(?:\.\d+)?)([\u4e00-\u9fa5]{1,3}(?:\/[\u4e00-\u9fa5]{1,2})?|%)?/g;

/** Whether a cell is a completion rate (54%): a progress table may print it in the 实际完成 column when that is empty. */
export function rateLike(cell: string): boolean {
  return RATE.test(cell.trim());
}

/**
 * The date the actuals are reported at, when the progress column's name or the notice's title states
 * it: "1-8月实际完成情况" under "岳阳楼区2017年1-8月…完成情况表" is 2017-08; "截至6月底" likewise. A year
 * alone, or a month with no year printed, gives none.
 */
export function asOfOf(header: string | undefined, title: string): string | undefined {
  const month = (t: string) => /(\d{1,2})\s*[-—–~～至]\s*(\d{1,2})\s*月/.exec(t)?.[2] ?? /截至\s*(?:\d{4}年)?(\d{1,2})月/.exec(t)?.[1];
  const m = (header !== undefined ? month(header) : undefined) ?? month(title);
  const y = (header !== undefined ? /(\d{4})年/.exec(header)?.[1] : undefined) ?? /(\d{4})年/.exec(title)?.[1];
  if (m === undefined || y === undefined || Number(m) < 1 || Number(m) > 12) return undefined;
  return `${y}-${m.padStart(2, '0')}`;
}

/** The figures a remark names ("城市低保:300.1元/月,农村低保:154.33元/月"), each with its quote. */
function namedFigures(remark: string): { label: string; value: number; unit?: string; quote: string }[] {
  return [...remark.matchAll(NAMED_FIGURE)].map((m) => ({ label: m[1] ?? '', value: Number(m[2]), ...(m[3] ? { unit: m[3] } : {}), quote: m[0] }));
}

/**
 * Each indicator of a row with its `actual` added, where the row's cells state one. A single indicator
 * takes the row's figure (in its unit, or with `unit` where the cell prints another), rate and words; a
 * row with several takes only what a remark names for each ("城市低保:300.1元/月").
 */
export function withActuals<T extends object>(indicators: T[], cells: ActualCells, asOf: string | undefined, line: number): (T | (T & { actual: Data }))[] {
  const actual = cells.actual?.trim() ?? '';
  const rate = cells.rate?.trim() ?? '';
  const remark = cells.remark?.trim() ?? '';
  if (!actual && !rate && !remark) return indicators;
  const named = remark ? namedFigures(remark) : [];
  const single = indicators.length === 1;
  return indicators.map((ind) => {
    const own = ind as Data;
    const name = typeof own.name === 'string' ? own.name : '';
    const unit = typeof own.unit === 'string' ? own.unit : undefined;
    const out: Data = {};
    const quotes: string[] = [];
    let at = line;
    const notes: string[] = [];
    const figure = single ? FIGURE.exec(actual) : null;
    if (figure) {
      out.value = Number(figure[1]);
      if (figure[2] && figure[2] !== unit) out.unit = figure[2];
      quotes.push(actual);
      at = cells.lineOf(actual);
    } else if (single && actual) {
      out.status = actual;
      quotes.push(actual);
      at = cells.lineOf(actual);
    } else if (actual) notes.push(`实际完成栏“${actual}”未写明属于本行${indicators.length}个指标中的哪一个`);
    const r = single ? RATE.exec(rate) : null;
    if (r) {
      out.percent = Number(r[1]);
      if (quotes.length === 0) at = cells.lineOf(rate);
      quotes.push(rate);
    }
    const mine = out.value === undefined ? named.find((n) => n.label.length >= 2 && (name.startsWith(n.label) || n.label.startsWith(name))) : undefined;
    if (mine) {
      out.value = mine.value;
      if (mine.unit && mine.unit !== unit) out.unit = mine.unit;
      quotes.length = 0;
      quotes.push(mine.quote);
      at = cells.lineOf(remark);
    }
    if (out.value === undefined && out.percent === undefined && out.status === undefined) return ind;
    if (remark) notes.push(`备注“${remark}”`);
    // A text table's row prints its cells with spaces between ("7558 119%"); a document's cells are apart.
    const quote = cells.spaced ? quotes.join(' ') : (quotes[0] ?? '');
    return {
      ...ind,
      actual: {
        ...(asOf !== undefined ? { asOf } : {}),
        ...out,
        ...(notes.length > 0 ? { note: notes.join(';') } : {}),
        source: { line: at, quote },
      },
    };
  });
}

/**
 * 完成情况 written in prose, as the .docx export writes it after a target: "截至2017年8月,完成7558人,完成率119%",
 * or "截至2017年8月,城市低保补差水平月均:完成300.1元/月" where one sentence states several indicators. A
 * figure and a rate are read, and words right after the date as the status (设备购进中); the indicator is
 * the one named, else the only one.
 */
export function withProseActuals<T extends object>(indicators: T[], segs: readonly { line: number; text: string }[]): (T | (T & { actual: Data }))[] {
  let out: (T | (T & { actual: Data }))[] = indicators;
  if (indicators.length === 0) return out;
  for (const s of segs) {
    // A month is required: "截至2017年,完成1200人" in a plan is its baseline, not a notice's progress.
    for (const m of s.text.matchAll(/截至(\d{4})年(\d{1,2})月[,,]([^。;;]*)/g)) {
      const asOf = `${m[1]}-${(m[2] ?? '').padStart(2, '0')}`;
      const head = m[0].length - (m[3] ?? '').length;
      // The text from the date on: a status in words runs past the sentence (申报省名牌产品5家。其中……).
      const dated = s.text.slice(m.index);
      // Clause by clause: "名称:" switches to the indicator named; a clause that is not a figure or a rate ends the reading.
      let label: string | undefined;
      let found: Data = {};
      let from = head;
      let pos = head;
      const flush = (to: number) => {
        if (found.value === undefined && found.percent === undefined && found.status === undefined) return;
        const named = (i: T) => typeof (i as Data).name === 'string' && label !== undefined && (((i as Data).name as string).includes(label) || label.includes((i as Data).name as string));
        // The importer names an indicator by the words next to its figure (新增在职参保人数 for 在职参保人数).
        const k = label !== undefined ? out.findIndex(named) : out.length === 1 ? 0 : -1;
        const target = out[k] as Data | undefined;
        if (target && target.actual === undefined) {
          if (found.unit !== undefined && found.unit === target.unit) delete found.unit;
          // The first indicator's quote starts at the date; a later one's at its name.
          const quote = (from === head ? dated.slice(0, to) : dated.slice(from, to)).replace(/[,,]$/, '');
          const actual = { asOf, ...found, source: { line: s.line, quote } };
          out = out.map((i, j) => (j === k ? { ...i, actual } : i));
        }
        found = {};
      };
      for (const raw of (m[3] ?? '').split(/[,,]/)) {
        const start = pos;
        pos += raw.length + 1;
        let p = raw.trim();
        const lead = /^([^::]{2,40})[::](.*)$/.exec(p);
        if (lead) {
          flush(start);
          label = lead[1];
          from = start;
          p = (lead[2] ?? '').trim();
        }
        const v = /^完成(\d+(?:\.\d+)?)([\u4e00-\u9fa5]{1,3}(?:\/[\u4e00-\u9fa5]{1,2})?|%)?$/.exec(p);
        const r = /^完成率(\d+(?:\.\d+)?)%$/.exec(p);
        if (v && found.value === undefined && found.percent === undefined) {
          found.value = Number(v[1]);
          if (v[2]) found.unit = v[2];
        } else if (r && found.percent === undefined) found.percent = Number(r[1]);
        // "截至2017年8月,设备购进中": words right after the date are the actual's status, to the end of the
        // paragraph (the importer reads no target after the date); one of several sentences keeps its full stops.
        else if (start === head && p.length > 0) {
          const rest = dated.slice(start).trim();
          const status = /。./.test(rest) ? rest : rest.replace(/。$/, '');
          found.status = status;
          flush(dated.indexOf(status, start) + status.length);
          break;
        } else {
          flush(start);
          break;
        }
        if (pos > m[0].length) flush(m[0].length);
      }
      flush(Math.min(pos, m[0].length));
    }
  }
  return out;
}
