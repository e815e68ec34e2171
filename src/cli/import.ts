import fs from 'node:fs';
import path from 'node:path';
import type { CliOptions } from './args.js';
import { importDocument, type ImportSummary, type Lang } from '../engine/index.js';
import { bilingual } from './documents.js';
import { writeOutput } from '../node/write-file.js';
import { readFileBounded } from '../node/read-file.js';
import { displayPath } from './files.js';
import type { CliIo } from './main.js';

/** Where an import writes: the plan file and, beside it, the text its source lines count in. */
function importTargets(input: string, output: string | undefined, cwd: string): { plan: string; source: string } {
  const plan = output
    ? path.resolve(cwd, output)
    : path.resolve(cwd, path.dirname(input), `${path.basename(input).replace(/\.[^.]*$/, '')}.plan.yaml`);
  const stem = path.basename(plan).replace(/(\.plan)?\.ya?ml$/i, '');
  return { plan, source: path.join(path.dirname(plan), `${stem}.source.txt`) };
}

async function readStdin(io: CliIo): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of io.stdin ?? process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c as Uint8Array));
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * `planlint import`: a document in, a plan file and its source text out. Every check comes before
 * the first write, so that a bad input or an existing file leaves nothing behind.
 */
export async function runImport(options: CliOptions, io: CliIo, lang: Lang): Promise<number> {
  const input = options.paths[0];
  const fromStdin = input === '-';
  const fail = (message: string) => {
    io.stderr.write(`planlint: ${message}\n`);
    return 2;
  };
  const targets = fromStdin && !options.output ? undefined : importTargets(fromStdin ? 'stdin' : input, options.output, io.cwd);
  if (targets && !fs.existsSync(path.dirname(targets.plan))) {
    return fail(`文件夹不存在,未写入任何文件 / no such folder, nothing written: ${displayPath(io.cwd, path.dirname(targets.plan))}`);
  }
  if (targets && !options.force) {
    const existing = [targets.plan, targets.source].filter((f) => fs.existsSync(f)).map((f) => displayPath(io.cwd, f));
    if (existing.length > 0) return fail(`文件已存在,未写入任何文件(用 --force 覆盖)/ already exists, nothing written (use --force to replace): ${existing.join(', ')}`);
  }
  let bytes: Uint8Array;
  if (fromStdin) {
    try {
      bytes = await readStdin(io);
    } catch (error) {
      return fail(`无法读取标准输入 / cannot read standard input: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    // Through the one read path: a regular file only (a pipe or a device named draft.txt never hangs), the size cap first.
    const read = readFileBounded(path.resolve(io.cwd, input));
    if (!read.ok) return fail(`${input}: ${bilingual(read.message)}`);
    bytes = new Uint8Array(read.bytes);
  }
  const name = fromStdin ? (options.output ? path.basename(options.output) : 'stdin.txt') : path.basename(input);
  const imported = importDocument(bytes, fromStdin ? 'stdin.txt' : name, targets ? { sourceFile: path.basename(targets.source), name } : { name });
  if ('code' in imported) return fail(`${fromStdin ? '-' : input}: ${bilingual(imported.message)}`);
  const { source, result } = imported;

  if (targets) {
    const hadSource = fs.existsSync(targets.source);
    const inputs = fromStdin ? [] : [path.resolve(io.cwd, input)];
    // Through planlint's one write path: links, owner and mode kept; never over the document being imported.
    for (const [file, data] of [[targets.source, `${source.lines.join('\n')}\n`], [targets.plan, result.yaml]] as const) {
      const written = writeOutput(file, data, { inputs });
      if (!written.ok) {
        // Half an import (a source text with no plan) would be mistaken for a finished one.
        if (!hadSource) fs.rmSync(targets.source, { force: true });
        return fail(`无法写入 / cannot write ${displayPath(io.cwd, file)}: ${bilingual(written.message)}`);
      }
    }
  } else {
    io.stdout.write(result.yaml);
  }
  io.stderr.write(describe(result.summary, source.notes.map((n) => n[lang]), lang));
  if (targets) {
    const files = [targets.plan, targets.source].map((f) => displayPath(io.cwd, f)).join(lang === 'en' ? ' and ' : '、');
    io.stderr.write(lang === 'en' ? `Wrote ${files}\n` : `已写入 ${files}\n`);
  }
  return 0;
}

const SHOWN_UNRECOGNISED = 20;

/** What the import recognised and what it kept only as notes, for the person who ran it. */
function describe(s: ImportSummary, notes: string[], lang: Lang): string {
  const out: string[] = [];
  out.push(lang === 'en'
    ? `Recognised: ${s.sections} section${s.sections === 1 ? '' : 's'}, ${s.tasks} task${s.tasks === 1 ? '' : 's'}, ${s.units} unit${s.units === 1 ? '' : 's'}, ${s.indicators} indicator${s.indicators === 1 ? '' : 's'}`
    : `已识别:${s.sections} 个章节,${s.tasks} 项任务,${s.units} 个单位,${s.indicators} 个指标`);
  for (const n of notes) out.push(`  ${n}`);
  if (s.unrecognised.length > 0) {
    out.push(lang === 'en' ? `Kept only as notes (${s.unrecognised.length} paragraph${s.unrecognised.length === 1 ? '' : 's'}):` : `仅作为备注保留的段落(${s.unrecognised.length} 段):`);
    for (const u of s.unrecognised.slice(0, SHOWN_UNRECOGNISED)) {
      const text = [...u.text];
      out.push(`  ${u.line}: ${text.length > 60 ? `${text.slice(0, 60).join('')}…` : u.text}`);
    }
    if (s.unrecognised.length > SHOWN_UNRECOGNISED) {
      const more = s.unrecognised.length - SHOWN_UNRECOGNISED;
      out.push(lang === 'en' ? `  … and ${more} more` : `  ……另有 ${more} 段`);
    }
  }
  return `${out.join('\n')}\n`;
}
