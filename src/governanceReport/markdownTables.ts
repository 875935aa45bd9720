/** Markdown pipe tables with their positions: the only structure a governance report needs read. */

export interface MarkdownTable {
  /** Header cells, trimmed. */
  header: string[];
  rows: { line: number; cells: string[] }[];
  /** 1-based line of the header row. */
  line: number;
}

const SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Splits a table row on pipes that are neither escaped nor inside code spans. */
export function splitRow(line: string): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  const cells: string[] = [];
  let current = '';
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && text[i + 1] === '|') {
      current += '|';
      i++;
    } else if (ch === '`') {
      inCode = !inCode;
      current += ch;
    } else if (ch === '|' && !inCode) {
      cells.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  cells.push(current.trim());
  return cells;
}

const isTableLine = (line: string): boolean => line.trim().startsWith('|') || (line.includes('|') && line.trim().length > 0 && !line.trim().startsWith('#'));

/** Every pipe table in the text (a header row, a separator row, then rows), outside fenced code. */
export function findTables(text: string): MarkdownTable[] {
  const lines = text.split(/\r?\n/);
  const tables: MarkdownTable[] = [];
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      if (fence === null) fence = fenceMatch[1]!.charAt(0);
      else if (fenceMatch[1]!.charAt(0) === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const next = lines[i + 1];
    if (next === undefined || !line.includes('|') || !SEPARATOR.test(next) || !next.includes('-')) continue;
    const table: MarkdownTable = { header: splitRow(line), rows: [], line: i + 1 };
    let j = i + 2;
    for (; j < lines.length && isTableLine(lines[j]!) && lines[j]!.includes('|'); j++) {
      table.rows.push({ line: j + 1, cells: splitRow(lines[j]!) });
    }
    tables.push(table);
    i = j - 1;
  }
  return tables;
}

/** Markdown reduced to its words: links to "text (url)", emphasis, code marks and `<br>` removed. */
export function plainText(cell: string): string {
  return cell
    .replace(/<br\s*\/?>/gi, '; ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g, (_, label: string, url: string) => (label && label !== url ? `${label} (${url})` : url))
    .replace(/<(https?:\/\/[^>]+)>/g, '$1')
    .replace(/(\*\*|__|`)/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
