import type { Lang } from '../engine/index.js';

/** The CLI's own words, in both languages. Rule messages come from rule metadata, not from here. */
export const TEXTS = {
  'zh-CN': {
    error: '错误',
    warning: '警告',
    info: '提示',
    problems: (n: number, e: number, w: number, i: number) => `共 ${n} 个问题(${e} 个错误,${w} 个警告,${i} 个提示)`,
    files: (n: number, clean: number) => (clean === n ? `检查了 ${n} 个文件,都没有问题` : clean === 0 ? `检查了 ${n} 个文件,每个都有问题` : `检查了 ${n} 个文件,其中 ${clean} 个没有问题`),
    fixable: (n: number) => `其中 ${n} 个可用 --fix 自动修复`,
    suggestible: (n: number) => `${n} 个有修改建议:确认后用 --fix-suggestion <规则>[:<第几条>] --fix 应用(--fix-dry-run 先看差异)`,
    ruleDocs: (id: string) => `规则说明:planlint rule <规则名>,如 planlint rule ${id}`,
    fixLabel: '修复(--fix):',
    reportForm: (form: string) => `(${form},不是待印发的计划)`,
    offByDefault: (sev: string, id: string) => `默认关闭;在 .planlint.yaml 中写 rules: { ${id}: ${sev} } 开启`,
    rulePage: '完整说明与示例',
    suggestionLabel: (n: number) => `建议 ${n}:`,
    noFiles: '没有找到计划文件(*.plan.yaml / *.plan.yml)',
    tooManyWarnings: (n: number, max: number) => `警告数 ${n} 超过上限 --max-warnings ${max}`,
    fixed: (file: string, n: number) => `${file}:已修复 ${n} 处`,
    configProblems: '配置文件有误',
    unknownExemptionRule: '豁免注释中写了不存在的规则名(见上),该注释没有豁免任何问题',
    reportWritten: (file: string) => `审核报告已写入 ${file}`,
    sameElsewhere: (n: number, lines: readonly number[]) => `同样的问题另有 ${n} 处(任务不同):第 ${lines.join('、')} 行`,
    grouped: (n: number) => `其中 ${n} 个与同一文件中另一个说法相同(任务不同),合并在它之下显示;逐条显示用 --no-group(JSON、SARIF 等格式总是逐条列出)`,
  },
  en: {
    error: 'error',
    warning: 'warning',
    info: 'info',
    problems: (n: number, e: number, w: number, i: number) => `${n} problem${n === 1 ? '' : 's'} (${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${i} info)`,
    files: (n: number, clean: number) => (clean === 0 ? `${n} file${n === 1 ? '' : 's'} checked, none clean` : `${n} file${n === 1 ? '' : 's'} checked, ${clean} clean`),
    fixable: (n: number) => `${n} fixable with --fix`,
    suggestible: (n: number) => `${n} with suggestions: once checked, apply with --fix-suggestion <rule>[:<n>] --fix (--fix-dry-run shows the diff first)`,
    ruleDocs: (id: string) => `About a rule: planlint rule <rule>, e.g. planlint rule ${id}`,
    fixLabel: 'fix (--fix): ',
    reportForm: (form: string) => `(${form}, not a plan to issue)`,
    offByDefault: (sev: string, id: string) => `off by default; turn it on in .planlint.yaml with rules: { ${id}: ${sev} }`,
    rulePage: 'Full page with examples',
    suggestionLabel: (n: number) => `suggestion ${n}: `,
    noFiles: 'No plan files found (*.plan.yaml / *.plan.yml)',
    tooManyWarnings: (n: number, max: number) => `${n} warnings exceed --max-warnings ${max}`,
    fixed: (file: string, n: number) => `${file}: ${n} fixed`,
    configProblems: 'The configuration has problems',
    unknownExemptionRule: 'a disable comment names an unknown rule (see above); it exempts nothing',
    reportWritten: (file: string) => `Review report written to ${file}`,
    sameElsewhere: (n: number, lines: readonly number[]) => `${n} more of the same, on other tasks: line${n === 1 ? '' : 's'} ${lines.join(', ')}`,
    grouped: (n: number) => `${n} findings shown together with one like them; --no-group lists each (JSON, SARIF and the other formats always do)`,
  },
} as const;

/** The export's messages: both languages in one line, as a refusal must be understood whoever reads it. */
export const EXPORT_TEXTS = {
  written: (file: string, format: string) => `已导出 / exported (${format}): ${file}`,
  writtenWithErrors: (n: number) => `注意:计划有 ${n} 个错误,按 --force 照样导出 / note: the plan has ${n} error${n === 1 ? '' : 's'}, exported anyway (--force)`,
  refused: (n: number) =>
    `计划有 ${n} 个错误,未导出;请先修正,或加 --force 强制导出 / the plan has ${n} error${n === 1 ? '' : 's'}; nothing exported. Fix ${n === 1 ? 'it' : 'them'} first, or pass --force`,
  notAPlan: (file: string) => `${file} 不是计划文件(需要 YAML,含 plan 与 sections)/ is not a plan file (YAML with plan and sections)`,
  unreadable: (file: string, why: string) => `无法读取 / cannot read ${file}: ${why}`,
  exists: (file: string) => `${file} 已存在,未覆盖;用 -o 指定输出文件(-o 会覆盖)/ already exists, not overwritten; name the output with -o (which overwrites)`,
  cannotWrite: (file: string, why: string) => `无法写入 / cannot write ${file}: ${why}`,
} as const;

export type Texts = (typeof TEXTS)[Lang];

/** The language from the locale: Chinese unless the locale asks for English. */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.PLANLINT_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return /^en/i.test(locale) ? 'en' : 'zh-CN';
}

export const USAGE = `用法 / Usage:
  planlint [选项] [文件、目录或通配符…]      检查计划文件 / check plan files
  planlint report [选项] [文件…] -o 报告.html  生成审核报告 / write the review report
  planlint import <草稿.docx|.txt|.md|-> [-o 计划.plan.yaml] [--force]
                                             从文档导入计划 / import a plan from a document
  planlint export 计划.plan.yaml --to docx|xlsx [-o 文件] [--force]
                                             导出公文(.docx)或任务分解表(.xlsx)/ export the document or the responsibility table
  planlint rule <规则名>                     显示规则说明 / show a rule's page

文件可以是计划文件,也可以直接是文档(.docx、.txt、.md):文档在内存中导入后检查,问题标在文档的行上。
A file may be a plan file or a document (.docx, .txt, .md): a document is imported in memory and
checked, each finding shown at the document's line.

默认检查当前目录下所有 *.plan.yaml / *.plan.yml。
With no paths, every *.plan.yaml / *.plan.yml under the current folder is checked.

选项 / Options:
  -f, --format <名称>     stylish(默认)| json | sarif | junit | github
  -o, --output <文件>     输出写入文件 / write output to a file
      --lang <语言>       zh-CN | en(默认随系统语言 / default from the locale)
  -c, --config <文件>     配置文件(默认从每个计划所在文件夹向上查找 .planlint.yaml)/ config file for all plans
      --rule <id>=<级别>  覆盖规则级别:off | info | warning | error(可重复)
      --fail-on <级别>    此级别及以上的问题使退出码为 1(默认 error)
      --max-warnings <N>  警告超过 N 个时退出码为 1
      --fix               就地应用安全修复(不应用建议)/ apply safe fixes in place
      --fix-dry-run       只显示修复的差异 / print the fixes as a diff
      --fix-suggestion <规则>[:<n>]
                          与 --fix 或 --fix-dry-run 同用:另外应用该规则每个问题的第 n 条建议(默认 1,可重复)
                          / with --fix or --fix-dry-run: also apply the n-th suggestion (default 1) of the rule's findings
      --no-color          不使用颜色 / no colours
      --no-group          逐条显示相同的问题(默认把说法相同的三条及以上合为一条,列出行号;只影响 stylish)
                          / list every finding (by default stylish shows three or more that say
                          the same of different tasks as one, with their lines)
      --baseline <上一轮> 与上一轮比较:文件、目录(按相对路径配对)或 git 修订版本(如 HEAD~1)
                          / compare with the last round: a file, a folder (files paired by relative
                          path) or a git revision (HEAD~1); each finding new, still open or fixed;
                          only new findings set exit code 1
      --to <格式>         export:docx(GB/T 9704 公文)| xlsx(任务分解表)
      --force             import:覆盖已有文件;export:计划有错误时照样导出
                          / import: replace files; export: a plan that has errors
  -h, --help              显示帮助 / this help
  -v, --version           显示版本 / the version

退出码 / Exit codes:
  0  没有达到 --fail-on 的问题 / no finding at or above --fail-on
  1  有达到 --fail-on 的问题,或警告超过 --max-warnings / findings at or above --fail-on, or too many warnings
     export:计划有错误,未导出 / export: the plan has errors, nothing written
  2  用法错误、配置错误、有文件无法读取或不是计划文件、写入被拒绝,或内部错误
     usage or config error, a file that could not be read or is not a plan, a refused write, or an internal error
`;
