import { checkText, type CheckOptions, type CheckOutput } from './check.js';
import { applyEdits, fixToEdits, nonOverlapping } from './fix.js';
import type { DataPath, Finding, Fix, Localized, TextEdit } from './types.js';

/** The outcome of fixing a text. */
export interface FixAllResult {
  text: string;
  /** How many fixes were applied. */
  applied: number;
  /** The check of the fixed text. */
  output: CheckOutput;
  /** Set when a pass was undone because it changed data outside its fixes' paths: why, and where fixing stopped. */
  stopped?: Localized;
}

/** Passes before giving up: each pass re-checks, so a fix that uncovers another is applied too. */
const MAX_PASSES = 10;

/**
 * Applies every safe fix (never a suggestion), re-checking after each pass as ESLint does, until no
 * fix applies. Overlapping fixes wait for the next pass. `select` narrows which findings to fix; `checked` is
 * a check of `text` with the same options, when the caller has one. A pass whose result differs from the
 * text before it anywhere outside the paths its fixes name is undone, and fixing stops there.
 */
export function fixAll(text: string, options: CheckOptions = {}, select: (f: Finding) => boolean = () => true, checked?: CheckOutput): FixAllResult {
  let current = text;
  let applied = 0;
  // A caller that has just checked this very text passes its result, so the first pass does not check it again.
  let output = checked?.text === text ? checked : checkText(current, options);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const source = output.source;
    if (!source) break;
    const fixes: { fix: Fix; path: DataPath; edits: TextEdit[] }[] = [];
    for (const f of output.findings) {
      if (!f.fix || !select(f)) continue;
      const e = fixToEdits(source, f.fix);
      if (e) fixes.push({ fix: f.fix, path: f.path, edits: e });
    }
    const taken = nonOverlapping(fixes.map((x) => x.edits));
    const edits: TextEdit[] = [];
    const allowed: DataPath[] = [];
    let count = 0;
    fixes.forEach((x, i) => {
      if (!taken[i]) return;
      for (const edit of x.edits) edits.push(edit);
      for (const p of fixPaths(x.fix, x.path)) allowed.push(p);
      count++;
    });
    if (count === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    const nextOutput = checkText(next, options);
    const outside = output.data !== undefined ? changedOutside(output.data, nextOutput.data, allowed) : undefined;
    if (outside) {
      const where = outside.join('.') || '/';
      return {
        text: current, applied, output,
        stopped: {
          'zh-CN': `一轮修复改动了修复目标以外的数据(${where}),已撤销这一轮并停止修复`,
          en: `a pass of fixes changed data outside its targets (${where}); that pass was undone and fixing stopped`,
        },
      };
    }
    current = next;
    applied += count;
    output = nextOutput;
  }
  return { text: current, applied, output };
}

/** The data paths a fix may change: what it sets, the list it inserts into, removes from or splits an item of, or (a text edit) its finding's path. */
function fixPaths(fix: Fix, findingPath: DataPath): DataPath[] {
  return fix.operations.map((op) => (op.op === 'text' ? findingPath : op.op === 'remove' || op.op === 'split' ? op.path.slice(0, -1) : op.path));
}

/**
 * The first data path at which `after` differs from `before` outside every allowed path (a path and all
 * below it), or undefined when they agree everywhere else.
 */
export function changedOutside(before: unknown, after: unknown, allowed: readonly DataPath[], at: DataPath = []): DataPath | undefined {
  // The allowed paths as a tree of their segments (as text), walked along with the data: each node of the data
  // is then placed in time of its depth, where a search of the whole list took 50,000 fixes quadratic time.
  const root: PathTree = { below: new Map() };
  for (const p of allowed) {
    let node = root;
    for (const seg of p) {
      const key = String(seg);
      let next = node.below.get(key);
      if (!next) node.below.set(key, (next = { below: new Map() }));
      node = next;
    }
    node.allowed = true;
  }
  let node: PathTree | undefined = root;
  for (const seg of at) {
    if (!node || node.allowed) break;
    node = node.below.get(String(seg));
  }
  return node?.allowed ? undefined : changedBelow(before, after, node, at);
}

/** Allowed paths by their segments: `allowed` where one ends (all below it is allowed too). */
interface PathTree {
  allowed?: boolean;
  below: Map<string, PathTree>;
}

/** changedOutside at `at`, whose node in the tree of allowed paths is `node` (undefined when none runs through `at`), itself not allowed. */
function changedBelow(before: unknown, after: unknown, node: PathTree | undefined, at: DataPath): DataPath | undefined {
  if (Object.is(before, after)) return undefined;
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (!isObj(before) || !isObj(after) || Array.isArray(before) !== Array.isArray(after)) {
    // A change here is allowed only if some allowed path lies below this point (the edit reached up to it).
    return node && node.below.size > 0 ? undefined : at;
  }
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const k of keys) {
    const seg = Array.isArray(before) ? Number(k) : k;
    const inner = node?.below.get(String(seg));
    if (inner?.allowed) continue;
    const found = changedBelow(before[k], after[k], inner, [...at, seg]);
    if (found) return found;
  }
  return undefined;
}
