import type { CheckOutput } from './check.js';
import type { Config } from './config.js';
import { listOf, renderLocalized, ruleMeta } from './messages.js';
import { unitMentions } from './model.js';
import { matchRegister } from './register.js';
import { rangeOf } from './locate.js';
import type { FileResult, FindingRow } from './rows.js';
import type { Severity } from './types.js';

const RULE = 'unit-spelling-across-files';

/** 单位写法 — how one file spells a unit the register knows, placed at its first use. */
export interface UnitSpelling {
  /** The unit, as the register names it in full with the place prefix (区卫生健康委员会). */
  unit: string;
  spelling: string;
  at: Pick<FindingRow, 'path' | 'line' | 'column' | 'endLine' | 'endColumn' | 'excerpt'>;
}

/** The spellings a checked file uses for units the register knows: plain data, so it crosses worker threads. */
export function unitSpellings(output: CheckOutput, config: Config | undefined): UnitSpelling[] {
  const register = config?.register;
  if (!register || !output.plan || !output.source) return [];
  const out: UnitSpelling[] = [];
  const seen = new Set<string>();
  for (const { ref } of unitMentions(output.plan)) {
    if (seen.has(ref.name)) continue;
    seen.add(ref.name);
    const match = matchRegister(register, ref.name);
    // A former name is unit-register-form's finding; the same body's current name is its own unit here.
    if (!match || match.former) continue;
    const range = rangeOf(output.source, ref.path);
    const s = output.lines.position(range.start);
    const e = output.lines.position(range.end);
    out.push({
      unit: match.prefix + match.unit.name,
      spelling: ref.name,
      at: { path: ref.path, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, excerpt: output.lines.lineText(s.line) },
    });
  }
  return out;
}

/**
 * Adds to each file the findings of unit-spelling-across-files: for every unit spelt more than one
 * way over the run, the spelling most files use is the reference (the full name on a tie, then the
 * first seen), and each file spelling it otherwise is told where, with the files that use the reference.
 */
export function checkSpellingsAcrossFiles(results: FileResult[], config: Config | undefined): void {
  const setting = config?.rules[RULE]?.severity;
  const meta = ruleMeta(RULE);
  if (!meta || setting === 'off' || !config?.register) return;
  const severity: Severity = setting ?? meta.severity;
  // unit → spelling → the files that use it
  const byUnit = new Map<string, Map<string, FileResult[]>>();
  for (const r of results) {
    for (const s of r.unitSpellings ?? []) {
      const spellings = byUnit.get(s.unit) ?? new Map<string, FileResult[]>();
      byUnit.set(s.unit, spellings);
      const files = spellings.get(s.spelling) ?? [];
      if (!files.includes(r)) files.push(r);
      spellings.set(s.spelling, files);
    }
  }
  for (const [unit, spellings] of byUnit) {
    if (spellings.size < 2) continue;
    const ranked = [...spellings.entries()].sort((a, b) => b[1].length - a[1].length || Number(b[0] === unit) - Number(a[0] === unit));
    const [reference, referenceFiles] = ranked[0];
    for (const [spelling, files] of ranked.slice(1)) {
      for (const r of files) {
        // A file that also uses the reference is told so by the rules within one file.
        if (referenceFiles.includes(r)) continue;
        const at = r.unitSpellings!.find((s) => s.unit === unit && s.spelling === spelling)!.at;
        const shown = referenceFiles.slice(0, 3).map((f) => f.path);
        const files = listOf(referenceFiles.length > 3 ? [...shown, '…'] : shown);
        r.findings.push({ ruleId: RULE, severity, message: renderLocalized(meta.messages.differs, { spelling, reference, files, unit }), ...at });
      }
    }
  }
  for (const r of results) r.findings.sort((a, b) => a.line - b.line || a.column - b.column);
}
