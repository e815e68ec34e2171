/**
 * The layout rules of the exported documents, in one place: GB/T 9704-2012 (党政机关公文格式) for the
 * .docx, and the responsibility table's columns and print setup for the .xlsx. Nothing else in the
 * export states a size, a font or a margin.
 */

/** Twips (1/20 pt) in a millimetre: Word measures the page in twips. */
const TWIPS_PER_MM = 1440 / 25.4;
const mm = (v: number): number => Math.round(v * TWIPS_PER_MM);

/** Chinese type sizes (字号) in points. */
export const SIZE = { 二号: 22, 三号: 16, 四号: 14 } as const;

/** GB/T 9704-2012 §5.2: A4, and the type area (版心) 156 mm × 225 mm. */
export const PAGE = {
  width: mm(210),
  height: mm(297),
  /** 天头 37 mm, 订口 28 mm; the bottom and right margins follow from the 156 × 225 mm type area. */
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  /**
   * §7.5: the page number sits 7 mm below the type area. Word places the footer's bottom edge this far
   * above the page's: 35 mm − 7 mm − one 4号 line (about 5 mm).
   */
  footer: mm(23),
  header: mm(15),
};

const LINES = 22;
const CHARS = 28;
const TYPE_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
/** §5.2.2: 22 lines of 28 characters of 3号 type. */
export const GRID = {
  lines: LINES,
  chars: CHARS,
  /** Twips between lines: the type area's height over 22, rounded down so that 22 lines fit (579). */
  linePitch: Math.floor((PAGE.height - PAGE.margin.top - PAGE.margin.bottom) / LINES),
  /**
   * 28 characters of 16 pt type are 448 pt, the line 442 pt: each character is drawn this many twips
   * (1/20 pt) closer, rounded away from zero so that the 28th still fits (−5). Word's negative
   * `w:charSpace` character grid would say the same, but LibreOffice gives every character that is wider
   * than its grid cell two cells, 18 characters a line; spacing on the runs means 28 everywhere.
   */
  charSpacing: Math.floor(TYPE_WIDTH / CHARS - SIZE.三号 * 20),
};

/**
 * The fonts GB/T 9704 names, as Word and WPS know them, each with the font a machine without it should
 * fall back to (`w:altName`): a Windows machine has SimSun/SimHei/KaiTi/FangSong; LibreOffice on Linux
 * maps the CJK families through fontconfig (Noto Serif CJK SC / Noto Sans CJK SC). Fonts are named,
 * never embedded.
 */
export const FONT = {
  /** 标题: 2号方正小标宋简体 */
  title: { name: '方正小标宋简体', alt: '宋体' },
  /** 正文: 3号仿宋_GB2312 */
  body: { name: '仿宋_GB2312', alt: '仿宋' },
  /** 一级标题 一、: 黑体 */
  h1: { name: '黑体', alt: 'SimHei' },
  /** 二级标题 (一): 楷体_GB2312 */
  h2: { name: '楷体_GB2312', alt: '楷体' },
  /** Latin text and figures: GB/T 9704 leaves them to the body font; Word needs a Latin face named. */
  latin: 'Times New Roman',
  /** 页码: 4号 半角宋体阿拉伯数字 (§7.5) */
  pageNumber: { name: '宋体', alt: 'SimSun' },
} as const;

/** Body paragraphs: first line indented two characters (§7.3), justified. */
export const INDENT_FIRST_LINE_CHARS = 2;

/** The responsibility table (任务分解表): columns, widths in Excel's character units, and print setup. */
export const TABLE = {
  /** A CJK character is about two of Excel's width units (the width of "0" in the default font). */
  columns: [
    { key: 'number', header: '序号', width: 7 },
    { key: 'task', header: '工作任务', width: 34 },
    { key: 'targets', header: '具体目标', width: 56 },
    { key: 'lead', header: '牵头单位', width: 22 },
    { key: 'responsible', header: '责任单位', width: 34 },
    { key: 'deadline', header: '完成时限', width: 12 },
  ],
  /** Columns set after 责任单位 only when some task or section states them: a table of empty cells says nothing. */
  optional: {
    cooperating: { key: 'cooperating', header: '配合单位', width: 28 },
    /** Headed by the role when every person named has the same one (分管领导), else 责任人. */
    people: { key: 'people', header: '责任人', width: 22 },
    /** 标签 (票决项目, 省定, 市定), after 工作任务, when some task carries one. */
    tags: { key: 'tags', header: '标签', width: 14 },
  },
  font: '宋体',
  titleFont: '黑体',
  fontSize: 11,
  /**
   * Points a wrapped line of 11 pt type takes. Row heights are set from the text (LibreOffice and
   * Excel do not grow a row to fit wrapped text they did not lay out themselves).
   */
  lineHeight: 15,
  titleSize: 16,
  headerFill: 'FFD9D9D9',
  sectionFill: 'FFF2F2F2',
  /** A4 landscape, margins in inches (Excel's unit): 1.5 cm left/right, 2 cm top/bottom. */
  page: { paperSize: 9, orientation: 'landscape', margins: { left: 0.59, right: 0.59, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 } },
} as const;

/**
 * The time stamped into a document whose plan states no issue date: a fixed instant, so the same plan
 * always gives the same bytes. (Zip entries keep DOS times, which start in 1980.)
 */
export const FIXED_DATE = '1980-01-01T00:00:00Z';
