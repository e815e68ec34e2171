/**
 * The language of the extension's own words (toasts, dialogs, the status bar). `planlint.language` says
 * it when it names a language, whatever VS Code's display language: a drafter who chose Chinese reads
 * "已导入 …" in an English VS Code, as the diagnostics already read. `auto` (or unset) leaves it to VS
 * Code's display language, through vscode.l10n and l10n/bundle.l10n.zh-cn.json.
 */
import * as vscode from 'vscode';
import zhCN from '../../l10n/bundle.l10n.zh-cn.json';

const ZH_CN: Record<string, string | undefined> = zhCN;

/** `planlint.language` when it names a language; undefined for `auto`, unset or a value planlint does not know. */
function chosenLanguage(): 'zh-CN' | 'en' | undefined {
  const chosen = vscode.workspace.getConfiguration('planlint').get<unknown>('language', 'auto');
  return chosen === 'zh-CN' || chosen === 'en' ? chosen : undefined;
}

/** The language of planlint's messages, as a tag: the `planlint.language` setting, else VS Code's own. */
export function messageLanguage(): string {
  return chosenLanguage() ?? vscode.env.language;
}

/** Which of a message's two texts (`{ 'zh-CN', en }`) the drafter reads. */
export function messageText(): 'zh-CN' | 'en' {
  return /^zh/i.test(messageLanguage()) ? 'zh-CN' : 'en';
}

/**
 * `vscode.l10n.t` in planlint's language: the English `message` (a key of l10n/bundle.l10n.zh-cn.json)
 * with `{0}`, `{1}` … filled from `args`.
 */
export function t(message: string, ...args: (string | number | boolean)[]): string {
  const chosen = chosenLanguage();
  if (chosen === undefined) return vscode.l10n.t(message, ...args);
  const template = (chosen === 'zh-CN' ? ZH_CN[message] : undefined) ?? message;
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}
