import fs from 'node:fs';
import path from 'node:path';
import { readConfigText, type ConfigLoad } from '../engine/index.js';

/** Reads a file as text, keeping a BOM so offsets and fixes keep it too. */
export function readText(file: string): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(fs.readFileSync(file));
}

/** Finds .planlint.yaml in the folder or its parents. */
export function findConfig(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    for (const name of ['.planlint.yaml', '.planlint.yml']) {
      const f = path.join(dir, name);
      if (fs.existsSync(f)) return f;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Reads a config file and the rule packs it names (paths relative to its folder). The CLI and the server share this. */
export function loadConfigFile(file: string): ConfigLoad & { text: string } {
  const dir = path.dirname(file);
  const text = readText(file);
  const loaded = readConfigText(text, (rel) => {
    const p = path.resolve(dir, rel);
    return fs.existsSync(p) ? readText(p) : undefined;
  });
  return { ...loaded, text };
}
