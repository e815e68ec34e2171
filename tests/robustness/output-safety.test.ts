// Output that cannot be turned against its reader: control characters (ESC, OSC, CR, C0, C1) and bidi
// controls from plan text are shown escaped in stylish and GitHub output and in the report, colours or not.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/engine/check.js';
import { expectNoCrash, runCli, tempDir, WARN_PLAN } from './cli-run.js';

// A unit abbreviation that sets the terminal title (OSC), returns the carriage and erases the line
// (CR, CSI 2K) to print a fake all-clear, and reverses what follows (U+202E).
const HOSTILE = '区人力社保局\\e]0;pwned\\a\\r\\e[2K✔ 0 problems\\u202e局保社';
const PLAN = WARN_PLAN.replace('lead: [区人力社保局]', `lead: ["${HOSTILE}"]`)
  // Raw characters too, in a comment line that an excerpt shows as it is.
  .replace('# 只有警告的计划', '# 只有警告的计划 \x1b[31m\r\u009b\u2066');
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

function planDir(): string {
  const dir = tempDir('safety');
  fs.writeFileSync(path.join(dir, 'evil.plan.yaml'), PLAN);
  return dir;
}

describe('plan text in outputs', () => {
  it('stylish with --no-color shows every control and bidi character escaped', () => {
    const r = runCli(planDir(), ['--no-color', '--rule', 'encoding=off']);
    expectNoCrash(r);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain('\\x1b]0;pwned\\x07\\r\\x1b[2K');
    expect(r.stdout).toContain('U+202E');
  });

  it('stylish with colours keeps its own escapes and none of the plan\'s', () => {
    const r = runCli(planDir(), ['--color', '--rule', 'encoding=off']);
    const withoutOwnColours = r.stdout.replace(/\x1b\[\d+(;\d+)*m/g, ''); // eslint-disable-line no-control-regex
    expect(withoutOwnColours).not.toMatch(RAW);
    expect(withoutOwnColours).toContain('\\x1b]0;pwned');
  });

  it('GitHub workflow commands carry no raw control or bidi character', () => {
    const r = runCli(planDir(), ['-f', 'github', '--rule', 'encoding=off']);
    expectNoCrash(r);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain('U+202E');
  });

  it('the review report shows them escaped', () => {
    const dir = planDir();
    const r = runCli(dir, ['report', '-o', 'report.html', '--rule', 'encoding=off']);
    expectNoCrash(r);
    const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).not.toMatch(RAW);
    expect(html).toContain('U+202E');
  });
});

describe('bidi controls in plan text', () => {
  it('get an encoding finding of their own', () => {
    const out = checkText(WARN_PLAN.replace('title: 警告示例', 'title: "警告\u202e示例"'));
    expect(out.findings.map((f) => `${f.ruleId}/${f.messageId}`)).toContain('encoding/bidiControl');
    expect(out.findings.find((f) => f.messageId === 'bidiControl')?.message.en).toContain('U+202E');
  });
});
