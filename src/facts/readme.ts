/**
 * The README as evidence of a described purpose: its title, its first paragraph (a seed for
 * `init`) and how much real prose it holds. Badges, code, HTML markup and lists of links are not
 * prose: a README made only of those describes nothing.
 */
import { readRepoText, DEFAULT_MAX_BYTES, type ReadResult } from '../repo/safePath.js';
import type { RepoRoot } from '../repo/source.js';
import {
  asciidocCodeMask,
  docFormatOf,
  extractHeadings,
  plainAsciidoc,
  plainRst,
  type DocFormat,
} from './headings.js';
import type { Nodes, Paragraph } from 'mdast';
import { htmlToText, parseMarkdown, plainText } from '../markdown/parse.js';
import { known, unknownFact, type Known, type ReadmeFacts, type WellKnownFacts } from './types.js';

/** Reason codes when no README fact can be given; `unreadable: <detail>` carries the OS reason. */
export const README_UNKNOWN = {
  noReadme: 'no-readme',
  binary: 'binary',
  outside: 'outside-repository',
  unreadable: 'unreadable',
} as const;

const MAX_FIRST_PARAGRAPH = 2000;

export async function collectReadme(root: RepoRoot, wellKnown: WellKnownFacts): Promise<Known<ReadmeFacts>> {
  if (wellKnown.readme.length === 0) return unknownFact(README_UNKNOWN.noReadme);
  // The preferred README decides; a later one is used only when an earlier one cannot be read.
  let firstFailure: string | null = null;
  for (const ref of wellKnown.readme) {
    const read = await readRepoText(root, ref.path, DEFAULT_MAX_BYTES);
    const failure = readFailureReason(read);
    if (failure !== null || !read.ok) {
      firstFailure ??= failure;
      continue;
    }
    const format = docFormatOf(ref.path);
    const title = extractHeadings(read.text, format).find((h) => h.depth === 1)?.text ?? null;
    const prose = format === 'markdown' ? markdownProse(read.text) : analyseProse(read.text, format);
    return known({ path: ref.path, title, firstParagraph: prose.firstParagraph, proseChars: prose.chars, truncated: read.truncated });
  }
  return unknownFact(firstFailure ?? README_UNKNOWN.unreadable);
}

/** Why a file could not serve as text: a README_UNKNOWN code, `unreadable` with its detail; null when it can. */
export function readFailureReason(read: ReadResult): string | null {
  if (!read.ok) {
    if (read.reason === 'outside-repository') return README_UNKNOWN.outside;
    return `${README_UNKNOWN.unreadable}: ${read.detail}`;
  }
  return read.binary ? README_UNKNOWN.binary : null;
}

export interface Prose {
  chars: number;
  firstParagraph: string | null;
}

/** One line of a document, classified: prose keeps its plain text; anything else breaks paragraphs. */
type Line = { kind: 'prose'; text: string; listItem: boolean } | { kind: 'break' } | { kind: 'skip' };

export function analyseProse(text: string, format: DocFormat): Prose {
  const raw = text.split(/\r\n|\r|\n/);
  if (format === 'markdown') return markdownProse(text);
  const lines = format === 'rst' ? rstLines(raw) : asciidocLines(raw);
  let chars = 0;
  const paragraphs: string[] = [];
  let current: string[] = [];
  let currentIsList = false;
  const flush = (): void => {
    if (current.length && !currentIsList) paragraphs.push(current.join(' '));
    current = [];
    currentIsList = false;
  };
  for (const line of lines) {
    if (line.kind === 'prose') {
      chars += line.text.length;
      if (line.listItem && current.length === 0) currentIsList = true;
      current.push(line.text);
    } else if (line.kind === 'break') flush();
  }
  flush();
  // A paragraph of a word or two ("Work in progress") is not a description.
  const first = paragraphs.find((p) => p.split(' ').length >= 3) ?? null;
  return { chars, firstParagraph: first === null ? null : first.slice(0, MAX_FIRST_PARAGRAPH) };
}

/** Headings that introduce the product's purpose: their first paragraph is the description. */
const PURPOSE_HEADINGS = new Set(['formål', 'purpose', 'about', 'om', 'beskrivelse', 'description', 'om projektet', 'about the project', 'introduction', 'introduktion']);

/**
 * Prose of a Markdown README read through the one Markdown reader: paragraphs (in lists and
 * quotes too) count; code, HTML blocks, tables of badges and lines of only links do not. The
 * description is a whole paragraph: the first one under a "Formål"/"Purpose" heading, else the
 * first paragraph of prose in the document, with links reduced to their text (a link whose text is
 * its own address, like `(https://example.org)`, dropped with its brackets), never a cut fragment.
 */
export function markdownProse(text: string): Prose {
  const root = parseMarkdown(text);
  let chars = 0;
  const candidates: { text: string; purpose: boolean }[] = [];
  let underPurpose = false;
  const visit = (node: Nodes, inList: boolean): void => {
    if (node.type === 'heading') {
      underPurpose = PURPOSE_HEADINGS.has(plainText(node).toLowerCase().replace(/[:.]$/, ''));
      return;
    }
    if (node.type === 'paragraph') {
      if (!hasOwnWords(node)) return;
      const words = plainText(node);
      chars += words.length;
      if (!inList && !isStrapline(node)) candidates.push({ text: sentenceText(node), purpose: underPurpose });
      return;
    }
    if (node.type === 'tableRow') {
      const words = node.children.filter(hasOwnWords).map((c) => plainText(c)).join(' ');
      chars += words.length;
      return;
    }
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml' || node.type === 'definition') return;
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child, inList || node.type === 'list');
  };
  visit(root, false);
  // A paragraph of a word or two ("Work in progress") is not a description.
  const described = candidates.filter((c) => c.text.split(' ').length >= 3);
  const first = described.find((c) => c.purpose) ?? described[0] ?? null;
  return { chars, firstParagraph: first === null ? null : wholeSentences(first.text, MAX_FIRST_PARAGRAPH) };
}

/** True when the node has words outside links, images and HTML: a line of badges or links is not prose. */
function hasOwnWords(node: Nodes): boolean {
  let own = '';
  const walk = (n: Nodes): void => {
    if (n.type === 'text' || n.type === 'inlineCode') own += n.value;
    else if (n.type === 'link' || n.type === 'linkReference' || n.type === 'image' || n.type === 'imageReference' || n.type === 'html') return;
    else if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  walk(node);
  return HAS_LETTER.test(own.replace(/https?:\/\/\S+/g, ' '));
}

/** A paragraph that is all emphasis (an italic strapline under the title) is not the description. */
const isStrapline = (p: Paragraph): boolean => p.children.length === 1 && (p.children[0]!.type === 'emphasis' || p.children[0]!.type === 'strong');

/** A paragraph's text for a description: links to their text, self-addressed links and bare URLs dropped with empty brackets. */
function sentenceText(p: Paragraph): string {
  const parts: string[] = [];
  const walk = (n: Nodes): void => {
    if (n.type === 'link') {
      const words = plainText(n);
      if (words === n.url || /^(https?:\/\/|www\.|mailto:)/i.test(words) || words === n.url.replace(/^mailto:/, '')) return;
    }
    if (n.type === 'text') parts.push(n.value.replace(/https?:\/\/\S+/g, ''));
    else if (n.type === 'inlineCode') parts.push(n.value);
    else if (n.type === 'break') parts.push(' ');
    else if (n.type === 'html') parts.push(htmlToText(n.value));
    else if (n.type === 'image' || n.type === 'imageReference' || n.type === 'footnoteReference') return;
    else if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  walk(p);
  return parts.join('')
    .replace(/\s+/g, ' ')
    .replace(/[([]\s*[)\]]/g, '')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** At most `max` characters, ending at a sentence boundary (Intl.Segmenter) when it must be shortened. */
export function wholeSentences(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text)) {
    if ((out + segment).trimEnd().length > max) break;
    out += segment;
  }
  if (out.trim()) return out.trim();
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))}…`;
}

const LINK_ONLY_RESIDUE = /^[\s|•·,;:/\-–—*+>()[\]]*$/u;
const HAS_LETTER = /\p{L}/u;

/** Text of a line once links keep their words, and whether anything beyond links and images remains. */
function proseOf(raw: string, plain: (s: string) => string): { text: string; linkOnly: boolean } {
  // HTML entities (`&nbsp;` spacers between logos) are markup, not words.
  const line = raw.replace(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi, ' ');
  const withoutLinks = line
    // Images first, so a badge `[![alt](img)](link)` leaves an empty link behind.
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/!\[[^\]]*\]\[[^\]]*\]/g, ' ')
    .replace(/\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]\[[^\]]*\]/g, ' ')
    .replace(/\b(?:link|xref|image|mailto):{1,2}[^\s[]*\[[^\]]*\]/g, ' ')
    .replace(/\bhttps?:\/\/[^\s[]+\[[^\]]*\]/g, ' ')
    .replace(/`[^`<]*<[^>]+>`_{1,2}/g, ' ')
    .replace(/<a\b[^>]*>.*?<\/a>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
  const linkOnly = LINK_ONLY_RESIDUE.test(withoutLinks) || !HAS_LETTER.test(withoutLinks);
  const text = plain(line)
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
    .replace(/\|/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { text, linkOnly: linkOnly || !HAS_LETTER.test(text) };
}

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;

function asciidocLines(raw: string[]): Line[] {
  const mask = asciidocCodeMask(raw);
  const headingLines = new Set(extractHeadings(raw.join('\n'), 'asciidoc').map((h) => h.line - 1));
  return raw.map((line, i): Line => {
    if (mask[i] || line.trim() === '' || headingLines.has(i)) return { kind: 'break' };
    // Attribute entries, block attributes/anchors, block macros and block titles are markup.
    if (/^:[\w-]+!?:/.test(line) || /^\[.*\]\s*$/.test(line) || /^\w+::\S*\[.*\]\s*$/.test(line) || /^\.\S/.test(line)) {
      return { kind: 'skip' };
    }
    const { text, linkOnly } = proseOf(line, plainAsciidoc);
    return linkOnly ? { kind: 'skip' } : { kind: 'prose', text, listItem: /^\s*(\*+|-|\.+)\s/.test(line) };
  });
}

function rstLines(raw: string[]): Line[] {
  const headingLines = new Set<number>();
  for (const h of extractHeadings(raw.join('\n'), 'rst')) {
    headingLines.add(h.line - 2).add(h.line - 1).add(h.line);
  }
  const out: Line[] = [];
  // Directives (`.. image::`), comments and literal blocks (after `::`) run over their indented body.
  let skipIndentedBody = false;
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]!;
    if (line.trim() === '') {
      out.push({ kind: 'break' });
      continue;
    }
    if (skipIndentedBody && /^\s/.test(line)) {
      out.push({ kind: 'skip' });
      continue;
    }
    skipIndentedBody = false;
    if (/^\.\.(\s|$)/.test(line)) {
      skipIndentedBody = true;
      out.push({ kind: 'skip' });
      continue;
    }
    if (headingLines.has(i)) {
      out.push({ kind: 'break' });
      continue;
    }
    if (/::\s*$/.test(line)) skipIndentedBody = true;
    const { text, linkOnly } = proseOf(line.replace(/::\s*$/, ':'), plainRst);
    out.push(linkOnly ? { kind: 'skip' } : { kind: 'prose', text, listItem: LIST_ITEM.test(line) });
  }
  return out;
}
