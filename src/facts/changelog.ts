/** The versions a changelog's headings name, so `versioning.changelog-current` can compare them with tags. */
import { readRepoText } from '../repo/safePath.js';
import type { RepoRoot } from '../repo/source.js';
import { docFormatOf, extractHeadings } from './headings.js';
import { known, unknownFact, type ChangelogFacts, type Known, type WellKnownFacts } from './types.js';

// A version in a heading: "## [1.4.0] - 2025-03-01", "v2.0.0", "Version 3.1 (2024)", "OS2mo 12.3.1".
const VERSION_IN_HEADING = /(?:^|[^\w.])v?(\d+\.\d+(?:\.\d+)*(?:[-+][0-9A-Za-z.-]+)?)/i;

export async function collectChangelog(root: RepoRoot, wellKnown: WellKnownFacts): Promise<Known<ChangelogFacts> | null> {
  const file = wellKnown.changelog[0];
  if (!file) return null;
  const read = await readRepoText(root, file.path);
  if (!read.ok) return unknownFact(`${read.reason}: ${read.detail}`);
  if (read.binary) return unknownFact('binary');
  const versions: string[] = [];
  for (const h of extractHeadings(read.text, docFormatOf(file.path))) {
    const m = VERSION_IN_HEADING.exec(h.text);
    if (m) versions.push(m[1]!);
  }
  return known({ path: file.path, versions });
}
