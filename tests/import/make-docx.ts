// Builds .docx files for the import tests with the `docx` package (a second writer of WordprocessingML
// besides Word itself), so that the reader is tested on XML it did not write.
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, type FileChild, type INumberingOptions } from 'docx';

type Format = (typeof LevelFormat)[keyof typeof LevelFormat];

/** A printed label kind: how to recognise it in a seed line and how Word would generate it. */
interface LabelKind {
  pattern: RegExp;
  format: Format;
  /** lvlText with %1 in place of the number. */
  text: (label: string) => string;
}

const CN = '[一二三四五六七八九十百]+';
const KINDS: LabelKind[] = [
  { pattern: new RegExp(`^${CN}、`), format: LevelFormat.CHINESE_COUNTING, text: () => '%1、' },
  { pattern: new RegExp(`^[((]${CN}[))]`), format: LevelFormat.CHINESE_COUNTING, text: (l) => `${l[0]}%1${l[l.length - 1]}` },
  { pattern: /^\d+[.．、](?!\d)/, format: LevelFormat.DECIMAL, text: (l) => `%1${l[l.length - 1]}` },
  { pattern: /^[((]\d+[))]/, format: LevelFormat.DECIMAL, text: (l) => `${l[0]}%1${l[l.length - 1]}` },
];

/**
 * A document whose numbered lines carry automatic numbering instead of typed labels: each kind of label
 * (一、 / (一) / 1. / (1)) becomes a level of one list when it restarts under the level above, as it does in
 * most plans, or a list of its own when the source numbers it straight through (seed 002's 59 measures).
 * Reading it back must give the source lines exactly.
 */
export function numberedDocument(lines: string[]): Document {
  const found = lines.map((line) => {
    const t = line.trimStart();
    for (let k = 0; k < KINDS.length; k++) {
      const m = KINDS[k].pattern.exec(t);
      if (m) return { kind: k, label: m[0], rest: t.slice(m[0].length), indent: line.length - t.length };
    }
    return undefined;
  });
  const firstLabel = new Map<number, string>();
  // A kind numbered straight on across a shallower label (seed 002's measures, 004's (1)…(24)) is a list of
  // its own; every other kind is a level of the outline, restarted by the levels above it.
  const straight = new Set<number>();
  const last = new Map<number, { n: number; crossed: boolean }>();
  for (const f of found) {
    if (!f) continue;
    if (!firstLabel.has(f.kind)) firstLabel.set(f.kind, f.label);
    const n = Number(/\d+/.exec(f.label)?.[0] ?? chineseValue(f.label));
    const prev = last.get(f.kind);
    if (prev?.crossed && n === prev.n + 1) straight.add(f.kind);
    last.set(f.kind, { n, crossed: false });
    for (const [k, v] of last) if (k > f.kind) v.crossed = true;
  }
  const nested = [...firstLabel.keys()].filter((k) => !straight.has(k)).sort();
  const config: INumberingOptions['config'][number][] = [
    {
      reference: 'outline',
      levels: nested.map((k, level) => ({ level, format: KINDS[k].format, text: KINDS[k].text(firstLabel.get(k) as string).replace('%1', `%${level + 1}`), alignment: AlignmentType.START })),
    },
    ...[...firstLabel.keys()].filter((k) => !nested.includes(k)).map((k) => ({
      reference: `list${k}`,
      levels: [{ level: 0, format: KINDS[k].format, text: KINDS[k].text(firstLabel.get(k) as string), alignment: AlignmentType.START }],
    })),
  ];
  // A list's top level that starts again at 1 (an annex) is a new instance of the list, as Word writes it.
  const instance = new Map<string, { n: number; used: boolean }>();
  const children: FileChild[] = lines.map((line, i) => {
    const f = found[i];
    if (!f || f.indent > 0) return new Paragraph({ text: line });
    const level = nested.indexOf(f.kind);
    const reference = level >= 0 ? 'outline' : `list${f.kind}`;
    const inst = instance.get(reference) ?? { n: 0, used: false };
    instance.set(reference, inst);
    if (level <= 0 && /^\D*1\D*$|^[((]?一[、))]/.test(f.label) && inst.used) inst.n++;
    inst.used = true;
    return new Paragraph({ text: f.rest, numbering: { reference, level: Math.max(level, 0), instance: inst.n } });
  });
  return new Document({ numbering: { config }, sections: [{ children }] });
}

function chineseValue(label: string): number {
  const digits = '一二三四五六七八九';
  const m = /([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)/.exec(label.replace(/[^一二三四五六七八九十]/g, ''));
  if (!m) return NaN;
  const tens = m[2] ? (m[1] ? digits.indexOf(m[1]) + 1 : 1) : 0;
  const ones = m[2] ? (m[3] ? digits.indexOf(m[3]) + 1 : 0) : m[1] ? digits.indexOf(m[1]) + 1 : 0;
  return tens * 10 + ones;
}

/** The .docx bytes of a document. */
export async function pack(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}
