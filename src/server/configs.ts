import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMPTY_CONFIG, type Config } from '../engine/index.js';
import { findConfig, loadConfigFile } from '../node/config-files.js';
import type { ConfigSource } from './service.js';
import type { ConfigSettings } from './settings.js';

/**
 * Reads .planlint.yaml for a document, cached by path and modification time. It runs in the checking
 * thread (./worker.ts), where the watchdog stops a config or pack that never finishes reading.
 */
export class ConfigCache implements ConfigSource {
  private readonly cache = new Map<string, { mtime: number; config: Config }>();

  clear(): void {
    this.cache.clear();
  }

  /** The config in effect for a document and its path relative to the config's folder. */
  forDocument(uri: string, settings: ConfigSettings): { config: Config; relativePath?: string } {
    if (settings.ignoreConfigFile) return { config: withOverrides(EMPTY_CONFIG, settings) };
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

function withOverrides(config: Config, settings: ConfigSettings): Config {
  if (Object.keys(settings.rules).length === 0) return config;
  const rules = { ...config.rules };
  for (const [id, severity] of Object.entries(settings.rules)) rules[id] = { ...rules[id], severity };
  return { ...config, rules };
}
