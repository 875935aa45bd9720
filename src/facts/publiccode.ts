/**
 * `publiccode.yml`, the European metadata standard some OS2 products carry. Supporting evidence
 * only (licence, users, contractors, description); never required, so its absence is `null`.
 */
import { parse } from 'yaml';
import { readRepoText } from '../repo/safePath.js';
import type { RepoRoot } from '../repo/source.js';
import { readFailureReason } from './readme.js';
import { known, unknownFact, type FileIndexFacts, type Known, type PubliccodeFacts } from './types.js';

const PUBLICCODE_READ_BYTES = 512 * 1024;
/** The file is hand-written metadata; a handful of aliases is plenty and bounds alias bombs. */
const MAX_ALIASES = 20;
const PREFERRED_LANGUAGES = ['da', 'en'];

export async function collectPubliccode(root: RepoRoot, index: FileIndexFacts): Promise<Known<PubliccodeFacts> | null> {
  const path = index.paths.find((p) => /^publiccode\.ya?ml$/i.test(p));
  if (path === undefined) return null;
  const read = await readRepoText(root, path, PUBLICCODE_READ_BYTES);
  const failure = readFailureReason(read);
  if (failure !== null || !read.ok) return unknownFact(failure ?? 'unreadable');

  const empty: PubliccodeFacts = { path, name: null, license: null, usedBy: [], developmentStatus: null, description: null, contractors: [] };
  if (read.truncated) return known({ ...empty, parseError: `file larger than ${PUBLICCODE_READ_BYTES} bytes` });
  let data: unknown;
  try {
    data = parse(read.text, { uniqueKeys: true, maxAliasCount: MAX_ALIASES, prettyErrors: true });
  } catch (e) {
    return known({ ...empty, parseError: (e as Error).message.split('\n')[0]! });
  }
  const doc = asRecord(data);
  if (!doc) return known({ ...empty, parseError: 'top level is not a mapping' });

  const maintenance = asRecord(doc.maintenance);
  const url = asString(doc.url);
  return known({
    path,
    ...(url ? { url: url.trim() } : {}),
    name: asString(doc.name),
    license: asString(asRecord(doc.legal)?.license),
    usedBy: asArray(doc.usedBy).map(asString).filter((s): s is string => s !== null),
    developmentStatus: asString(doc.developmentStatus),
    description: pickDescription(asRecord(doc.description)),
    contractors: asArray(maintenance?.contractors)
      .map(asRecord)
      .filter((c): c is Record<string, unknown> => c !== null && asString(c.name) !== null)
      .map((c) => ({ name: asString(c.name)!, until: asDate(c.until) })),
  });
}

/** The long description says what the software is for; the short one is the fallback. */
function pickDescription(description: Record<string, unknown> | null): string | null {
  if (!description) return null;
  const languages = [...PREFERRED_LANGUAGES.filter((l) => l in description), ...Object.keys(description).filter((l) => !PREFERRED_LANGUAGES.includes(l))];
  for (const lang of languages) {
    const entry = asRecord(description[lang]);
    const text = asString(entry?.longDescription) ?? asString(entry?.shortDescription);
    if (text) return text.trim();
  }
  return null;
}

const asRecord = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) ? (v as Record<string, unknown>) : null;
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asString = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null);
const asDate = (v: unknown): string | null => (v instanceof Date ? v.toISOString().slice(0, 10) : asString(v));
