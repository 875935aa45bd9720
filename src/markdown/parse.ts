/**
 * The one Markdown reader: CommonMark + GFM (tables, task lists, autolinks, strikethrough) and YAML
 * front matter, parsed by micromark into an mdast tree with positions. Every caller that needs
 * structure from a Markdown document (headings, prose, links, tables, front matter) goes through
 * here instead of splitting lines by hand.
 */
import type { Content, Heading, Link, Nodes, Paragraph, Root, Table, TableCell } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

export type MarkdownRoot = Root;

/**
 * The documents parsed last, newest first. One check reads the README for its prose, its title,
 * its headings and its links, through different collectors; parsing is by far the costliest step
 * (~0.3 s for a 130 kB README), so the same text is parsed once. Trees are shared: callers read
 * them and never change them.
 */
const recent: { text: string; root: Root }[] = [];
const RECENT_MAX = 4;

/** The syntax extensions, built once: micromark only reads them. */
let options: Parameters<typeof fromMarkdown>[1] | undefined;

/** Parses a Markdown document. Never throws: micromark accepts every string. */
export function parseMarkdown(text: string): Root {
  const hit = recent.findIndex((r) => r.text === text);
  if (hit >= 0) {
    const [entry] = recent.splice(hit, 1);
    recent.unshift(entry!);
    return entry!.root;
  }
  options ??= {
    extensions: [gfm(), frontmatter(['yaml', 'toml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])],
  };
  const root = fromMarkdown(text, options);
  recent.unshift({ text, root });
  if (recent.length > RECENT_MAX) recent.length = RECENT_MAX;
  return root;
}

/** 1-based line where a node starts (1 when the parser gave no position). */
export function lineOf(node: { position?: { start: { line: number } } | undefined }): number {
  return node.position?.start.line ?? 1;
}

/** 1-based column where a node starts. */
export function columnOf(node: { position?: { start: { column: number } } | undefined }): number {
  return node.position?.start.column ?? 1;
}

const BLOCK_BREAK = new Set(['paragraph', 'heading', 'listItem', 'tableRow', 'blockquote', 'code', 'break']);

/**
 * The words of a node as a reader sees them: links to their text, images and HTML comments
 * dropped, inline HTML reduced to its text (`<br/>` becomes a space), whitespace collapsed.
 */
export function plainText(node: Nodes): string {
  const parts: string[] = [];
  const walk = (n: Nodes): void => {
    switch (n.type) {
      case 'text':
      case 'inlineCode':
        parts.push(n.value);
        return;
      case 'html':
        parts.push(htmlToText(n.value));
        return;
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
      case 'yaml':
      case 'definition':
        return;
      case 'break':
        parts.push(' ');
        return;
      default:
        if ('children' in n) {
          for (const child of n.children as Nodes[]) {
            walk(child);
            if (BLOCK_BREAK.has(child.type)) parts.push(' ');
          }
        }
    }
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Inline HTML reduced to its text: comments dropped, tags removed, `<br>` a space, entities decoded. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?(-->|$)/g, '')
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<\/?(li|p|div|ul|ol|tr|td|th)\b[^>]*>/gi, ' ')
      .replace(/<[^>]*>/g, ''),
  );
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

/** Every node of a type, in document order. */
export function nodesOf<T extends Nodes['type']>(root: Nodes, type: T): Extract<Nodes, { type: T }>[] {
  const out: Extract<Nodes, { type: T }>[] = [];
  const walk = (n: Nodes): void => {
    if (n.type === type) out.push(n as Extract<Nodes, { type: T }>);
    if ('children' in n) for (const child of n.children as Nodes[]) walk(child);
  };
  walk(root);
  return out;
}

export interface MarkdownHeading {
  depth: number;
  text: string;
  line: number;
}

/** Section headings (ATX and setext), reduced to plain words; headings in code or HTML do not count. */
export function markdownHeadings(root: Root): MarkdownHeading[] {
  return nodesOf(root, 'heading')
    .map((h: Heading) => ({ depth: h.depth, text: plainText(h), line: lineOf(h) }))
    .filter((h) => h.text !== '');
}

export interface MarkdownLink {
  url: string;
  text: string;
  line: number;
  column: number;
}

// An opening `<a … href=…>` tag; inline HTML arrives one tag per node, so the text is not inside it.
const HREF = /<a\s[^>]*?href\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>(?:([^<]*)<\/a\s*>)?/gi;

/**
 * Links as a reader follows them: Markdown links, autolinks, reference links resolved through
 * their definitions, and `<a href>` in inline or block HTML.
 */
export function markdownLinks(root: Root): MarkdownLink[] {
  const definitions = new Map<string, string>();
  for (const d of nodesOf(root, 'definition')) definitions.set(d.identifier.toLowerCase(), d.url);
  const out: MarkdownLink[] = [];
  const walk = (n: Nodes): void => {
    if (n.type === 'link') out.push({ url: (n as Link).url, text: plainText(n), line: lineOf(n), column: columnOf(n) });
    else if (n.type === 'linkReference') {
      const url = definitions.get(n.identifier.toLowerCase());
      if (url !== undefined) out.push({ url, text: plainText(n), line: lineOf(n), column: columnOf(n) });
    } else if (n.type === 'html') {
      for (const m of n.value.matchAll(HREF)) {
        const url = m[2] ?? m[3] ?? m[4] ?? '';
        if (url !== '') out.push({ url: decodeEntities(url), text: htmlToText(m[5] ?? ''), line: lineOf(n), column: columnOf(n) });
      }
    }
    if ('children' in n) for (const child of n.children as Nodes[]) walk(child);
  };
  walk(root);
  return out;
}

export interface MarkdownCell {
  /** The cell's words (links to their text, HTML to text). */
  text: string;
  /** Link targets inside the cell, in order. */
  urls: string[];
  /** The cell's Markdown source as written, trimmed. */
  source: string;
  line: number;
  column: number;
}

export interface MarkdownTableRow {
  line: number;
  cells: MarkdownCell[];
}

export interface MarkdownTable {
  header: MarkdownCell[];
  rows: MarkdownTableRow[];
  /** 1-based line of the header row. */
  line: number;
  /** The nearest heading above the table, if any. */
  heading?: MarkdownHeading;
}

function cellOf(cell: TableCell, text: string): MarkdownCell {
  const start = cell.position?.start.offset;
  const end = cell.position?.end.offset;
  const source = start !== undefined && end !== undefined ? text.slice(start, end).replace(/^\|/, '').replace(/\|$/, '').trim() : plainText(cell);
  const urls = markdownLinks({ type: 'root', children: cell.children as Content[] } as Root).map((l) => l.url);
  return { text: plainText(cell), urls, source, line: lineOf(cell), column: columnOf(cell) };
}

/** Every GFM table, with cells reduced to text and their links kept, and the heading it sits under. */
export function markdownTables(root: Root, text: string): MarkdownTable[] {
  const out: MarkdownTable[] = [];
  let heading: MarkdownHeading | undefined;
  const walk = (n: Nodes): void => {
    if (n.type === 'heading') heading = { depth: n.depth, text: plainText(n), line: lineOf(n) };
    if (n.type === 'table') {
      const [head, ...rows] = (n as Table).children;
      out.push({
        header: head ? head.children.map((c) => cellOf(c, text)) : [],
        rows: rows.map((r) => ({ line: lineOf(r), cells: r.children.map((c) => cellOf(c, text)) })),
        line: lineOf(n),
        ...(heading ? { heading } : {}),
      });
      return;
    }
    if ('children' in n) for (const child of n.children as Nodes[]) walk(child);
  };
  walk(root);
  return out;
}

/** Paragraphs of prose at the top level or in block quotes and lists, with their lines. */
export function markdownParagraphs(root: Root): { text: string; line: number; node: Paragraph }[] {
  return nodesOf(root, 'paragraph').map((p) => ({ text: plainText(p), line: lineOf(p), node: p }));
}

/** The YAML front matter's source, when the document starts with one. */
export function frontMatterSource(root: Root): string | undefined {
  const first = root.children[0];
  return first && first.type === 'yaml' ? first.value : undefined;
}
