import fs from 'node:fs';
import path from 'node:path';
import { LineIndex, toRows, type Config, type Lang } from '../engine/index.js';
import { exportPlan } from '../export/export.js';
import type { CliOptions } from './args.js';
import { writeOutput } from '../node/write-file.js';
import { displayPath, readText } from './files.js';
import { FORMATTERS } from './formats/index.js';
import type { CliIo } from './main.js';
import { EXPORT_TEXTS as T } from './texts.js';

/** The output beside the plan: 方案.plan.yaml → 方案.docx. */
function defaultOutput(file: string, to: string): string {
  return file.replace(/\.plan\.ya?ml$|\.ya?ml$|$/i, `.${to}`);
}

/**
 * `planlint export`: 0 written, 1 the plan has errors (nothing written), 2 unreadable, not a plan, or
 * the default output exists. An output named with -o is replaced, as -o replaces elsewhere; the one
 * beside the plan is never replaced unasked.
 */
export async function runExport(options: CliOptions, io: CliIo, lang: Lang, version: string, config: Config, configDir: string): Promise<number> {
  const to = options.to as NonNullable<CliOptions['to']>;
  const file = path.resolve(io.cwd, options.paths[0]);
  const shown = displayPath(io.cwd, file);
  let text: string;
  try {
    if (fs.statSync(file).isDirectory()) throw new Error(lang === 'en' ? 'a folder' : '这是文件夹');
    text = readText(file);
  } catch (error) {
    const why = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);
    io.stderr.write(`planlint: ${T.unreadable(shown, why)}\n`);
    return 2;
  }
  // Checked as `planlint` checks it: the project's .planlint.yaml and --rule decide what is an error.
  const relativePath = path.relative(configDir, file).split(path.sep).join('/');
  const result = await exportPlan(text, to, { force: options.force, check: { config, relativePath } });
  if (!result.ok && result.reason === 'not-a-plan') {
    io.stderr.write(`planlint: ${T.notAPlan(shown)}\n`);
    return 2;
  }
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const listed = FORMATTERS.stylish([{ path: shown, findings: toRows(errors, new LineIndex(text)) }], { lang, color: false, version });
    io.stderr.write(listed);
  }
  if (!result.ok) {
    io.stderr.write(`planlint: ${T.refused(errors.length)}\n`);
    return 1;
  }
  const out = options.output ? path.resolve(io.cwd, options.output) : defaultOutput(file, to);
  if (!options.output && fs.existsSync(out)) {
    io.stderr.write(`planlint: ${T.exists(displayPath(io.cwd, out))}\n`);
    return 2;
  }
  // Through planlint's one write path: links, owner and mode kept; never over the plan being exported.
  const written = writeOutput(out, result.bytes, { inputs: [file] });
  if (!written.ok) {
    io.stderr.write(`planlint: ${T.cannotWrite(displayPath(io.cwd, out), `${written.message['zh-CN']} / ${written.message.en}`)}\n`);
    return 2;
  }
  if (errors.length > 0) io.stderr.write(`planlint: ${T.writtenWithErrors(errors.length)}\n`);
  io.stderr.write(`planlint: ${T.written(displayPath(io.cwd, out), to)}\n`);
  return 0;
}
