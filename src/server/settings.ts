import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findConfig, loadConfigFile } from '../node/config-files.js';
import { EMPTY_CONFIG, type Config, type SeveritySetting } from '../engine/index.js';

/** The `planlint.*` settings of the editor. */
export interface EditorSettings {
  enable: boolean;
  /** Severity overrides by rule id, applied over .planlint.yaml. */
  rules: Record<string, SeveritySetting>;
  /** A config file to use instead of looking for .planlint.yaml. */
  configPath: string;
  /** KB above which a file is checked on open and save only, with the frequent features off. */
  largeFileSize: number;
}

export const DEFAULT_SETTINGS: EditorSettings = { enable: true, rules: {}, configPath: '', largeFileSize: 5120 };

/** Reads .planlint.yaml for a document, cached by path and modification time. */
export class ConfigCache {
  private readonly cache = new Map<string, { mtime: number; config: Config }>();

  clear(): void {
    this.cache.clear();
  }

  /** The config in effect for a document and its path relative to the config's folder. */
  forDocument(uri: string, settings: EditorSettings): { config: Config; relativePath?: string } {
    let file: string;
    try {
      file = fileURLToPath(uri);
    } catch {
      return { config: withOverrides(EMPTY_CONFIG, settings) };
    }
    const configFile = settings.configPath ? path.resolve(path.dirname(file), settings.configPath) : findConfig(path.dirname(file));
    if (!configFile || !fs.existsSync(configFile)) return { config: withOverrides(EMPTY_CONFIG, settings) };
    const mtime = fs.statSync(configFile).mtimeMs;
    let entry = this.cache.get(configFile);
    if (!entry || entry.mtime !== mtime) {
      entry = { mtime, config: loadConfigFile(configFile).config };
      this.cache.set(configFile, entry);
    }
    return {
      config: withOverrides(entry.config, settings),
      relativePath: path.relative(path.dirname(configFile), file).split(path.sep).join('/'),
    };
  }
}

function withOverrides(config: Config, settings: EditorSettings): Config {
  if (Object.keys(settings.rules).length === 0) return config;
  const rules = { ...config.rules };
  for (const [id, severity] of Object.entries(settings.rules)) rules[id] = { ...rules[id], severity };
  return { ...config, rules };
}
