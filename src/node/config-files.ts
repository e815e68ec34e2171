import fs from 'node:fs';
import path from 'node:path';
import { readConfigText, refusedConfig, type ConfigLoad } from '../engine/index.js';
import { readFileBounded, repositoryRoot, resolveNamed, type ReadLimits, type ReadOk, type ReadRefused } from './read-file.js';

/** A file that could not be read, with why (never any of its bytes). */
export class ReadError extends Error {
  constructor(readonly refusal: ReadRefused) {
    super(`${refusal.message['zh-CN']} / ${refusal.message.en}`);
  }
}

/** Reads a file as text through the one read path, keeping a BOM; throws ReadError when it is refused. */
export function readText(file: string): string {
  return readChecked(file).text;
}

/** Like readText, with the size, mtime and bytes a later write compares against. */
export function readChecked(file: string, limits?: ReadLimits): ReadOk {
  const r = readFileBounded(file, limits);
  if (!r.ok) throw new ReadError(r);
  return r;
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

/** Packs and configs are small: a megabyte is far more than any needs. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Reads a config file and the rule packs it names (paths relative to its folder, inside its repository).
 * The CLI and the server share this; it never throws, and a refused file becomes a finding.
 */
export function loadConfigFile(file: string): ConfigLoad & { text: string } {
  const dir = path.dirname(file);
  const read = readFileBounded(file, { maxBytes: MAX_CONFIG_BYTES });
  if (!read.ok) return { ...refusedConfig(read.message), text: '' };
  const root = repositoryRoot(dir);
  const loaded = readConfigText(read.text, (rel) => {
    const named = resolveNamed(dir, rel, root);
    if ('ok' in named) return named.reason === 'missing' ? undefined : { refused: named.message };
    const pack = readFileBounded(named.file, { maxBytes: MAX_CONFIG_BYTES, within: root });
    if (!pack.ok) return pack.reason === 'missing' ? undefined : { refused: pack.message };
    return pack.text;
  });
  return { ...loaded, text: read.text };
}
