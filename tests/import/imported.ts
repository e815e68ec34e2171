// The recognizer's tests import small texts and read the plan data back, after proving its YAML passes the schema.
import { expect } from 'vitest';
import { parse } from 'yaml';
import { checkText } from '../../src/engine/check.js';
import { recognizePlan, type RecognizeOptions } from '../../src/engine/import/recognize.js';
import type { SourceText } from '../../src/engine/import/types.js';

export type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const text = (lines: string[]): SourceText => ({ lines, format: 'text', notes: [] });

/** Imports the lines and returns the plan data, after proving the YAML passes the schema. */
export function imported(lines: string[], options: RecognizeOptions = {}): Data {
  const result = recognizePlan(text(lines), options);
  const schema = checkText(result.yaml).findings.filter((f) => f.ruleId === 'schema' || f.ruleId.startsWith('yaml-'));
  expect(schema, result.yaml).toEqual([]);
  return parse(result.yaml) as Data;
}
