import { readDocument } from './read.js';
import { recognizePlan } from './recognize.js';
import type { DocumentError, ImportResult, SourceText } from './types.js';

/** A document imported: the text its lines are counted in, and the plan file made from it. */
export interface ImportedDocument {
  source: SourceText;
  result: ImportResult;
}

const NO_PLAN: DocumentError = {
  code: 'no-plan',
  message: {
    'zh-CN': '没有识别出计划结构:应有“一、”“(一)”“1.”等编号的章节和任务,任务后写明牵头单位、责任单位和目标。',
    en: 'No plan structure recognised: expected sections and tasks numbered like “一、”, “(一)”, “1.”, with lead and responsible units and targets.',
  },
};

/**
 * Reads a document's bytes and recognises the plan in it, as the CLI, the editor and the tests all do.
 * A document in which neither a section nor a task is recognised is an error, not an empty plan: the
 * user gave the wrong file, and an empty plan would check clean. Pure; never throws on any input.
 */
export function importDocument(bytes: Uint8Array, fileName: string, options: { sourceFile?: string; name?: string } = {}): ImportedDocument | DocumentError {
  const source = readDocument(bytes, fileName);
  if ('code' in source) return source;
  const result = recognizePlan(source, { name: fileName, ...options });
  if (result.summary.sections === 0 && result.summary.tasks === 0) return NO_PLAN;
  return { source, result };
}
