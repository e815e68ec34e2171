// Deterministic generator of plan files shaped like the seeds: sections of tasks with lead and
// responsible units and indicators with baselines, yearly targets and overall targets.
// A small share of indicators carry the mistakes the rules look for.
const UNITS = ['区教育局', '区人力资源和社会保障局', '区民政局', '区财政局', '区卫生健康局', '区住房和城乡建设局', '区交通运输局',
  '区文化和旅游局', '区农业农村局', '区市场监督管理局', '区医疗保障局', '区退役军人事务局', '区残联', '区发展和改革局', '区自然资源局'];
const NAMES = ['新建公办幼儿园', '学前三年毛入园率', '城镇新增就业', '改造老旧小区', '培训人次', '基本医疗保险参保率', '新增养老床位', '建设公厕'];

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A plan of `tasks` tasks as YAML text. */
export function generatePlan(tasks, seed = 42) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const out = ['plan:', `  title: 基准测试计划(${tasks}项任务)`, '  period: { start: 2021, end: 2023 }', 'units:'];
  for (const u of UNITS) out.push(`  - name: ${u}`);
  out.push('  - name: 各街镇', '    kind: group', 'sections:');
  const perSection = 25;
  for (let t = 0; t < tasks; t++) {
    if (t % perSection === 0) {
      out.push(`  - number: (${t / perSection + 1})`, `    title: 第${t / perSection + 1}部分`, `    lead: [${pick(UNITS)}]`, '    tasks:');
    }
    out.push(`      - number: "${t + 1}"`, `        title: 任务${t + 1}:${pick(NAMES)}`, `        responsible: [${pick(UNITS)}, 各街镇]`, '        indicators:');
    const a = 2 + Math.floor(r() * 8);
    const b = 2 + Math.floor(r() * 8);
    const c = 2 + Math.floor(r() * 8);
    const wrong = r() < 0.02 ? 1 : 0;
    out.push(`          - name: ${pick(NAMES)}`, '            unit: 所', '            kind: increment', `            yearly: { 2021: ${a}, 2022: ${b}, 2023: ${c} }`, `            overall: { year: 2023, value: ${a + b + c + wrong} }`);
    const base = 60 + Math.floor(r() * 20);
    out.push(`          - name: 覆盖率`, '            unit: "%"', '            kind: level', '            direction: raise', '            comparator: ">="', `            baseline: { year: 2020, value: ${base} }`,
      `            yearly: { 2021: ${base + 2}, 2022: ${base + 4}, 2023: ${base + 6} }`, `            overall: { year: 2023, value: ${base + 6} }`);
  }
  return `${out.join('\n')}\n`;
}
