/**
 * Documentation beyond the README: text documents in the docs folders and at the root, office
 * documents, docs-site configurations, an architecture description, and the headings of all of
 * them (checks look for "Installation", "Drift", "Sikkerhed" … in heading text).
 */
import { readRepoText, DEFAULT_MAX_BYTES } from '../repo/safePath.js';
import type { RepoRoot } from '../repo/source.js';
import { markdownLinks, parseMarkdown } from '../markdown/parse.js';
import { docFormatOf, extractHeadings } from './headings.js';
import type { DocsFacts, FileIndexFacts, Heading, WellKnownFacts } from './types.js';

export const MAX_HEADING_FILES = 300;
/** The marker `os2level fix` leaves where only the product can write the text. */
export const PLACEHOLDER = 'TODO(os2level)';
export const MAX_HEADINGS_PER_FILE = 200;
export const MAX_LINKS = 500;
/** A web address as a token: scheme, host, and the rest up to white space or Markdown/HTML delimiters. */
const LINK = /\bhttps?:\/\/([a-z0-9.-]+)(?::\d+)?(?:[/?#][^\s<>()[\]"'`]*)?/gi;
const SITE_CONFIG_READ_BYTES = 64 * 1024;

const TEXT_EXT = /\.(md|markdown|mdx|adoc|asciidoc|rst|txt)$/i;
const OFFICE_EXT = /\.(docx|doc|pdf|pptx|ppt|odt|odp)$/i;
const DOCS_DIR = /^(docs|doc|documentation)\//i;
/** Root files that are not documentation of the product: licence texts, dependency lists. */
const NOT_DOCS_AT_ROOT = /^(readme|licen[cs]es?|copying|unlicen[cs]e)([.\-_][^/]*)?$/i;
/** `.txt` files that are tool inputs rather than prose (Sphinx's docs/requirements.txt, CMake). */
const TOOL_TXT = /(^|\/)((dev-|test-)?requirements[^/]*|constraints[^/]*|robots|cmakelists)\.txt$/i;

export async function collectDocs(root: RepoRoot, index: FileIndexFacts, wellKnown: WellKnownFacts): Promise<DocsFacts> {
  const textFiles = index.paths.filter(isDocText);
  const officeFiles = index.paths.filter((p) => OFFICE_EXT.test(p));
  const siteConfigs = await findSiteConfigs(root, index.paths);

  const headings: Heading[] = [];
  const placeholders: { path: string; line: number }[] = [];
  const links: NonNullable<DocsFacts['links']> = [];
  const readme = wellKnown.readme[0]?.path;
  const sources = [...(readme ? [readme] : []), ...textFiles.filter((p) => p !== readme)].slice(0, MAX_HEADING_FILES);
  for (const path of sources) {
    const read = await readRepoText(root, path, DEFAULT_MAX_BYTES);
    if (!read.ok || read.binary) continue; // the file list still shows it; its headings are simply not known
    for (const h of extractHeadings(read.text, docFormatOf(path), MAX_HEADINGS_PER_FILE)) headings.push({ path, ...h });
    if (links.length < MAX_LINKS) {
      if (docFormatOf(path) === 'markdown' && !/\.txt$/i.test(path)) collectMarkdownLinks(path, read.text, links);
      else collectLinks(path, read.text, links);
    }
    if (read.text.includes(PLACEHOLDER)) {
      read.text.split('\n').forEach((l, i) => {
        if (l.includes(PLACEHOLDER)) placeholders.push({ path, line: i + 1 });
      });
    }
  }
  return { textFiles, officeFiles, siteConfigs, headings, architecture: findArchitecture(index.paths), placeholders, links };
}

/**
 * Markdown: the links a reader follows (inline, reference, autolinks, bare addresses GFM links,
 * `<a href>`), read by the one Markdown reader; an address inside a code block is not a link.
 * The first link to each host, with its line, until MAX_LINKS are collected.
 */
function collectMarkdownLinks(path: string, text: string, out: NonNullable<DocsFacts['links']>): void {
  if (!text.includes('://')) return;
  const hosts = new Set<string>();
  for (const link of markdownLinks(parseMarkdown(text))) {
    let host: string;
    try {
      const url = new URL(link.url);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
      host = url.hostname.toLowerCase().replace(/\.$/, '');
    } catch {
      continue;
    }
    if (host === '' || hosts.has(host)) continue;
    hosts.add(host);
    out.push({ path, line: link.line, host, url: link.url.length > 200 ? link.url.slice(0, 200) : link.url });
    if (out.length >= MAX_LINKS) return;
  }
}

/** AsciiDoc, reStructuredText and plain text: web addresses as tokens. The first link to each host in one file, with its line. */
function collectLinks(path: string, text: string, out: NonNullable<DocsFacts['links']>): void {
  if (!text.includes('://')) return;
  const hosts = new Set<string>();
  let line = 1;
  let lineStart = 0;
  for (const m of text.matchAll(LINK)) {
    const host = m[1]!.toLowerCase().replace(/\.$/, '');
    if (hosts.has(host)) continue;
    hosts.add(host);
    // Lines counted incrementally from the previous match: one pass over the text.
    for (let i = text.indexOf('\n', lineStart); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    out.push({ path, line, host, url: m[0].length > 200 ? m[0].slice(0, 200) : m[0] });
    if (out.length >= MAX_LINKS) return;
  }
}

function isDocText(path: string): boolean {
  if (!TEXT_EXT.test(path) || TOOL_TXT.test(path)) return false;
  if (DOCS_DIR.test(path)) return true;
  // At the root: prose formats only; root `.txt` files are almost always tool inputs.
  return !path.includes('/') && !/\.txt$/i.test(path) && !NOT_DOCS_AT_ROOT.test(path);
}

function findArchitecture(paths: string[]): string | null {
  const named = paths.filter(
    (p) => /(^|\/)architecture[^/]*$/i.test(p) && (TEXT_EXT.test(p) || OFFICE_EXT.test(p) || !/\.[^/]+$/.test(p.slice(p.lastIndexOf('/')))),
  );
  const atRoot = named.find((p) => !p.includes('/'));
  if (atRoot) return atRoot;
  const inDocs = named.find((p) => DOCS_DIR.test(p));
  if (inDocs) return inDocs;
  // A docs/architecture/ folder of documents describes the architecture too.
  return paths.find((p) => /^(docs|doc|documentation)\/(.+\/)?architecture\//i.test(p) && TEXT_EXT.test(p)) ?? null;
}

const SPHINX = /\b(sphinx|html_theme|master_doc|root_doc)\b/;

/** Every file name a site configuration can have; only paths ending so are looked at closely. */
const SITE_CONFIG_NAME = /(?:^|\/)(?:mkdocs\.ya?ml|_config\.ya?ml|book\.toml|antora\.ya?ml|\.readthedocs\.ya?ml|docusaurus\.config\.(?:js|mjs|cjs|ts)|\.vitepress\/config\.(?:js|mjs|ts|mts)|conf\.py)$/i;

/** Docs-site generators: looked for near the root only, so vendored projects do not count. */
async function findSiteConfigs(root: RepoRoot, paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if (!SITE_CONFIG_NAME.test(p)) continue;
    const lower = p.toLowerCase();
    const depth = lower.split('/').length - 1;
    const base = lower.slice(lower.lastIndexOf('/') + 1);
    const inRootOrDocs = depth === 0 || (DOCS_DIR.test(lower) && depth <= 2);
    if (
      (inRootOrDocs && /^(mkdocs\.ya?ml|_config\.ya?ml|book\.toml|antora\.ya?ml|\.readthedocs\.ya?ml)$/.test(base)) ||
      (depth <= 1 && /^docusaurus\.config\.(js|mjs|cjs|ts)$/.test(base)) ||
      (depth <= 3 && /(^|\/)\.vitepress\/config\.(js|mjs|ts|mts)$/.test(lower))
    ) {
      out.push(p);
    } else if (base === 'conf.py' && depth <= 3) {
      const read = await readRepoText(root, p, SITE_CONFIG_READ_BYTES);
      if (read.ok && !read.binary && SPHINX.test(read.text)) out.push(p);
    }
  }
  return out;
}
