import { RULE_METAS } from './generated/rules.js';
import type { RuleMeta } from './rule-types.js';
import type { Lang, Localized } from './types.js';

/**
 * The values a message template's `{name}` placeholders are filled with. A number prints as a
 * drafter writes it; a Localized value gives each language its own words, so one placeholder
 * serves both templates.
 */
export type MessageData = Record<string, string | number | Localized>;

const BY_ID = new Map<string, RuleMeta>(RULE_METAS.map((m) => [m.id, m]));

/** The metadata of a built-in rule. */
export function ruleMeta(id: string): RuleMeta | undefined {
  return BY_ID.get(id);
}

/** Fills `{name}` placeholders for `lang`; numbers print as written, never in exponent form. */
function renderTemplate(template: string, data: MessageData, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = data[name];
    return v === undefined ? whole : typeof v === 'number' ? formatNumber(v) : typeof v === 'string' ? v : v[lang];
  });
}

/** Renders a message template in every language. */
export function renderLocalized(templates: Localized, data: MessageData): Localized {
  return { 'zh-CN': renderTemplate(templates['zh-CN'], data, 'zh-CN'), en: renderTemplate(templates.en, data, 'en') };
}

/** Words of a message in each language: localized('总体目标', 'the overall target'). */
export function localized(zh: string, en: string): Localized {
  return { 'zh-CN': zh, en };
}

/** A number as a drafter writes it: no float noise (0.1 + 0.2 prints 0.3), no exponent. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.round(n * 1e6) / 1e6;
  const s = String(rounded);
  return s.includes('e') ? rounded.toFixed(6).replace(/\.?0+$/, '') : s;
}

/** List items joined the way each language does: 2022、2023 / 2022, 2023. */
export function listOf(items: readonly (string | number)[]): Localized {
  return localized(items.join('、'), items.join(', '));
}

const SYMBOLS: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '', '>': '>', '<': '<' };

/** A comparator as people write it beside a number: ≥90, ≤2; nothing for plain equality. */
export function comparatorSymbol(c: string | undefined): string {
  return c ? SYMBOLS[c] ?? '' : '';
}
