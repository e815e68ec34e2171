// Names that look the same as a known one but are not the same string: full-width and half-width
// brackets, stray spaces (NBSP and zero-width ones too), traditional characters, one stray character.

/** How a near-identical name differs from the known one. */
export type Variance = 'brackets' | 'space' | 'nbsp' | 'invisible' | 'traditional' | 'stray';

/** Traditional characters seen in unit names, with their simplified forms. */
const TRADITIONAL: Record<string, string> = Object.fromEntries(
  [
    '衛卫', '會会', '員员', '辦办', '區区', '縣县', '門门', '務务', '業业', '發发', '開开', '書书', '經经', '濟济', '財财',
    '廳厅', '處处', '監监', '農农', '協协', '專专', '醫医', '療疗', '險险', '勞劳', '動动', '資资', '環环', '護护', '設设',
    '築筑', '運运', '輸输', '導导', '學学', '體体', '廣广', '電电', '視视', '傳传', '聯联', '計计', '劃划', '華华', '國国',
    '鄉乡', '鎮镇', '黨党', '團团', '婦妇', '殘残', '應应', '災灾', '氣气', '質质', '統统', '場场', '價价', '糧粮', '儲储',
    '稅税', '審审', '紀纪', '組组', '織织', '職职', '軍军', '營营', '園园', '歸归', '圖图', '館馆', '號号', '證证', '據据',
    '災灾', '戶户', '勢势', '設设', '屬属', '總总', '規规', '劃划', '態态', '機机', '構构', '關关', '僑侨', '臺台', '愛爱',
    '興兴', '產产', '貿贸', '權权', '藝艺', '術术', '緣缘', '倉仓', '執执', '兒儿', '齡龄', '問问', '辭辞', '億亿',
    // Seen in the things a measure word counts (unit-fits-noun): 老舊小區, 信報箱, 農橋, 水庫, 廁所, 個, 萬戶.
    '舊旧', '報报', '橋桥', '庫库', '廁厕', '個个', '養养', '萬万', '數数', '條条', '間间', '棟栋',
  ].map((pair) => [pair[0], pair[1]]),
);

const FULL_TO_HALF: Record<string, string> = { '（': '(', '）': ')' };
const HALF_TO_FULL: Record<string, string> = { '(': '（', ')': '）' };
/** Spaces a drafter types by accident: ordinary, ideographic (U+3000) and no-break (U+00A0). */
const VISIBLE_SPACE = /[ \u3000\u00A0]/g;
/** Characters that take no room: zero-width space, joiners, word joiner, BOM. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** `name` with the traditional characters of the table above in their simplified forms. */
export function simplified(name: string): string {
  let out = '';
  for (const ch of name) out += TRADITIONAL[ch] ?? ch;
  return out;
}

/**
 * The known name `name` is a near-identical spelling of, and how it differs; undefined when it is
 * none of them. `isKnown` says whether the plan or the register spells a name so.
 */
export function nearIdentical(name: string, isKnown: (name: string) => boolean): { known: string; variance: Variance } | undefined {
  if (isKnown(name)) return undefined;
  const tries: [Variance, string][] = [
    ['invisible', name.replace(INVISIBLE, '')],
    [name.includes('\u00A0') ? 'nbsp' : 'space', name.replace(VISIBLE_SPACE, '').replace(INVISIBLE, '')],
    ['brackets', name.replace(/[（）]/g, (c) => FULL_TO_HALF[c])],
    ['brackets', name.replace(/[()]/g, (c) => HALF_TO_FULL[c])],
    ['traditional', simplified(name)],
  ];
  for (const [variance, candidate] of tries) if (candidate !== name && isKnown(candidate)) return { known: candidate, variance };
  // One stray character: taking one out gives a known name (区教育局局, 区教育、局). Short names are left alone.
  if ([...name].length >= 4) {
    const chars = [...name];
    for (let i = 0; i < chars.length; i++) {
      const candidate = chars.slice(0, i).join('') + chars.slice(i + 1).join('');
      if (isKnown(candidate)) return { known: candidate, variance: 'stray' };
    }
  }
  return undefined;
}
