// Issue 19's large-document target: a document of about 100 printed pages (two seeds' source texts,
// 28 characters × 22 lines a page as GB/T 9704 sets the body) written as .docx with the `docx` package,
// then imported and checked through the CLI end to end. Prints wall time and peak RSS (GNU time).
// `node bench/big-document.mjs` (after `npm run build`); run by `npm run bench`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Document, Packer, Paragraph, TextRun } from 'docx';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const sources = path.join(root, 'seeds', 'source');
const texts = ['003', '000', '004'].map((n) => fs.readdirSync(sources).find((f) => f.startsWith(n) && f.endsWith('.txt'))).map((f) => fs.readFileSync(path.join(sources, f), 'utf8'));
const lines = texts.join('\n').split(/\r?\n/);
// A paragraph starts a new printed line: count the lines each paragraph takes.
const pageLines = lines.reduce((n, l) => n + Math.max(1, Math.ceil([...l].length / 28)), 0);
const pages = Math.round(pageLines / 22);
const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun({ text: l, font: '仿宋_GB2312', size: 32 })] })) }] });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-big-'));
const file = path.join(dir, 'big.docx');
fs.writeFileSync(file, await Packer.toBuffer(doc));
const cli = path.join(root, 'dist', 'cli.js');
const hasTime = fs.existsSync('/usr/bin/time');

function run(args) {
  const t0 = performance.now();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-f', 'PEAK %M', process.execPath, cli, ...args], { cwd: dir, encoding: 'utf8' })
    : spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
  const ms = performance.now() - t0;
  const peak = /PEAK (\d+)/.exec(r.stderr ?? '')?.[1];
  return { ms, mb: peak ? Number(peak) / 1024 : undefined, status: r.status };
}
const best = (args) => [run(args), run(args), run(args)].sort((a, b) => a.ms - b.ms)[1];
const imp = best(['import', 'big.docx', '--force']);
const check = best(['big.docx']);
fs.rmSync(dir, { recursive: true, force: true });
const mb = (x) => (x === undefined ? 'n/a' : `${x.toFixed(0)} MB`);
console.log(`\n## Issue 19: a ${pages}-page .docx through the CLI (median of 3)\n`);
console.log('| document | import (writes plan + source text) | check the document directly | target |');
console.log('|---|---|---|---|');
console.log(`| ${pages} pages, ${lines.length} paragraphs | ${imp.ms.toFixed(0)} ms, peak ${mb(imp.mb)} (exit ${imp.status}) | ${check.ms.toFixed(0)} ms, peak ${mb(check.mb)} (exit ${check.status}) | ≤ 2 s, < 300 MB: ${imp.ms <= 2000 && check.ms <= 2000 && (imp.mb ?? 0) < 300 && (check.mb ?? 0) < 300 ? 'met' : 'not met'} |`);
