import { CONTROL_OR_BIDI, type Localized, type Plan } from '../engine/index.js';

/** A rename the service refused, carried across the thread boundary; the session answers it as an LSP error. */
export interface RenameRefused {
  refused: Localized;
}

/**
 * Why a unit may not be renamed to `newName`, or undefined when it may: an empty name, a name of more
 * than one line (or with control characters), or a name another unit already has (the two would silently
 * merge). `current` is the unit's declared name (or the undeclared name being renamed). Quoting the new
 * name for its context (flow list or block) is the fix module's job.
 */
export function renameRefusal(plan: Plan, current: string, newName: string): Localized | undefined {
  if (newName.trim() === '') return { 'zh-CN': '新名称不能为空', en: 'The new name cannot be empty' };
  if (/[\r\n\u2028\u2029]/.test(newName)) return { 'zh-CN': '单位名称只能有一行', en: 'A unit name must be a single line' };
  if (CONTROL_OR_BIDI.test(newName)) {
    return { 'zh-CN': '单位名称不能含控制字符', en: 'A unit name cannot contain control characters' };
  }
  if (newName === current) return undefined;
  const taken = plan.units.find((u) => u.name !== current && (u.name === newName || u.aliases.includes(newName)));
  if (taken) {
    return {
      'zh-CN': `已有名为“${newName}”的单位(${taken.name}),重命名会把两个单位合并为一个`,
      en: `A unit named “${newName}” already exists (${taken.name}); renaming would merge the two units`,
    };
  }
  return undefined;
}

/** Whether a service answer is a refused rename. */
export function isRenameRefused(answer: unknown): answer is RenameRefused {
  return typeof answer === 'object' && answer !== null && 'refused' in answer;
}
