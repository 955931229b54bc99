/**
 * The look of the .docx: a Chinese official document after GB/T 9704—2012 (党政机关公文格式).
 * Sizes are in the units OOXML stores: twips (1/20 pt) for lengths, half-points for font sizes.
 */

/** Millimetres to twips (1 in = 25.4 mm = 1440 twips). */
export const mm = (n: number): number => Math.round((n * 1440) / 25.4);

/** A4 portrait: 11906 × 16838 twips. */
export const PAGE = { width: mm(210), height: mm(297) } as const;

/** GB/T 9704 margins: 天头 37 mm, 订口 (left) 28 mm; the 156 × 225 mm 版心 fixes the other two. */
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(22) } as const;

/** Width of the text block (版心), which every table fills. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/**
 * Font names as Word and WPS know them on a Chinese Windows. 方正小标宋简体 is not part of Windows:
 * where it is missing, Word and WPS substitute another font (the document still opens and prints).
 * The others ship with every Chinese Windows (仿宋 = FangSong, 楷体 = KaiTi, 黑体 = SimHei, 宋体 = SimSun).
 */
export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋',
  heading1: '黑体',
  heading2: '楷体',
  table: '宋体',
  /** Digits and Latin letters in body text and tables, as most official templates set them. */
  latin: 'Times New Roman',
} as const;

/** Chinese font sizes (字号) in half-points. */
export const SIZE = {
  /** 二号 22 pt: the title. */
  erhao: 44,
  /** 三号 16 pt: body text and headings. */
  sanhao: 32,
  /** 四号 14 pt: page numbers. */
  sihao: 28,
  /** 小四 12 pt: notes under tables. */
  xiaosi: 24,
  /** 五号 10.5 pt: tables. */
  wuhao: 21,
  /** 小五 9 pt: the long corner note of table 3. */
  xiaowu: 18,
} as const;

/**
 * Exact line pitch of body text: 22 lines fill the 225 mm 版心 (GB/T 9704: 22 lines × 28 characters),
 * 637.8 pt / 22 = 28.99 pt; 28.9 pt keeps the 22nd line on the page in every word processor.
 */
export const BODY_LINE = 578;
/** The title's two-line spacing is wider so the 22 pt glyphs are never clipped. */
export const TITLE_LINE = 720;
/** Notes under a table (小四). */
export const NOTE_LINE = 400;
/** Table text (五号): exact, so an empty cell is as high as a written one. */
export const TABLE_LINE = 300;
/** The small gap (8 pt) after each table. */
export const GAP_LINE = 160;

/** First-line indent of two characters: in character units for Word/WPS, in twips for the rest. */
export const INDENT_2_CHARS = { firstLineChars: 200, firstLine: 2 * SIZE.sanhao * 10 } as const;

/** Table layout: row-label column share, narrow group-label columns, cell padding. */
export const TABLE = {
  /**
   * The row-label column takes about the share the HTML stylesheet gives it (th.label 28%); a little
   * less leaves each of table 3's value columns room for three characters (自然人).
   */
  labelShare: 0.26,
  /** Group labels (三、本年度办理结果 …) stand in narrow columns and wrap, as in the official template. */
  groupLabelWidth: mm(13),
  cellMarginX: 40,
  cellMarginY: 20,
  /** Border: single black line, ½ pt (size is in eighths of a point). */
  border: { style: 'single', size: 4, color: '000000' },
} as const;
