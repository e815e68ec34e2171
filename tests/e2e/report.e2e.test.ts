// The reviewer's report, written by the real CLI and opened in headless Chromium (Debian's package,
// driven by playwright-core): its verdicts, findings and tables as a reviewer sees them.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-results');
let browser: Browser;
let page: Page;
let html: string;

beforeAll(async () => {
  execFileSync('bash', [path.join(ROOT, 'scripts/setup-e2e.sh'), '--browser-only'], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 20 * 60_000 });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-report-'));
  for (const f of ['clean.plan.yaml', 'error.plan.yaml', 'warn.plan.yaml']) fs.copyFileSync(path.join(ROOT, 'tests/cli', f), path.join(dir, f));
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'report', '.', '-o', 'report.html'], { cwd: dir, encoding: 'utf8' });
  expect(r.stderr).toBe('审核报告已写入 report.html\n');
  html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  page.on('request', (req) => requests.push(req.url()));
  await page.goto(`file://${path.join(dir, 'report.html')}`);
  expect(requests.filter((u) => !u.startsWith('file://')), 'a self-contained report loads nothing').toEqual([]);
}, 25 * 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('review report in Chromium', () => {
  it('gives each plan a verdict with counts', async () => {
    await page.screenshot({ path: path.join(ARTIFACTS, 'report.png'), fullPage: true });
    const verdicts = await page.locator('.verdict').allInnerTexts();
    expect(verdicts).toEqual([
      '结论:可以印发。未发现问题。',
      '结论:暂不宜印发。有 2 个错误需修改。',
      '结论:可以印发,但有 1 个警告需逐一确认。',
    ]);
    const overview = await page.locator('#overview tbody tr').allInnerTexts();
    expect(overview[1]).toMatch(/错误示例\s+error\.plan\.yaml\s+暂不宜印发\s+2\s+0\s+0/);
  });

  it('groups findings by lead unit and by rule, each with its source line', async () => {
    const plan = page.locator('#plan-2');
    expect(await plan.locator('.by-lead h4').allInnerTexts()).toEqual(['牵头单位:区人力社保局 (1)']);
    expect(await plan.locator('.by-lead .finding').first().innerText()).toContain('第 10 行 | lead: [区人力社保局]   # 简称,可自动修复');
    expect(await page.locator('#plan-1 .by-rule tbody tr').allInnerTexts()).toEqual([
      'rate-within-bounds\t比率在其单位的范围之内,下限不为 100% 以上,百分点只表示变化\t错误\t1',
      'yearly-sum-matches-overall\t增量指标的年度目标之和等于总体目标\t错误\t1',
    ]);
  });

  it('recomputes each indicator: baseline, years, overall target, sum of the years, growth, chart', async () => {
    const rows = await page.locator('#plan-1 table.indicators tbody tr').allInnerTexts();
    expect(rows[0].split('\t').map((c) => c.trim())).toEqual(['新建公办幼儿园(所)', '新建公办幼儿园', '', '4', '6', '7', '15\n2023', '17', '', '']);
    expect(await page.locator('#plan-1 table.indicators svg.spark').count()).toBe(2);
    const example = await page.locator('#plan-0 table.indicators tbody tr', { hasText: '城乡居民人均可支配收入' }).innerText();
    expect(example).toContain('6.27%');
  });

  it('shows which unit leads or shares which task', async () => {
    const rows = (await page.locator('#plan-0 table.matrix tbody tr').allInnerTexts()).map((r) => r.split('\t'));
    expect(rows).toEqual([
      ['县人力资源和社会保障局', '2', '3 4', '0', ''],
      ['县教育局', '2', '1 2', '0', ''],
      ['各乡镇', '0', '', '2', '1 3'],
    ]);
  });

  it('prints: one section per plan, nothing hidden', async () => {
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(html).not.toMatch(/<script|https?:\/\/(?!planlint\.invalid)/);
  });
});
