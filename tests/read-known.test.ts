// A last round read with this round's bytes known (--baseline over a folder): the same bytes are given
// this round's text without a second decode, and other bytes are decoded as any read decodes them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileBounded } from '../src/node/read-file.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-read-known-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function read(file: string, known?: { bytes: Buffer; text: string }) {
  const r = readFileBounded(file, known ? { known } : {});
  if (!r.ok) throw new Error(r.message.en);
  return r;
}

describe('a read given the bytes and text of a read before', () => {
  const file = path.join(dir, 'a.plan.yaml');
  fs.writeFileSync(file, '\uFEFFplan:\n  title: 民生实事\n');
  const first = read(file);

  it('gives the same bytes the text read before (the very string, so comparing it costs nothing)', () => {
    const again = read(file, { bytes: first.bytes, text: first.text });
    expect(again.text).toBe(first.text);
    expect(again.text).toBe(read(file).text);
  });

  it('decodes other bytes, even of the same length or a common beginning, as a read without them does', () => {
    for (const other of ['\uFEFFplan:\n  title: 民生实祭\n', '\uFEFFplan:\n  title: 民生实事\n\n', 'plan:\n  title: 民生实事\n', '\uFEFFplan:\n  title: \xff\n']) {
      const f = path.join(dir, 'b.plan.yaml');
      fs.writeFileSync(f, other);
      const known = read(f, { bytes: first.bytes, text: first.text });
      expect(known.text).toBe(read(f).text);
      expect(known.text).not.toBe(first.text);
    }
  });
});
