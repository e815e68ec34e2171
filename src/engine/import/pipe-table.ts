/**
 * Tables a web page's copy prints one cell a line, each cell closed by a pipe (洋縣's 項目清單):
 *
 *     |
 *     序號 |
 *     項目名稱 |
 *     …
 *
 * A line that is a lone "|" opens a row, each line ending in "|" is a cell, and a line of pipes alone
 * ("||||||") is that many empty cells (the rest of a row merged into its first cell). A cell whose text
 * runs over several lines is printed without the closing pipe on all but its last line; the text may
 * also stop inside a cell, at its end. Pure, and linear in the text: each line is looked at once and
 * the line after it once more, so a page of lone pipes or one very long line reads as fast as prose.
 */

/** One cell's text as printed (trimmed, its pipe removed) and the line (1-based) it starts on. */
export interface PipeCell {
  text: string;
  line: number;
}

/** The rows of a table read from line `start`, and the index of the first line after it. */
export interface PipeTable {
  rows: PipeCell[][];
  next: number;
}

/** More cells than any plan's table has: a row's further cells are not kept (a page of pipes is no table). */
const MAX_CELLS = 40;

/** A cell's line: its text then a closing pipe ("序號 |"), not a lone pipe, which opens a row. */
function isCellLine(text: string): boolean {
  return text.length > 1 && text.endsWith('|');
}

/**
 * The pipe table that starts at line index `start`: a lone "|" followed at once by a cell's line.
 * Undefined where the lines there are not such a table.
 */
export function pipeTableAt(lines: readonly string[], start: number): PipeTable | undefined {
  if ((lines[start] ?? '').trim() !== '|' || !isCellLine((lines[start + 1] ?? '').trim())) return undefined;
  const rows: PipeCell[][] = [];
  let row: PipeCell[] = [];
  // A cell printed over several lines: its text so far and its first line.
  let open: PipeCell | undefined;
  const add = (cell: PipeCell) => {
    if (row.length < MAX_CELLS) row.push(cell);
  };
  const closeRow = () => {
    if (open) add(open);
    open = undefined;
    if (row.length > 0) rows.push(row);
    row = [];
  };
  let j = start;
  for (; j < lines.length; j++) {
    const text = (lines[j] ?? '').trim();
    if (text === '|') closeRow();
    else if (/^\|+$/.test(text)) for (let k = 0; k < text.length && row.length < MAX_CELLS; k++) add({ text: '', line: j + 1 });
    else if (text.endsWith('|')) {
      const rest = text.slice(0, -1).trim();
      add(open ? { text: open.text + rest, line: open.line } : { text: rest, line: j + 1 });
      open = undefined;
    } else {
      // No closing pipe: the cell goes on to the next line, or the text stops inside it; otherwise the table has ended.
      const last = j + 1 >= lines.length;
      if (text === '' || (!last && !isCellLine((lines[j + 1] ?? '').trim()))) break;
      open = open ? { text: open.text + text, line: open.line } : { text, line: j + 1 };
    }
  }
  closeRow();
  return { rows, next: j };
}
