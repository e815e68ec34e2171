/** Severity of a finding; `off` only appears in configuration. */
export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A language the product speaks. */
export type Lang = 'zh-CN' | 'en';

/** A message in every language the product speaks. */
export type Localized = Record<Lang, string>;

/** A step into the plan data: a key of a mapping or an index of a sequence. */
export type PathSegment = string | number;
export type DataPath = readonly PathSegment[];

/** Which part of the node at a path a finding points at. */
export type PathTarget = 'key' | 'value' | 'entry';

/** A half-open range of UTF-16 offsets into the text. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** A zero-based position, as LSP counts it (UTF-16 code units). */
export interface Position {
  line: number;
  character: number;
}

/** A fix operation on the data, turned into text edits by the fix module. */
export type FixOperation =
  | { op: 'set'; path: DataPath; value: string | number | boolean }
  | { op: 'remove'; path: DataPath }
  | { op: 'insert'; path: DataPath; value: string | number | Record<string, string | number | boolean> }
  /**
   * Rewrites single characters inside the scalar at `path` (each key of `chars` becomes its value) and
   * nothing else; `value` is the scalar's value afterwards, set whole where the characters cannot be
   * rewritten in place (a plain `％` becoming `%`, which YAML reads otherwise).
   */
  | { op: 'chars'; path: DataPath; chars: Record<string, string>; value: string }
  /** A list item that holds several names ("A、B") written as one item per name, in the list's own layout. */
  | { op: 'split'; path: DataPath; parts: string[] }
  /** The key of the mapping entry at `path` renamed to `key`, its value and everything around it untouched. */
  | { op: 'rename'; path: DataPath; key: string }
  /** A raw text edit, for what has no data path (a comment). */
  | { op: 'text'; start: number; end: number; text: string };

/** A fix or suggestion: a description and the data operations it performs. */
export interface Fix {
  messageId: string;
  message: Localized;
  operations: FixOperation[];
}

/** A text edit: replace [start, end) with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** One problem found in a plan file. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  messageId: string;
  message: Localized;
  /** The data path of the node the finding is about; [] for the document. */
  path: DataPath;
  range: OffsetRange;
  /** A safe fix, applied by "fix all" and `--fix`. */
  fix?: Fix;
  /** Suggestions: offered one by one, never applied automatically. */
  suggestions?: Fix[];
}

/** What the engine returns for one text. */
export interface CheckResult {
  findings: Finding[];
  /** The plan data, when the text parsed far enough to have any. */
  data?: unknown;
}
