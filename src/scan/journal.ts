/**
 * The JSON Lines journal: a header line naming the scan, then one line per finished product,
 * appended (and flushed) as each finishes. An interrupted scan resumes from it: finished products
 * are not redone, and a line cut off by the interruption is ignored (that product is redone).
 */
import { appendFile, mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError } from '../errors.js';
import { readInputFile } from '../repo/readInput.js';

/** A journal line per product: thousands of products stay far below this. */
const MAX_JOURNAL_BYTES = 256 * 1024 * 1024;
import { describeInvalid, invalidJournalLine } from './inputs.js';
import type { ScanEntry } from './model.js';

export interface JournalHeader {
  type: 'scan';
  /** Hash of what makes two runs the same scan: portfolio, level file, tool version, language, shard. */
  fingerprint: string;
  asOf: string;
}

type JournalLine = JournalHeader | { type: 'product'; entry: ScanEntry };

export interface JournalState {
  header: JournalHeader;
  entries: ScanEntry[];
  /** Lines that were not used (cut off, or not valid against schemas/scan-journal-line.schema.json). */
  skipped: SkippedJournalLine[];
}

export interface SkippedJournalLine {
  file: string;
  /** 1-based. */
  line: number;
  reason: string;
}

export async function readJournal(path: string): Promise<JournalState | null> {
  let text: string;
  try {
    // The one input reader: a journal replaced by a FIFO or grown past the bound is refused, not waited on.
    text = (await readInputFile(path, { what: 'a scan journal (--journal)', maxBytes: MAX_JOURNAL_BYTES })).toString('utf8');
  } catch (e) {
    if (e instanceof InputError && e.code === 'file-not-found') return null;
    throw e;
  }
  let header: JournalHeader | null = null;
  const entries = new Map<string, ScanEntry>();
  const skipped: SkippedJournalLine[] = [];
  const lines = text.split('\n');
  const headerLine = lines.findIndex((l) => l.trim() !== '');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let parsed: JournalLine;
    try {
      parsed = JSON.parse(line) as JournalLine;
    } catch {
      // The last line of a killed run is expected to be cut off; anywhere else it is worth saying.
      if (lines.slice(i + 1).some((l) => l.trim() !== '')) skipped.push({ file: path, line: i + 1, reason: 'not valid JSON' });
      continue;
    }
    // Validated before use: an entry missing its result is redone, never evaluated or reported.
    const invalid = invalidJournalLine(parsed, path);
    if (invalid) {
      if (i === headerLine) {
        throw new InputError(`${path}:${i + 1}: not an os2level scan journal: ${describeInvalid(invalid)}; run without --resume to start afresh`, [], 'journal-invalid');
      }
      skipped.push({ file: path, line: i + 1, reason: describeInvalid(invalid) });
      continue;
    }
    if (parsed.type === 'scan') header ??= parsed;
    else entries.set(parsed.entry.name, parsed.entry);
  }
  return header ? { header, entries: [...entries.values()], skipped } : null;
}

export class Journal {
  private constructor(readonly path: string) {}

  /** Starts a fresh journal (truncating an old one) or, when resuming, appends to the existing one. */
  static async open(path: string, header: JournalHeader, resume: JournalState | null): Promise<Journal> {
    await mkdir(dirname(path), { recursive: true });
    if (resume) {
      if (resume.header.fingerprint !== header.fingerprint) {
        throw new InputError(`${path}: the journal belongs to another scan (portfolio, level file, tool version, language or shard changed); run without --resume to start afresh`, [], 'journal-mismatch');
      }
      // A cut-off last line must not glue onto the next entry.
      const text = (await readInputFile(path, { what: 'a scan journal (--journal)', maxBytes: MAX_JOURNAL_BYTES })).toString('utf8');
      if (text.length > 0 && !text.endsWith('\n')) await appendFile(path, '\n');
    } else {
      const handle = await open(path, 'w');
      await handle.writeFile(JSON.stringify(header) + '\n');
      await handle.sync();
      await handle.close();
    }
    return new Journal(path);
  }

  private last: Promise<void> = Promise.resolve();

  /** Appends one finished product; appends run one at a time so lines never interleave. */
  append(entry: ScanEntry): Promise<void> {
    const write = async (): Promise<void> => {
      const handle = await open(this.path, 'a');
      try {
        await handle.writeFile(JSON.stringify({ type: 'product', entry }) + '\n');
        await handle.sync();
      } finally {
        await handle.close();
      }
    };
    const next = this.last.then(write);
    this.last = next.catch(() => undefined);
    return next;
  }
}
