// Round trip: each seed exported to .docx (as `planlint export --to docx --force` does) and imported
// back (as `planlint import` does). Sections, tasks and units must come back equal to the plan file's;
// indicators are compared by value (never by source line or quote: those point into the original text,
// not the exported one), and every difference that remains is listed, with its reason, in
// tests/roundtrip/<seed>.differences.txt — a new difference, or one fixed, fails until that list is
// reviewed and updated (`npx vitest run tests/roundtrip.test.ts -u`).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlan, importDocument, type Indicator, type Plan, type Section, type Target, type Task } from '../src/engine/index.js';
import { parseYaml } from '../src/engine/parse.js';
import { exportPlan } from '../src/export/export.js';

const ROOT = path.resolve(__dirname, '..');
const SEEDS = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.plan.yaml')).sort();
const planOf = (text: string): Plan => buildPlan(parseYaml(text).data);

/** Numbers compare as printed: 1 and 1. are one number, (一) and (一) too. */
const number = (n: string | undefined) => (n ?? '').replace(/[(]/g, '(').replace(/[)]/g, ')').replace(/[.．、\s]+$/, '');
const names = (refs: readonly { name: string }[]) => refs.map((r) => r.name);

interface Item {
  kind: 'section' | 'task';
  number: string;
  title: string;
  lead: string[];
  responsible: string[];
  indicators: Indicator[];
}

/** Sections and tasks in document order (a section's tasks, then its sub-sections, as the export writes them). */
function items(plan: Plan): Item[] {
  const out: Item[] = [];
  const walk = (s: Section) => {
    out.push({ kind: 'section', number: number(s.number), title: s.title, lead: names(s.lead), responsible: names(s.responsible), indicators: s.indicators });
    for (const t of s.tasks) out.push(taskItem(t));
    s.sections.forEach(walk);
  };
  plan.sections.forEach(walk);
  return out;
}

function taskItem(t: Task): Item {
  return { kind: 'task', number: number(t.number), title: t.title, lead: names(t.lead), responsible: names(t.responsible), indicators: t.indicators };
}

/**
 * Documented exception: a long title comes back cut at one of its commas, or before 举办/按照/大力/进一步.
 * The document prints "(6)利用财政性资金和国有资产举办的幼儿园全部用于扩大公办资源。" exactly as a source prints
 * a run-on first sentence, and the importer takes a heading to be the first clause of such a sentence
 * (what the seeds' own titles are in most plans, see `titleOf`); nothing in the text tells the two apart.
 */
function titleCameBack(gold: string, got: string): boolean {
  if (gold === got) return true;
  const rest = gold.slice(got.length);
  // "精准扶贫:农村饮用水安全巩固提升" (a table row's 项目 cell) comes back as its run-in head before the colon,
  // as a heading "精准扶贫:……" of a real document is read.
  if (got.length >= 2 && gold.startsWith(got) && /^[::]/.test(rest)) return true;
  return got.length >= 6 && gold.startsWith(got) && /^([,,]|大力推行|大力|按照|举办|进一步)/.test(rest);
}

const flat = (list: readonly Indicator[]): Indicator[] => list.flatMap((i) => [i, ...flat(i.parts)]);
const target = (t: Target | undefined) => (t ? `${t.year ?? '-'}:${t.value}${t.comparator ?? ''}` : '∅');
const years = (i: Indicator) => i.yearly.map(target).join(' ') || '∅';

const FIELDS: [string, (i: Indicator) => string][] = [
  ['kind', (i) => i.kind ?? '∅'],
  ['unit', (i) => i.unit ?? '∅'],
  ['comparator', (i) => i.comparator ?? '∅'],
  ['baseline', (i) => target(i.baseline)],
  ['yearly', years],
  ['overall', (i) => target(i.overall)],
  ['actual', (i) => (i.actual ? `${i.actual.asOf ?? '-'}:${i.actual.value ?? '-'}${i.actual.unit ?? ''}|${i.actual.percent ?? '-'}%|${i.actual.status ?? '-'}` : '∅')],
];

/**
 * Why an indicator field differs after the round trip. The importer reads indicators out of prose, so
 * these are the limits of that reading on the exported sentences (the same limits `npm run import-score`
 * measures on the original texts), not losses of the exporter.
 */
const REASON: Record<string, string> = {
  missing: 'not recognised: the importer finds no figure it reads as this indicator in the sentence',
  name: 'name: the importer names an indicator by the words next to its figure, a shorter or longer span than the plan file’s name',
  kind: 'kind: guessed from the verb (新增/达到/累计) and the unit',
  unit: 'unit: the measure word read after the figure',
  comparator: 'comparator: read from 以上/以内/不低于 next to the figure',
  baseline: 'baseline: read only from 截至…年 / 由…年的… sentences',
  yearly: 'yearly: a year is read only where the sentence names it',
  overall: 'overall: a year is read only where the sentence names it (到…年)',
  actual: 'actual: read back from a 截至…年…月 sentence: the figure and the rate, not a status in words',
};

/**
 * Documented exceptions: value differences that nothing in the exported sentence resolves, by seed, keyed
 * `<indicator name>: <field>`, each with the reason. They stay in the differences file, under their reason
 * rather than as losses; an exception that no longer occurs fails the test (take it off the list).
 */
const VALUE_EXCEPTIONS: Record<string, Record<string, string>> = {
  '000-shanwei-chengqu-2022.plan.yaml': {
    '完成2022年度退役军人移交安置任务: yearly': 'the year is in the name (确保100%完成2022年度…任务), not a year the sentence is dated by; in this one-year plan, 2022 and no year say the same',
    '完成2022年度退役军人移交安置任务: overall': 'the same fact as its yearly 2022 (see the yearly line)',
    '完成2022年退役军人移交安置任务: yearly': 'the year is in the name (确保100%完成2022年…任务), as for 完成2022年度…',
    '完成2022年退役军人移交安置任务: overall': 'the same fact as its yearly 2022 (see the yearly line)',
    '消除集体经济薄弱村: kind': '“2020年,消除集体经济薄弱村30%”: a share removed that year (increment) or the share reached (level); the words do not say which',
    '隔离房间储备: kind': '“落实全区2200个隔离房间储备”: a reserve held (level) or rooms provided (increment); 落实 says neither',
  },
  '001-longwan-qiyouxiang-2024.plan.yaml': {
    '从事综合帮扶并纳入街道助联体管理的专业人员: kind': '“确保2名以上专业人员从事综合帮扶”: staff each station keeps (level) or hires (increment); no verb before the count says which',
    '街道助联体服务站实现规范有效运行: kind': '“到2024年,全区10个街道助联体服务站实现规范有效运行”: the stations running then (level) or stations added (increment); no verb before the count',
  },
  '002-linyi-minsheng-2021.plan.yaml': {
    '实现普通门诊费用省内及跨省联网直接结算的市内定点医院: kind': '“年底前10家以上市内定点医院实现…结算”: the hospitals that offer it by then (level) or hospitals added (increment); no verb before the count',
  },
  '003-qijiang-minsheng-2018-2020.plan.yaml': {
    '博物馆: baseline': 'the source counts the baseline in 个 (美术馆、博物馆各1个), the target in 家: a baseline is taken only in its target’s unit',
    '基层综合文化服务中心覆盖率: yearly': 'the plan file has both 2020’s target and the overall target to 2020, equal: one sentence (到2020年…达100%) states them, and reads back as the overall alone, as in the plans that set only the overall',
    '人均体育场地面积: comparator': 'the bound 以上 is on the overall target only; "达到1.8平方米以上(分年度为2018年1.5平方米…)" reads as a bound of the indicator, as the plans print one for all its years',
    '人均体育场地面积: overall': 'the same 以上: on the overall target in the plan file, on the indicator when read back',
    '惠及学生: kind': '“计划惠及学生1.5万人左右”: the pupils the scheme reaches (level, as the plan file has it) or pupils added (increment, as 惠及 reads); the words do not say which',
    '放映惠民电影: kind': '“2018年,放映惠民电影4000场左右”: that year’s screenings, a level in the plan file, or screenings done (increment, as 放映 reads); the words do not say which',
  },
  '006-yueyanglou-wanchengqingkuang-2017.plan.yaml': {
    '完成征缴基金: unit': 'the source’s 项目 cell prints 10000万元, its target cell 10000万 (the plan file keeps the cell’s 万): the document prints the title, which holds the target’s words, and 万 alone is no measuring unit the importer reads',
    '完成征缴基金: actual': 'the same pair: 完成7965万 is read in its own unit, 万, as it differs from the 万元 read for the target',
    '城市低保补差水平月均: comparator': 'the plan file encodes 达到 as comparator "=", and the document prints 达到 for that and for no comparator alike: the words do not tell the two apart',
    '农村低保补差水平月均: comparator': 'the same 达到 (see 城市低保补差水平月均)',
  },
  '010-jiaxing-piaojue-2023.plan.yaml': {
    '避災安置場所規範化率: comparator': 'the plan file encodes 達 as comparator "=", and the document prints 達 (the source’s quote) for that and for no comparator alike: the words do not tell the two apart',
  },
  // The names 011's and 012's plan files give in their own words; the document prints the source's quote.
  '011-fenghua-shida-2024.plan.yaml': {
    '上消化道癌和结直肠癌筛查: name': '“开展5万名40-74周岁居民上消化道癌和结直肠癌筛查”: the plan file names the screening without its verb and the people screened; the importer names a count by its verb and the noun after it, as in every plan (开展居民…筛查)',
    '创成省一级幼儿园: name': '“创成省现代化学校6所、省一级幼儿园4所”: the plan file gives the second item the verb of the first; seed 000 does not (新增国家级名牌1个、省级名牌1个: 省级名牌), so an item is named by its own words',
    '整治“起伏路”: name': '“整治“桥头跳车”2座、“起伏路”1.5公里”: the verb of the first item given to the second, as for 创成省一级幼儿园',
    '全年助餐配送餐服务人次: name': 'the plan file keeps 全年 in this name; the importer drops 全年 before a name (in a one-year plan, the plan’s own year), as the other plan files name theirs',
    '全区千人托位数: name': 'the plan file keeps 全区 in this name; the importer drops the plan’s area word before a name, as the other plan files name theirs (学前三年毛入园率)',
    '配备智能终端的村(社区)居家养老服务机构: name': '“为30个村(社区)居家养老服务机构配备智能终端”: the plan file reorders the words (…配备智能终端的…机构); the importer keeps them in the printed order',
    '增配气胀式自扶正救生筏的外海大型渔船: name': '“为全区739艘外海大型渔船每艘增配1只气胀式自扶正救生筏”: the plan file names the boats by what they are given; the importer names them by the noun after the figure (外海大型渔船) and notes 每艘增配1只',
    '气胀式自扶正救生筏配置率: name': '“…气胀式自扶正救生筏,配置率100%”: the plan file names the rate by the raft of the clause before; the clause itself says only 配置率',
  },
  '012-yangxian-shida-2024.plan.yaml': {
    '龍亭鎮農村公路生命防護工程: name': '“在龍亭鎮實施農村公路生命防護工程31.656公里”: the plan file drops 在 and 實施 around the place; the importer keeps the words before the figure as printed',
    '槐樹關鎮農村公路生命防護工程: name': 'the same 在…實施 (see 龍亭鎮農村公路生命防護工程)',
    '田塊整治: name': '“實施田塊整治500畝”: the plan file drops 實施 here but keeps it in 實施土壤培肥、田間監測 on the same line; the importer keeps the verb as printed',
    '建設農橋: name': '“建設機電井7座,農橋5座”: the plan file gives a clause without a verb the verb of the clause before; nothing tells such a clause from one with a verb of its own that the importer does not know (修復堰塘1座 after 實施田塊整治500畝)',
    '建設灌溉渠道: name': 'the verb of the clause before (建設), as for 建設農橋',
    '新建農田林網: name': 'the verb of the clause before (新建田間道路38公里), as for 建設農橋',
  },
};

/**
 * An indicator with no figure to compare (only a relation, a growth rate or a note: 普惠型小微企业贷款较年初增速
 * 不低于各项贷款较年初增速, 救助保障标准再提高10%) is not looked for: no sentence carries a value of it to read back.
 */
const hasValue = (i: Indicator) => i.overall !== undefined || i.yearly.length > 0 || i.baseline !== undefined || i.actual !== undefined;

/**
 * The item read back for each item of the plan file: the one at its place when they come back one for one; else (a seed on
 * UNNUMBERED_TASKS_LOST) the next one of its kind and number whose title begins its title (a heading read back up to its
 * first ";"), none for a task that is lost, whose indicators are then missing rather than compared with another item's.
 */
function counterparts(gold: readonly Item[], back: readonly Item[], oneForOne: boolean): (Item | undefined)[] {
  if (oneForOne) return gold.map((_, k) => back[k]);
  let next = 0;
  return gold.map((g) => {
    const k = back.findIndex((b, i) => i >= next && b.kind === g.kind && b.number === g.number && g.title.startsWith(b.title));
    if (k < 0) return undefined;
    next = k + 1;
    return back[k];
  });
}

/** Matches each indicator of an owner to one imported back: same name, else same unit and figures. */
function differences(gold: readonly Indicator[], got: readonly Indicator[], owner: string): string[] {
  const g = flat(gold);
  const h = flat(got);
  const used = new Set<number>();
  const out: string[] = [];
  const figures = (i: Indicator) => `${i.unit}|${target(i.overall)}|${years(i)}`;
  const overallOf = (i: Indicator) => `${i.unit}|${i.overall?.value}`;
  for (const ind of g) {
    if (!hasValue(ind)) continue;
    const pick = (test: (j: Indicator) => boolean) => h.findIndex((j, k) => !used.has(k) && test(j));
    let k = pick((j) => j.name === ind.name);
    if (k < 0) k = pick((j) => figures(j) === figures(ind));
    if (k < 0 && ind.overall) k = pick((j) => overallOf(j) === overallOf(ind));
    if (k < 0 && ind.yearly.length > 0) k = pick((j) => j.unit === ind.unit && j.overall === undefined && years(j) === years(ind));
    if (k < 0) {
      out.push(`${owner} › ${ind.name}: missing (${figures(ind)})`);
      continue;
    }
    used.add(k);
    const back = h[k];
    if (back.name !== ind.name) out.push(`${owner} › ${ind.name}: name → ${back.name}`);
    for (const [field, read] of FIELDS) if (read(ind) !== read(back)) out.push(`${owner} › ${ind.name}: ${field} ${read(ind)} → ${read(back)}`);
  }
  return out;
}

/**
 * Known difference, listed so that its fix is noticed: a section whose only task has no number comes back
 * without that task, its paragraph read as the section's own text. The tests below fail for a listed seed
 * once the task comes back: then take it off the list. Empty: 008's item 三 comes back, its task's paragraph
 * read as a task (a heading printed alone over a sentence with a figure, see `taskParagraph` in recognize.ts).
 */
const UNNUMBERED_ONLY_TASK = new Set<string>([]);

/**
 * Known differences, listed likewise: unnumbered tasks that do not come back one for one, each seed with the
 * units that do not come back. The tests below fail for a listed seed once its tasks come back: then take it
 * off the list. The export writes an unnumbered task as its own paragraph (with its units clause where it
 * states one), and the importer reads each such sentence under a heading printed alone as a task — 009's
 * items 3 and 4 and 010's bullets come back, and 008's item 三, whose own indicator (预计需投入资金2000万左右, from the
 * source's 资金筹措) is written under the heading after the section's units clause, which opens the paragraph as the
 * section's own (issue #20). 011's measures come back one for one: a sentence without a figure (建设投用…,实施…工程) is a
 * task of a list whose other sentences are. 016's item 二, which has no opening clause (its section's title is its two
 * measures joined by ";"), comes back with its two tasks: a heading that is its measures, each printed again under it, is
 * read as a heading printed alone. None listed now.
 */
const UNNUMBERED_TASKS_LOST = new Map<string, string[]>([]);

/**
 * Plans whose rows, under an unnumbered caption, came back as sections of their own, listed likewise. 012 (the caption
 * 洋縣…清單 over rows "1." to "6.", row 4 "4.2024年農村公路…") was one until the importer read a caption in traditional
 * characters and a number followed by a year with 年 (issue #20): none now. The test below fails for a seed listed here
 * once its rows come back as tasks.
 */
const ROWS_BACK_AS_SECTIONS = new Set<string>();

/**
 * Plans whose exported document gives back no plan at all ("没有识别出计划结构", as their sources do): nothing in them
 * is numbered, so no numbered heading tells the importer a section or a task from a sentence. 013 (one unnumbered caption
 * over eight unnumbered projects) and 014 (five unnumbered areas over fifteen unnumbered measures) were, until the importer
 * read lists printed in prose (prose-lists.ts, issue #21), and 015 (one unnumbered section over one unnumbered task, a
 * heading alone over one paragraph that ends in its units clause) until a heading alone over such a paragraph was read
 * as a section with one task (`headedLists`). None now. The test fails for a listed seed once it imports: then take it
 * off the list.
 */
const NOT_READ_BACK = new Set<string>([]);

describe.each([...NOT_READ_BACK])('%s → .docx → import', (seed) => {
  it('gives back no plan (nothing numbered)', async () => {
    const exported = await exportPlan(fs.readFileSync(path.join(ROOT, 'seeds', seed), 'utf8'), 'docx', { force: true });
    if (!exported.ok) throw new Error(`export refused: ${exported.reason}`);
    const imported = importDocument(exported.bytes, seed.replace('.plan.yaml', '.docx'));
    expect('code' in imported ? imported.code : 'imported', 'it imports right now: take it off NOT_READ_BACK').toBe('no-plan');
  });
});

describe.each(SEEDS.filter((seed) => !NOT_READ_BACK.has(seed)))('%s → .docx → import', (seed) => {
  let gold: Item[];
  let back: Item[];
  beforeAll(async () => {
    const text = fs.readFileSync(path.join(ROOT, 'seeds', seed), 'utf8');
    // Seeds keep their sources' mistakes, so some have errors: exported as `--force` does.
    const exported = await exportPlan(text, 'docx', { force: true });
    if (!exported.ok) throw new Error(`export refused: ${exported.reason}`);
    const imported = importDocument(exported.bytes, seed.replace('.plan.yaml', '.docx'));
    if ('code' in imported) throw new Error(`import failed: ${imported.code}`);
    gold = items(planOf(text));
    back = items(planOf(imported.result.yaml));
  });

  it('gives back the sections and tasks, in order, with their numbers and titles', () => {
    if (ROWS_BACK_AS_SECTIONS.has(seed)) {
      expect(back.map((i) => `${i.kind} ${i.number}`), 'it comes back right now: take it off ROWS_BACK_AS_SECTIONS').not.toEqual(gold.map((i) => `${i.kind} ${i.number}`));
      // Every row comes back, in order, as a section: the tasks' numbers but the one read as a figure.
      expect(back.map((i) => `${i.kind} ${i.number}`)).toEqual(gold.filter((i) => i.kind === 'task').map((i) => `section ${i.number === '4' ? '' : i.number}`));
      return;
    }
    if (UNNUMBERED_TASKS_LOST.has(seed)) {
      expect(back.map((i) => `${i.kind} ${i.number}`), 'it comes back right now: take it off UNNUMBERED_TASKS_LOST').not.toEqual(gold.map((i) => `${i.kind} ${i.number}`));
      // Every section and every numbered task comes back, in order; only unnumbered tasks may be lost.
      const kept = (list: Item[]) => list.filter((i) => i.kind === 'section' || i.number !== '').map((i) => `${i.kind} ${i.number}`);
      expect(kept(back)).toEqual(kept(gold));
      return;
    }
    if (UNNUMBERED_ONLY_TASK.has(seed)) {
      expect(back.map((i) => `${i.kind} ${i.number}`), 'it comes back right now: take it off UNNUMBERED_ONLY_TASK').not.toEqual(gold.map((i) => `${i.kind} ${i.number}`));
      expect(back.map((i) => `${i.kind} ${i.number}`)).toEqual(gold.filter((i) => i.kind === 'section' || i.number !== '').map((i) => `${i.kind} ${i.number}`));
      return;
    }
    expect(back.map((i) => `${i.kind} ${i.number}`)).toEqual(gold.map((i) => `${i.kind} ${i.number}`));
    const titles = gold.filter((g, k) => !titleCameBack(g.title, back[k]?.title ?? ''));
    expect(titles.map((g) => `${g.number} ${g.title} → ${back[gold.indexOf(g)]?.title}`)).toEqual([]);
  });

  it('gives back the lead and responsible units of every section and task', () => {
    if (ROWS_BACK_AS_SECTIONS.has(seed)) {
      const rows = (list: Item[]) => list.map((i) => `${i.lead.join('、')}; ${i.responsible.join('、')}`);
      expect(rows(back)).toEqual(rows(gold.filter((i) => i.kind === 'task')));
      return;
    }
    if (UNNUMBERED_ONLY_TASK.has(seed)) {
      const kept = gold.filter((i) => i.kind === 'section' || i.number !== '');
      expect(back.map((i) => `${i.number}: ${i.lead.join('、')}; ${i.responsible.join('、')}`)).toEqual(kept.map((i) => `${i.number}: ${i.lead.join('、')}; ${i.responsible.join('、')}`));
      return;
    }
    if (UNNUMBERED_TASKS_LOST.has(seed)) {
      const units = (list: Item[]) => [...new Set(list.flatMap((i) => [...i.lead, ...i.responsible]))].sort();
      const lost = UNNUMBERED_TASKS_LOST.get(seed)!;
      expect(units(back)).toEqual(units(gold).filter((u) => !lost.includes(u)));
      return;
    }
    expect(back.map((i) => `${i.number} ${i.title.slice(0, 10)}: ${i.lead.join('、')}; ${i.responsible.join('、')}`)).toEqual(
      gold.map((i, k) => `${i.number} ${(back[k]?.title ?? i.title).slice(0, 10)}: ${i.lead.join('、')}; ${i.responsible.join('、')}`),
    );
  });

  it('gives back each indicator’s name, kind, unit, baseline, years, overall target and comparator, but for the listed differences', async () => {
    const all: string[] = [];
    const match = counterparts(gold, back, !UNNUMBERED_TASKS_LOST.has(seed));
    gold.forEach((g, k) => all.push(...differences(g.indicators, match[k]?.indicators ?? [], `${g.number} ${g.title.slice(0, 16)}`)));
    const known = Object.entries(VALUE_EXCEPTIONS[seed] ?? {});
    const excepted = (l: string) => known.find(([key]) => l.includes(` › ${key} `));
    const lines = all.filter((l) => !excepted(l));
    const gone = known.filter(([key]) => !all.some((l) => l.includes(` › ${key} `))).map(([key]) => key);
    expect(gone, 'these documented exceptions come back right now: take them off VALUE_EXCEPTIONS').toEqual([]);
    const unvalued = gold.reduce((n, g) => n + flat(g.indicators).filter((i) => !hasValue(i)).length, 0);
    const count = (field: string) => lines.filter((l) => new RegExp(`: ${field}\\b`).test(l)).length;
    const total = gold.reduce((n, g) => n + flat(g.indicators).length, 0);
    const header = [
      `# ${seed}: ${total} indicators; the differences after export to .docx and import back, one a line.`,
      '# Reasons (the importer reads indicators out of prose):',
      ...Object.entries(REASON).map(([field, why]) => `#   ${field} (${count(field)}): ${why}`),
      `# Not compared (${unvalued}): indicators without a figure (a relation, a growth rate or a note only).`,
      ...(known.length > 0 ? ['# Documented exceptions (nothing in the sentence resolves them), each with its reason:'] : []),
      ...all.filter(excepted).map((l) => `#   ${l} — ${excepted(l)?.[1]}`),
    ];
    await expect([...header, ...lines, ''].join('\n')).toMatchFileSnapshot(`roundtrip/${seed.replace('.plan.yaml', '')}.differences.txt`);
  });
});
