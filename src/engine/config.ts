import { minimatch } from 'minimatch';
import type { SeveritySetting } from './types.js';
import type { PackRule } from './packs.js';
import type { Register } from './register.js';

/** A rule's setting in .planlint.yaml: a severity, or a severity with options. */
export interface RuleSetting {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}

/** The settings of .planlint.yaml, read and validated. */
export interface Config {
  rules: Record<string, RuleSetting>;
  /** Rules from declarative packs, already loaded. */
  packRules: PackRule[];
  overrides: { files: string[]; rules: Record<string, RuleSetting> }[];
  /** Globs, relative to the config's folder, of files and folders a folder walk skips. */
  ignores?: string[];
  /** 单位登记簿 — the unit register in effect (the workspace's and/or the default one), when configured. */
  register?: Register;
}

export const EMPTY_CONFIG: Config = { rules: {}, packRules: [], overrides: [] };

/** Normalises `off` / `{ severity, options }` forms into a RuleSetting. */
export function toSetting(v: unknown): RuleSetting | undefined {
  if (typeof v === 'string') return { severity: v as SeveritySetting };
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const o = v as { severity?: SeveritySetting; options?: Record<string, unknown> };
    return { severity: o.severity, options: o.options };
  }
  return undefined;
}

/**
 * The rule settings in effect for a file: the config's rules, then each override whose globs match
 * the file's path (relative to the config, with forward slashes), later ones winning.
 */
export function settingsFor(config: Config, relativePath?: string): Record<string, RuleSetting> {
  const merged: Record<string, RuleSetting> = {};
  const apply = (rules: Record<string, RuleSetting>) => {
    for (const [id, s] of Object.entries(rules)) {
      merged[id] = { severity: s.severity ?? merged[id]?.severity, options: { ...merged[id]?.options, ...s.options } };
    }
  };
  apply(config.rules);
  if (relativePath !== undefined) {
    for (const o of config.overrides) {
      if (o.files.some((g) => minimatch(relativePath, g, { dot: true, matchBase: !g.includes('/') }))) apply(o.rules);
    }
  }
  return merged;
}
