/**
 * Reading the forms' Markdown back with the project's Markdown parser (CommonMark + GFM): per
 * section heading, the table's header and its rows as plain-text cells.
 */
import { markdownHeadings, markdownTables, parseMarkdown } from '../../src/markdown/parse.js';

export interface FormTable {
  heading: string;
  header: string[];
  rows: string[][];
  /** The cells as written (Markdown source), for escapes and `<br/>`. */
  source: string[][];
}

export function formTables(md: string): FormTable[] {
  const root = parseMarkdown(md);
  return markdownTables(root, md).map((t) => ({
    heading: t.heading?.text ?? '',
    header: t.header.map((c) => c.text),
    rows: t.rows.map((r) => r.cells.map((c) => c.text)),
    source: t.rows.map((r) => r.cells.map((c) => c.source)),
  }));
}

export const headings = (md: string, depth: number): string[] =>
  markdownHeadings(parseMarkdown(md)).filter((h) => h.depth === depth).map((h) => h.text);

/** Row by item id (the column named `#`). */
export function rowsById(md: string): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const t of formTables(md)) {
    const id = t.header.indexOf('#');
    if (id < 0) continue;
    for (const row of t.rows) out.set(row[id]!, Object.fromEntries(t.header.map((h, i) => [h, row[i] ?? ''])));
  }
  return out;
}
