/**
 * The licence, identified from the licence file's TEXT (a file named LICENSE holding MIT text is
 * MIT). REUSE `LICENSES/` files and package manifests are further evidence in `others`; they name
 * the licence only when no licence file exists and they all agree.
 */
import { readRepoText } from '../repo/safePath.js';
import type { RepoRoot } from '../repo/source.js';
import { readFailureReason } from './readme.js';
import { LICENCE_FINGERPRINTS, OTHER_OSI_IDS, identifyLicenceText, normaliseLicenceText } from './licenceTexts.js';
import { canonicalSpdxExpression, canonicalSpdxId, correctSpdx, parseSpdx, spdxFamily, type SpdxNode } from './spdx.js';
import { known, unknownFact, type FileIndexFacts, type Known, type LicenceFacts, type WellKnownFacts } from './types.js';
import { indexHas, pathsUnder } from './indexLookup.js';

export { KNOWN_LICENCE_IDS } from './licenceTexts.js';

const LICENCE_READ_BYTES = 512 * 1024;
const MANIFEST_READ_BYTES = 256 * 1024;
const MAX_CSPROJ = 20;

const osiFamilies = new Set([...LICENCE_FINGERPRINTS.filter((f) => f.osi).map((f) => f.spdx), ...OTHER_OSI_IDS]);

/** A known SPDX id in SPDX's own spelling, keeping `-only`/`-or-later`; null when it is on no SPDX list. */
export function canonicalSpdx(id: string): string | null {
  return canonicalSpdxId(id);
}

/**
 * True for an OSI-approved SPDX id or expression: every licence of an `AND`, at least one
 * alternative of an `OR`; `WITH` exceptions do not change the answer.
 */
export function isOsiApproved(spdx: string): boolean {
  const tree = parseSpdx(spdx);
  return tree !== null && osi(tree);
}

function osi(node: SpdxNode): boolean {
  if ('license' in node) return osiFamilies.has(spdxFamily(node.plus ? `${node.license}+` : node.license));
  return node.conjunction === 'and' ? osi(node.left) && osi(node.right) : osi(node.left) || osi(node.right);
}

/** An SPDX id for a licence as manifests name it: an SPDX id or expression, or a common name. */
export function spdxFromName(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return null;
  const expression = canonicalSpdxExpression(trimmed);
  if (expression) return expression;
  const norm = normaliseLicenceText(trimmed).replace(/^the /, '').replace(/ license$/, '');
  const fp = LICENCE_FINGERPRINTS.find((f) =>
    f.names.some((n) => n === norm || n.replace(/^the /, '').replace(/ license$/, '') === norm),
  );
  // Loose spellings (`Apache 2`, `GPLv3`) as npm's corrector reads them.
  return fp?.spdx ?? correctSpdx(trimmed);
}

const SPDX_IDENTIFIER = /SPDX-License-Identifier:\s*([^\n*]+?)\s*(?:\*\/|-->|$)/im;

export async function collectLicence(root: RepoRoot, index: FileIndexFacts, wellKnown: WellKnownFacts): Promise<Known<LicenceFacts>> {
  let path: string | null = null;
  let spdx: string | null = null;
  let firstReadable: string | null = null;
  let firstFailure: string | null = null;
  const others: LicenceFacts['others'] = [];

  for (const ref of wellKnown.licence) {
    const read = await readRepoText(root, ref.path, LICENCE_READ_BYTES);
    const failure = readFailureReason(read);
    if (failure !== null || !read.ok) {
      firstFailure ??= `${failure}: ${ref.path}`;
      continue;
    }
    firstReadable ??= ref.path;
    const fromText = identifyLicenceText(read.text);
    const identifierLine = SPDX_IDENTIFIER.exec(read.text)?.[1];
    const declared = identifierLine ? spdxFromName(identifierLine) : null;
    const ids = fromText.length ? fromText : declared ? [declared] : [];
    if (declared && !ids.includes(declared)) ids.push(declared);
    for (const id of ids) {
      if (path === null) {
        path = ref.path;
        spdx = id;
      } else others.push({ spdx: id, source: ref.path });
    }
  }
  if (firstReadable === null && firstFailure !== null) return unknownFact(firstFailure);

  const extra = [...reuseLicences(index), ...(await manifestLicences(root, index))];
  others.push(...extra);
  if (path === null && firstReadable === null) {
    // No licence file: the other evidence names the licence only when it is unanimous. Creative
    // Commons licences next to another (REUSE: CC-BY-SA for docs, CC0 for config) are not the code's.
    const ids = new Set(extra.map((o) => o.spdx));
    const code = [...ids].filter((id) => !/^CC(?:0|-)/.test(id));
    if (ids.size === 1) spdx = [...ids][0]!;
    else if (code.length === 1) spdx = code[0]!;
  }
  return known({ path: path ?? firstReadable, spdx, others });
}

/** REUSE mandates `LICENSES/<SPDX id>.<ext>`, so the file name is the licence id. */
function reuseLicences(index: FileIndexFacts): LicenceFacts['others'] {
  return pathsUnder(index.paths, 'LICENSES')
    .map((p) => ({ p, m: /^LICENSES\/([^/]+?)\.[a-z]+$/.exec(p) }))
    .filter((x) => x.m !== null)
    .map(({ p, m }) => ({ spdx: canonicalSpdx(m![1]!) ?? m![1]!, source: p }));
}

async function manifestLicences(root: RepoRoot, index: FileIndexFacts): Promise<LicenceFacts['others']> {
  const out: LicenceFacts['others'] = [];
  const add = (source: string, names: (string | null | undefined)[]): void => {
    for (const name of names) {
      const id = typeof name === 'string' ? spdxFromName(name) : null;
      if (id) out.push({ spdx: id, source });
    }
  };
  const has = (path: string): boolean => indexHas(index.paths, path);
  const text = async (path: string): Promise<string | null> => {
    const read = await readRepoText(root, path, MANIFEST_READ_BYTES);
    return read.ok && !read.binary ? read.text : null;
  };

  for (const file of ['package.json', 'composer.json']) {
    if (!has(file)) continue;
    const body = await text(file);
    if (body !== null) add(file, jsonLicences(body));
  }
  if (has('pom.xml')) {
    const body = await text('pom.xml');
    const block = body ? /<licenses>([\s\S]*?)<\/licenses>/.exec(body)?.[1] : undefined;
    if (block) add('pom.xml', [...block.matchAll(/<license>[\s\S]*?<name>\s*([^<]*?)\s*<\/name>/g)].map((m) => m[1]));
  }
  for (const file of ['pyproject.toml', 'Cargo.toml']) {
    if (!has(file)) continue;
    const body = await text(file);
    const m = body ? /^\s*license\s*=\s*(?:"([^"]+)"|'([^']+)'|\{\s*text\s*=\s*"([^"]+)")/m.exec(body) : null;
    if (m) add(file, [m[1] ?? m[2] ?? m[3]]);
  }
  for (const file of index.paths.filter((p) => p.endsWith('.csproj')).slice(0, MAX_CSPROJ)) {
    const body = await text(file);
    const m = body ? /<PackageLicenseExpression>\s*([^<]*?)\s*<\/PackageLicenseExpression>/.exec(body) : null;
    if (m) add(file, [m[1]]);
  }
  return out;
}

/** `license` as a string, `{ type }`, or the legacy `licenses: [{ type }]` / composer's array. */
function jsonLicences(body: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return [];
  }
  if (typeof data !== 'object' || data === null) return [];
  const record = data as Record<string, unknown>;
  const values = [record.license, ...(Array.isArray(record.licenses) ? record.licenses : [])].flat();
  return values
    .map((v) => (typeof v === 'string' ? v : typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string' ? (v as { type: string }).type : null))
    .filter((v): v is string => v !== null);
}
