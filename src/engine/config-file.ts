import { rangeOf } from './locate.js';
import { localized, renderLocalized, ruleMeta, type MessageData } from './messages.js';
import { parseYaml } from './parse.js';
import type { PackRule } from './packs.js';
import { makeRegister, readRegisterText, type RegisterUnit } from './register.js';
import { validateAgainst } from './schema.js';
import { toSetting, type Config, type RuleSetting } from './config.js';
import { LineIndex } from './text.js';
import type { Finding, Localized, OffsetRange } from './types.js';

/** A configuration read from .planlint.yaml, with the problems found in it. */
export interface ConfigLoad {
  config: Config;
  /** Findings located in the config text (ruleId `schema`, or a YAML rule). */
  findings: Finding[];
  lines: LineIndex;
}

/**
 * Reads .planlint.yaml. Packs are read through `readPack` (a path relative to the config), so this
 * stays free of I/O; a pack is data, validated against its schema, and never code. `readPack` answers
 * undefined for a missing pack and `{ refused }` for one it would not read.
 */
export function readConfigText(text: string, readPack: (relativePath: string) => string | undefined | { refused: Localized }): ConfigLoad {
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const config: Config = { rules: {}, packRules: [], overrides: [] };
  const add = (ruleId: string, messageId: string, data: MessageData, range: OffsetRange) => {
    const meta = ruleMeta(ruleId);
    const template = meta?.messages[messageId];
    if (meta && template) findings.push({ ruleId, severity: meta.severity, messageId, message: renderLocalized(template, data), path: [], range });
  };
  const parsed = parseYaml(text);
  for (const p of parsed.problems) add(p.ruleId, p.messageId, p.data, p.range);
  const { source } = parsed;
  if (!source || parsed.data === undefined || parsed.data === null) return { config, findings, lines };
  const problems = validateAgainst('config', parsed.data);
  for (const p of problems) add('schema', p.messageId, p.data, rangeOf(source, p.path, p.target));
  if (problems.length > 0) return { config, findings, lines };

  const data = parsed.data as {
    rules?: Record<string, unknown>; packs?: string[]; overrides?: { files: string[]; rules?: Record<string, unknown> }[];
    register?: string; defaultRegister?: boolean; ignores?: string[];
  };
  if (data.ignores) config.ignores = data.ignores;
  config.rules = settings(data.rules);
  config.overrides = (data.overrides ?? []).map((o) => ({ files: o.files, rules: settings(o.rules) }));
  (data.packs ?? []).forEach((packPath, i) => {
    const packText = readPack(packPath);
    const at = rangeOf(source, ['packs', i]);
    if (packText === undefined) {
      add('schema', 'packMissing', { pack: packPath }, at);
      return;
    }
    if (typeof packText !== 'string') {
      // Refused (outside the repository, a device, too large): say why, and quote nothing of it.
      add('schema', 'packRefused', { pack: packPath, reason: packText.refused }, at);
      return;
    }
    const pack = parseYaml(packText);
    // Each problem of the pack in the words its own rule uses, with where it is in the pack.
    const packLines = pack.data === undefined ? new LineIndex(packText) : undefined;
    const packProblems = packLines
      ? pack.problems.map((p) => explain(p.ruleId, p.messageId, p.data, `${packLines.position(p.range.start).line + 1}`))
      : validateAgainst('pack', pack.data).map((p) => explain('schema', p.messageId, p.data, p.path.join('.')));
    if (packProblems.length > 0) {
      const shown = packProblems.slice(0, 3);
      add('schema', 'packInvalid', { pack: packPath, detail: localized(shown.map((m) => m['zh-CN']).join(';'), shown.map((m) => m.en).join('; ')) }, at);
      return;
    }
    for (const r of (pack.data as { rules: PackRule[] }).rules) config.packRules.push({ ...r, severity: r.severity ?? 'warning' });
  });
  let own: RegisterUnit[] | undefined;
  if (data.register !== undefined) {
    // The register is read like a pack: relative to the config, inside its repository, data only.
    const registerText = readPack(data.register);
    const at = rangeOf(source, ['register']);
    if (registerText === undefined) add('schema', 'registerMissing', { register: data.register }, at);
    else if (typeof registerText !== 'string') add('schema', 'registerRefused', { register: data.register, reason: registerText.refused }, at);
    else {
      const read = readRegisterText(registerText);
      if ('units' in read) own = read.units;
      else add('schema', 'registerInvalid', { register: data.register, detail: localized(read.problems.map((m) => m['zh-CN']).join(';'), read.problems.map((m) => m.en).join('; ')) }, at);
    }
  }
  const register = makeRegister(own, data.defaultRegister ?? data.register !== undefined);
  if (register) config.register = register;
  return { config, findings, lines };
}

function explain(ruleId: string, messageId: string, data: MessageData, where: string): Localized {
  const template = ruleMeta(ruleId)?.messages[messageId];
  const message = template ? renderLocalized(template, data) : { 'zh-CN': messageId, en: messageId };
  return where ? { 'zh-CN': `${where}:${message['zh-CN']}`, en: `${where}: ${message.en}` } : message;
}

function settings(rules: Record<string, unknown> | undefined): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const [id, v] of Object.entries(rules ?? {})) {
    const s = toSetting(v);
    if (s) out[id] = s;
  }
  return out;
}

/** The configuration when its file was refused (a device, too large, unreadable): no rules changed, and one finding saying why. */
export function refusedConfig(reason: Localized): ConfigLoad {
  const meta = ruleMeta('schema');
  const template = meta?.messages.configRefused ?? { 'zh-CN': '配置文件未读取:{reason}', en: 'The configuration file was not read: {reason}' };
  const finding: Finding = {
    ruleId: 'schema', severity: 'error', messageId: 'configRefused',
    message: renderLocalized(template, { reason }), path: [], range: { start: 0, end: 0 },
  };
  return { config: { rules: {}, packRules: [], overrides: [] }, findings: [finding], lines: new LineIndex('') };
}
