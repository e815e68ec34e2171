// `planlint import` and `planlint <document>` through the real bundle (dist/cli.js).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import yaml from 'js-yaml';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findQuote } from '../src/cli/place.js';
import { numberedDocument, pack } from './import/make-docx.js';

const CLI = path.resolve(__dirname, '../dist/cli.js');
const SEED = path.resolve(__dirname, '../seeds/source/004_8d7c135ac80f7089.txt');
const seedText = fs.readFileSync(SEED, 'utf8');
let docx: Uint8Array;
let dir: string;

beforeAll(async () => {
  docx = await pack(numberedDocument(seedText.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '')));
});

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-import-'));
  fs.writeFileSync(path.join(dir, 'draft.txt'), seedText);
  fs.writeFileSync(path.join(dir, 'draft.docx'), docx);
});

function run(args: string[], input?: Uint8Array | string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, input, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const files = () => fs.readdirSync(dir).sort();

interface Plan {
  plan: { sourceFile?: string };
}

/** Every `source: { line, quote }` in a plan: the line it names and the words it quotes. */
function sourceRefs(data: unknown, out: { line: number; quote?: string }[] = []): { line: number; quote?: string }[] {
  if (Array.isArray(data)) for (const d of data) sourceRefs(d, out);
  else if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) {
      if (k === 'source' && v && typeof v === 'object' && typeof (v as { line?: unknown }).line === 'number') out.push(v as { line: number; quote?: string });
      else sourceRefs(v, out);
    }
  }
  return out;
}

describe('planlint import', () => {
  for (const input of ['draft.docx', 'draft.txt']) {
    it(`${input}: writes draft.plan.yaml and draft.source.txt; every source line is a line of the text, with its quote`, () => {
      const r = run(['import', input]);
      expect(r.stderr).not.toMatch(/内部错误|internal error/);
      expect(r.code).toBe(0);
      expect(files()).toEqual([input, 'draft.plan.yaml', 'draft.source.txt', ...(input === 'draft.docx' ? ['draft.txt'] : ['draft.docx'])].sort());
      const source = fs.readFileSync(path.join(dir, 'draft.source.txt'), 'utf8').split('\n');
      expect(source.slice(0, 3)).toEqual(seedText.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 3).map((l) => l.trim()));
      const plan = yaml.load(fs.readFileSync(path.join(dir, 'draft.plan.yaml'), 'utf8')) as Plan;
      expect(plan.plan.sourceFile).toBe('draft.source.txt');
      const refs = sourceRefs(plan);
      expect(refs.length).toBeGreaterThan(20);
      for (const ref of refs) {
        expect(ref.line).toBeGreaterThanOrEqual(1);
        if (ref.quote) expect(findQuote(source[ref.line - 1], ref.quote), `line ${ref.line}: ${ref.quote}`).toBeDefined();
      }
      expect(r.stderr).toMatch(/已识别:\d+ 个章节,[1-9]\d* 项任务,\d+ 个单位,\d+ 个指标/);
      expect(r.stderr).toContain('已写入 draft.plan.yaml、draft.source.txt');
    });
  }

  it('a .docx says what reading it did (numbering restored); English with --lang en', () => {
    const r = run(['import', 'draft.docx', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Recognised: \d+ sections?, \d+ tasks?, \d+ units?, \d+ indicators?$/m);
    expect(r.stderr).toMatch(/automatic numbers? .* restored/);
  });

  it('a GB18030 text is detected, said so, and its source text written as UTF-8', () => {
    fs.writeFileSync(path.join(dir, 'gbk.txt'), iconv.encode(seedText, 'gb18030'));
    const r = run(['import', 'gbk.txt']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('GB18030');
    expect(fs.readFileSync(path.join(dir, 'gbk.source.txt'), 'utf8').split('\n')[0]).toBe(seedText.split(/\r?\n/)[0].trim());
  });

  it('-o names the plan file; the source text goes beside it', () => {
    fs.mkdirSync(path.join(dir, 'out'));
    const r = run(['import', 'draft.txt', '-o', 'out/plan.plan.yaml']);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'out')).sort()).toEqual(['plan.plan.yaml', 'plan.source.txt']);
    expect((yaml.load(fs.readFileSync(path.join(dir, 'out/plan.plan.yaml'), 'utf8')) as Plan).plan.sourceFile).toBe('plan.source.txt');
  });

  it('never overwrites without --force, and writes nothing then; --force replaces', () => {
    fs.writeFileSync(path.join(dir, 'draft.plan.yaml'), '# mine\n');
    const r = run(['import', 'draft.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('已存在');
    expect(r.stderr).toContain('--force');
    expect(fs.readFileSync(path.join(dir, 'draft.plan.yaml'), 'utf8')).toBe('# mine\n');
    expect(files()).not.toContain('draft.source.txt');
    expect(run(['import', 'draft.txt', '--force']).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'draft.plan.yaml'), 'utf8')).toContain('sourceFile');
  });

  it('- reads standard input: with -o it writes the files, without it prints the plan', () => {
    const printed = run(['import', '-'], seedText);
    expect(printed.code).toBe(0);
    expect(yaml.load(printed.stdout)).toMatchObject({ plan: {} });
    expect(files()).toEqual(['draft.docx', 'draft.txt']);
    const written = run(['import', '-', '-o', 'piped.plan.yaml'], seedText);
    expect(written.code).toBe(0);
    expect(files()).toContain('piped.source.txt');
    expect(written.stdout).toBe('');
  });

  it('responsibility tables as web pages print them (seeds 005, 006): imported, exit 0, every quote on the line it names', () => {
    for (const [file, summary] of [['005_0869c529631fb568.txt', '已识别:1 个章节,11 项任务,10 个单位,4 个指标'], ['006_fc5a14370eabebc9.txt', '已识别:4 个章节,15 项任务,13 个单位,16 个指标']]) {
      fs.copyFileSync(path.resolve(__dirname, '../seeds/source', file), path.join(dir, file));
      const r = run(['import', file, '-o', 'table.plan.yaml', '--force']);
      expect(r.code, `${file}: ${r.stderr}`).toBe(0);
      expect(r.stderr).toContain(summary);
      const source = fs.readFileSync(path.join(dir, 'table.source.txt'), 'utf8').split('\n');
      for (const ref of sourceRefs(yaml.load(fs.readFileSync(path.join(dir, 'table.plan.yaml'), 'utf8')))) {
        if (ref.quote) expect(findQuote(source[ref.line - 1], ref.quote), `${file} line ${ref.line}: ${ref.quote}`).toBeDefined();
      }
    }
  });

  it('bad input: exit 2, a message in Chinese and English, no stack trace, nothing written', () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const encrypted = new Uint8Array(ole);
    encrypted.set([...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0]), 512);
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['old.doc', ole, /另存为 \.docx.*Save it as \.docx/],
      ['draft.wps', ole, /另存为 \.docx.*Save it as \.docx/],
      ['secret.docx', encrypted, /受密码保护.*password-protected/],
      ['scan.pdf', '%PDF-1.7\n', /暂不支持 PDF.*not supported yet/],
      ['broken.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]), /损坏.*corrupt/],
      ['bomb.docx', zipSync({ 'word/document.xml': new Uint8Array(101 * 1024 * 1024) }, { level: 1 }), /过大.*too large/],
      ['empty.txt', '', /空.*empty/],
      ['hello.txt', '你好,这不是计划。\n', /没有识别出计划结构.*No plan structure/],
      ['sheet.docx', zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }), /不是 Word 文档.*not a Word document/],
    ];
    for (const [name, bytes, message] of cases) {
      fs.writeFileSync(path.join(dir, name), bytes);
      const before = files();
      const r = run(['import', name]);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toMatch(message);
      expect(r.stderr, name).not.toMatch(/\n\s+at /);
      expect(files(), name).toEqual(before);
    }
    expect(run(['import', 'missing.docx'])).toMatchObject({ code: 2, stderr: expect.stringContaining('找不到文件 missing.docx / missing.docx does not exist') });
    // A pipe named like a draft is refused by the one read path, not waited on (the run's timeout would end a hang).
    spawnSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    const pipe = run(['import', 'pipe.txt']);
    expect(pipe).toMatchObject({ code: 2, stderr: expect.stringMatching(/不是普通文件.*not a regular file/) });
    fs.rmSync(path.join(dir, 'pipe.txt'));
    expect(run(['import', '.'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/不是普通文件.*not a regular file/) });
    const noFolder = run(['import', 'draft.txt', '-o', 'nowhere/x.plan.yaml']);
    expect(noFolder).toMatchObject({ code: 2, stderr: expect.stringContaining('nothing written') });
    expect(files()).not.toContain('nowhere');
    expect(run(['import']).code).toBe(2);
  });
});

describe('planlint <document>: checked in memory, findings at the document\'s lines', () => {
  it('each finding names the document and a line of its text, quoting that line; the same findings as its plan file', () => {
    const r = run(['draft.docx', '-f', 'json']);
    expect(r.stderr).toBe('');
    expect(files()).toEqual(['draft.docx', 'draft.txt']);
    const out = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number; endColumn: number; source?: string }[] }[];
    expect(out.map((f) => f.filePath)).toEqual(['draft.docx']);
    const messages = out[0].messages;
    expect(messages.length).toBeGreaterThan(0);
    // The lines are those of the text `planlint import` writes.
    expect(run(['import', 'draft.docx']).code).toBe(0);
    const source = fs.readFileSync(path.join(dir, 'draft.source.txt'), 'utf8').split('\n');
    for (const m of messages) {
      expect(m.line).toBeGreaterThanOrEqual(1);
      expect(m.line).toBeLessThanOrEqual(source.length);
      expect(m.endColumn).toBeLessThanOrEqual(source[m.line - 1].length + 1);
    }
    const fromPlan = JSON.parse(run(['draft.plan.yaml', '-f', 'json']).stdout) as typeof out;
    expect(messages.map((m) => m.ruleId).sort()).toEqual(fromPlan[0].messages.map((m) => m.ruleId).sort());
    expect(r.code).toBe(fromPlan[0].messages.some((m) => (m as { severity?: string }).severity === 'error') ? 1 : 0);
  });

  it('stylish shows the document\'s line as the excerpt, and every format reads documents', () => {
    const r = run(['draft.txt']);
    const source = seedText.split(/\r?\n/);
    const shown = [...r.stdout.matchAll(/^ {4}(\d+) \| (.*)$/gm)];
    expect(r.stdout.split('\n')[0]).toBe('draft.txt');
    expect(shown.length).toBeGreaterThan(0);
    for (const [, line, text] of shown) expect(text).toBe(source[Number(line) - 1].replace(/\t/g, ' '));
    for (const format of ['sarif', 'junit', 'github']) {
      const f = run(['draft.docx', '-f', format]);
      expect(f.code, format).not.toBe(2);
      expect(f.stdout, format).toContain('draft.docx');
    }
  });

  it('--fix leaves a document untouched: its fixes are shown as advice', () => {
    const before = fs.readFileSync(path.join(dir, 'draft.docx'));
    const r = run(['draft.docx', '--fix', '-f', 'json']);
    expect(r.code).not.toBe(2);
    expect(fs.readFileSync(path.join(dir, 'draft.docx')).equals(before)).toBe(true);
    expect(files()).toEqual(['draft.docx', 'draft.txt']);
    const messages = (JSON.parse(r.stdout) as { messages: { fix?: unknown }[] }[])[0].messages;
    expect(messages.every((m) => m.fix === undefined)).toBe(true);
  });

  it('planlint report draft.docx writes the review report of the document', () => {
    const r = run(['report', 'draft.docx', '-o', 'report.html']);
    expect(r.code).not.toBe(2);
    const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).toContain('draft.docx');
  });

  it('a document that cannot be read is an error of that file, exit 2; plan files beside it are still checked', () => {
    fs.writeFileSync(path.join(dir, 'scan.pdf'), '%PDF-1.7\n');
    fs.writeFileSync(path.join(dir, 'ok.plan.yaml'), 'plan:\n  title: 测试\n');
    const r = run(['scan.pdf', 'ok.plan.yaml', '-f', 'json']);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as { filePath: string }[];
    expect(out.map((f) => f.filePath)).toEqual(['scan.pdf', 'ok.plan.yaml']);
    expect(run(['scan.pdf']).stdout).toMatch(/暂不支持 PDF.*not supported yet/);
  });
});
