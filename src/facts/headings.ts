/**
 * Section headings of Markdown, AsciiDoc and reStructuredText documents. Checks such as
 * "an installation section exists" look at heading text, so headings inside code blocks must not
 * count and heading text is reduced to plain words.
 */
import { htmlToText, lineOf, markdownHeadings, parseMarkdown } from '../markdown/parse.js';
import type { Heading } from './types.js';

export type DocFormat = 'markdown' | 'asciidoc' | 'rst';

export type HeadingAt = Omit<Heading, 'path'>;

/** The format a file's extension implies; anything unknown is read as Markdown, which plain text tolerates. */
export function docFormatOf(path: string): DocFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.rst') || lower.endsWith('.rest')) return 'rst';
  if (/\.(adoc|asciidoc|asc)$/.test(lower)) return 'asciidoc';
  return 'markdown';
}

export function extractHeadings(text: string, format: DocFormat, maxHeadings = Number.POSITIVE_INFINITY): HeadingAt[] {
  const lines = format === 'markdown' ? [] : text.split(/\r\n|\r|\n/);
  const found = format === 'asciidoc' ? asciidocHeadings(lines) : format === 'rst' ? rstHeadings(lines) : markdownDocumentHeadings(text);
  return found.filter((h) => h.text !== '').slice(0, maxHeadings);
}

/** Inline AsciiDoc/RST-style markup reduced to its words: links to their text, images, code ticks and emphasis dropped. */
export function plainLightMarkup(s: string): string {
  return s
    .replace(/<!--.*?-->/g, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/!\[[^\]]*\]\[[^\]]*\]/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(\*\*|__|\*|~~)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|\W)_(?=\S)(.+?)(?<=\S)_(?=\W|$)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

const HTML_HEADING = /^\s*<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/i;

/**
 * Markdown headings from the one Markdown reader (src/markdown/parse.ts): ATX and setext headings,
 * plus an HTML `<h1>`…`<h6>` block (READMEs centre their title that way); nothing inside code,
 * comments or front matter.
 */
function markdownDocumentHeadings(text: string): HeadingAt[] {
  const root = parseMarkdown(text);
  const out: HeadingAt[] = markdownHeadings(root).map((h) => ({ text: h.text, depth: h.depth, line: h.line }));
  for (const node of root.children) {
    if (node.type !== 'html') continue;
    const m = HTML_HEADING.exec(node.value);
    if (m) out.push({ text: htmlToText(m[2]!).replace(/\s+/g, ' ').trim(), depth: Number(m[1]), line: lineOf(node) });
  }
  return out.sort((a, b) => a.line - b.line);
}

const ADOC_TITLE = /^(={1,6}|#{1,6})[ \t]+(\S.*?)(?:[ \t]+\1)?[ \t]*$/;
/** Delimited blocks (listing, literal, passthrough, comment, example, sidebar, quote, fenced). */
const ADOC_DELIMITER = /^(-{4,}|\.{4,}|\+{4,}|\/{4,}|={4,}|\*{4,}|_{4,}|`{3,})[ \t]*$/;

/** Delimited blocks of AsciiDoc, masked like Markdown code. */
export function asciidocCodeMask(lines: string[]): boolean[] {
  const mask = new Array<boolean>(lines.length).fill(false);
  let open: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = ADOC_DELIMITER.exec(line);
    if (open !== null) {
      mask[i] = true;
      if (m && m[1] === open) open = null;
      continue;
    }
    // Example (====), sidebar (****) and quote (____) blocks hold prose; only code-like blocks are masked.
    if (m && !/^(=|\*|_)/.test(m[1]!)) {
      open = m[1]!;
      mask[i] = true;
      continue;
    }
    if (/^\/\//.test(line)) mask[i] = true;
  }
  return mask;
}

function asciidocHeadings(lines: string[]): HeadingAt[] {
  const mask = asciidocCodeMask(lines);
  const out: HeadingAt[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (mask[i]) continue;
    const m = ADOC_TITLE.exec(lines[i]!);
    if (m) out.push({ text: plainAsciidoc(m[2]!), depth: m[1]!.length, line: i + 1 });
  }
  return out;
}

/** AsciiDoc inline markup: `link:url[text]` and `url[text]` to their text, then the Markdown-like rest. */
export function plainAsciidoc(s: string): string {
  return plainLightMarkup(
    s
      .replace(/\b(?:link|xref|mailto):[^\s[]*\[([^\]]*)\]/g, '$1')
      .replace(/\bhttps?:\/\/[^\s[]+\[([^\]]*)\]/g, '$1')
      .replace(/\bimage:{1,2}[^\s[]*\[[^\]]*\]/g, '')
      .replace(/<<[^,>]*,([^>]*)>>/g, '$1')
      .replace(/<<([^>]*)>>/g, '$1'),
  );
}

/** reST adornment characters (any non-alphanumeric printable ASCII). */
const RST_ADORNMENT = /^([!-/:-@[-`{-~])\1*[ \t]*$/;

function rstHeadings(lines: string[]): HeadingAt[] {
  const out: HeadingAt[] = [];
  // reST levels are defined by the order in which adornment styles first appear.
  const styles: string[] = [];
  const depthOf = (style: string): number => {
    let idx = styles.indexOf(style);
    if (idx < 0) idx = styles.push(style) - 1;
    return idx + 1;
  };
  const isAdornment = (l: string | undefined): boolean => l !== undefined && RST_ADORNMENT.test(l) && l.trim().length >= 2;
  const isBlank = (l: string | undefined): boolean => l === undefined || l.trim() === '';

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    // Overline + title + underline.
    if (isAdornment(line) && isBlank(lines[i - 1]) && next !== undefined && !isBlank(next) && !isAdornment(next)) {
      const under = lines[i + 2];
      const title = next.trim();
      const u = under?.trim() ?? '';
      if (isAdornment(under) && u[0] === line.trim()[0] && u.length >= title.length && line.trim().length >= title.length) {
        out.push({ text: plainRst(title), depth: depthOf(`over${line.trim()[0]}`), line: i + 2 });
        i += 2;
        continue;
      }
    }
    // Title + underline: the title starts in column 0 and follows a blank line (or the start).
    if (!isBlank(line) && !/^\s/.test(line) && !isAdornment(line) && isBlank(lines[i - 1]) && isAdornment(next)) {
      const title = line.trim();
      const u = next!.trim();
      if (u.length >= title.length) {
        out.push({ text: plainRst(title), depth: depthOf(`under${u[0]}`), line: i + 1 });
        i += 1;
      }
    }
  }
  return out;
}

/** reST inline markup: `` `text <url>`_ `` to its text, roles and emphasis dropped. */
export function plainRst(s: string): string {
  return plainLightMarkup(
    s
      .replace(/`([^`<]*?)\s*<[^>]*>`_{1,2}/g, '$1')
      .replace(/:[a-z:+-]+:`([^`]*)`/gi, '$1')
      .replace(/`([^`]*)`_{1,2}/g, '$1')
      .replace(/\|([^|]+)\|/g, '$1'),
  );
}
