// The extension's own words (toasts and dialogs of the import and export commands) follow
// `planlint.language` when it names a language, as the diagnostics do, and VS Code's display language
// (vscode.l10n) when it is auto or unset. VS Code is a mock here: a workspace in memory, the messages
// shown recorded, and vscode.l10n.t translating by l10n/bundle.l10n.zh-cn.json only when the display
// language is Chinese, as VS Code does.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const BUNDLE = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

const editor = vi.hoisted(() => ({
  /** `planlint.language`; undefined: not set. */
  setting: undefined as unknown,
  /** VS Code's display language (vscode.env.language). */
  display: 'en',
  files: new Map<string, Uint8Array>(),
  shown: [] as { kind: 'info' | 'warning' | 'error'; text: string; items: string[] }[],
  active: undefined as unknown,
  bundle: {} as Record<string, string>,
}));

vi.mock('vscode', () => {
  class Uri {
    constructor(
      readonly scheme: string,
      readonly path: string,
    ) {}
    static file(p: string) {
      return new Uri('file', p);
    }
    static joinPath(u: Uri, ...parts: string[]) {
      return new Uri(u.scheme, path.posix.join(u.path, ...parts));
    }
    get fsPath() {
      return this.path;
    }
    with(change: { scheme?: string; path?: string }) {
      return new Uri(change.scheme ?? this.scheme, change.path ?? this.path);
    }
  }
  const format = (s: string, args: unknown[]) => s.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
  const show = (kind: 'info' | 'warning' | 'error') => (text: string, ...rest: unknown[]) => {
    editor.shown.push({ kind, text, items: rest.filter((r): r is string => typeof r === 'string') });
    return Promise.resolve(undefined);
  };
  return {
    Uri,
    ViewColumn: { One: 1, Beside: -2 },
    UIKind: { Desktop: 1, Web: 2 },
    env: {
      get language() {
        return editor.display;
      },
      uiKind: 1,
      remoteName: undefined,
    },
    l10n: { t: (message: string, ...args: unknown[]) => format(/^zh/i.test(editor.display) ? (editor.bundle[message] ?? message) : message, args) },
    workspace: {
      getConfiguration: (section: string) => ({
        get: <T>(key: string, fallback: T): T => (section === 'planlint' && key === 'language' && editor.setting !== undefined ? (editor.setting as T) : fallback),
      }),
      fs: {
        stat: (u: Uri) => (editor.files.has(u.path) ? Promise.resolve({}) : Promise.reject(new Error('ENOENT'))),
        readFile: (u: Uri) => Promise.resolve(editor.files.get(u.path) ?? new Uint8Array()),
        writeFile: (u: Uri, bytes: Uint8Array) => {
          editor.files.set(u.path, bytes);
          return Promise.resolve();
        },
      },
    },
    window: {
      get activeTextEditor() {
        return editor.active;
      },
      showInformationMessage: show('info'),
      showWarningMessage: show('warning'),
      showErrorMessage: show('error'),
      showTextDocument: () => Promise.resolve(),
      showOpenDialog: () => Promise.resolve(undefined),
      showSaveDialog: () => Promise.resolve(undefined),
    },
    commands: { executeCommand: () => Promise.resolve() },
  };
});

const vscode = await import('vscode');
const { importDocumentCommand } = await import('../src/client/import-command.js');
const { exportActivePlan } = await import('../src/client/export-command.js');

const SOURCE = fs.readFileSync(path.join(ROOT, 'seeds/source/004_8d7c135ac80f7089.txt'));

beforeEach(() => {
  editor.bundle = BUNDLE;
  editor.files.clear();
  editor.shown.length = 0;
  editor.active = undefined;
});

/** Imports /w/draft.txt (seed 004's source) and gives the toasts shown. */
async function importDraft(bytes: Uint8Array = SOURCE) {
  editor.files.set('/w/draft.txt', bytes);
  await importDocumentCommand(vscode.Uri.file('/w/draft.txt'));
  return editor.shown;
}

/** A plan file open in the editor, with two errors (yearly sum, a percentage over 100). */
function openErrorPlan() {
  const text = fs.readFileSync(path.join(ROOT, 'tests/cli/error.plan.yaml'), 'utf8');
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  editor.active = {
    document: {
      fileName: '/w/error.plan.yaml',
      uri: vscode.Uri.file('/w/error.plan.yaml').with({ scheme: 'untitled' }),
      getText: () => text,
      positionAt: (offset: number) => ({ line: lineStarts.filter((s) => s <= offset).length - 1 }),
    },
  };
}

describe('the client speaks planlint.language', () => {
  it('zh-CN in an English VS Code: the import summary, the replace dialog and an import error are in Chinese', async () => {
    editor.setting = 'zh-CN';
    editor.display = 'en';
    const [summary] = await importDraft();
    expect(summary.kind).toBe('info');
    expect(summary.text).toMatch(/^已导入 draft\.txt:\d+ 个章节,\d+ 项任务,\d+ 个单位,\d+ 个指标;\d+ 段仅作为备注保留。$/);
    expect(editor.files.has('/w/draft.plan.yaml')).toBe(true);

    editor.shown.length = 0;
    await importDraft();
    expect(editor.shown[0]).toEqual({ kind: 'warning', text: 'draft.plan.yaml, draft.source.txt 已存在,是否覆盖?', items: ['覆盖'] });

    editor.files.clear();
    editor.shown.length = 0;
    await importDraft(new Uint8Array());
    expect(editor.shown[0].kind).toBe('error');
    expect(editor.shown[0].text).toMatch(/^planlint: draft\.txt: 文档是空的.* \/ The document is empty/);
  });

  it('zh-CN in an English VS Code: the export refusal and its buttons are in Chinese, each error with its line', async () => {
    editor.setting = 'zh-CN';
    editor.display = 'en';
    await exportActivePlan('docx');
    expect(editor.shown[0]).toEqual({ kind: 'warning', text: '请先打开计划文件(*.plan.yaml)再导出。', items: [] });

    editor.shown.length = 0;
    openErrorPlan();
    await exportActivePlan('docx');
    const refusal = editor.shown[0];
    expect(refusal.kind).toBe('error');
    expect(refusal.text).toMatch(/^计划有 \d+ 个错误,请修正后再印发;未导出。 第 \d+ 行:/);
    expect(refusal.text).not.toMatch(/line \d/);
    expect(refusal.items).toEqual(['查看问题', '仍然导出']);
  });

  it('en in a Chinese VS Code: English, though VS Code would translate', async () => {
    editor.setting = 'en';
    editor.display = 'zh-cn';
    const [summary] = await importDraft();
    expect(summary.text).toMatch(/^Imported draft\.txt: \d+ sections, \d+ tasks, \d+ units, \d+ indicators; \d+ paragraphs kept only as notes\.$/);
    editor.shown.length = 0;
    openErrorPlan();
    await exportActivePlan('xlsx');
    expect(editor.shown[0].text).toMatch(/^The plan has \d+ error\(s\); fix them before issuing it\. Nothing exported\. line \d+: /);
    expect(editor.shown[0].items).toEqual(['Show problems', 'Export anyway']);
  });

  for (const setting of [undefined, 'auto']) {
    it(`${setting ?? 'unset'}: VS Code's display language, through vscode.l10n`, async () => {
      editor.setting = setting;
      editor.display = 'en';
      expect((await importDraft())[0].text).toMatch(/^Imported draft\.txt: /);
      editor.files.clear();
      editor.shown.length = 0;
      editor.display = 'zh-cn';
      expect((await importDraft())[0].text).toMatch(/^已导入 draft\.txt:/);
      // The Chinese comes from VS Code's l10n (its bundle), not from planlint's own table.
      editor.bundle = {};
      editor.files.clear();
      editor.shown.length = 0;
      expect((await importDraft())[0].text).toMatch(/^Imported draft\.txt: /);
    });
  }

  it('every message the client passes to its translator is a key of the Chinese bundle', () => {
    const keys = new Set(Object.keys(BUNDLE));
    for (const file of fs.readdirSync(path.join(ROOT, 'src/client'))) {
      const code = fs.readFileSync(path.join(ROOT, 'src/client', file), 'utf8');
      for (const m of code.matchAll(/\bt\('((?:[^'\\]|\\.)*)'/g)) expect(keys, `${file}: ${m[1]}`).toContain(m[1]);
    }
  });
});
