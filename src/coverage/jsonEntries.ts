/**
 * Streaming reader for Istanbul's JSON reports: a top-level object whose entries (one per source
 * file, or `total`) are each small. The scanner tracks strings and nesting to cut the stream into
 * entries, parses one entry at a time, and never holds the whole file.
 */
import type { Readable } from 'node:stream';

export const MAX_ENTRY_CHARS = 64 * 1024 * 1024;

/** Called per top-level entry; returning a string stops reading with that reason. */
export type EntryHandler = (key: string, value: unknown, offset: number) => string | void;

export type EntriesResult = { ok: true; entries: number } | { ok: false; reason: string };

export async function forEachJsonEntry(input: Readable, onEntry: EntryHandler): Promise<EntriesResult> {
  input.setEncoding('utf8');
  // 'start' → before `{`; 'key' → expecting a key or `}`; 'colon'; 'value'; 'after' → expecting `,` or `}`; 'done'.
  let state: 'start' | 'key' | 'colon' | 'value' | 'after' | 'done' = 'start';
  let offset = 0; // characters consumed before the current chunk
  let pieces: string[] = []; // the key or value being read
  let size = 0;
  let inString = false;
  let escaped = false;
  let depth = 0; // nesting inside the current value
  let entryStart = 0;
  let key = '';
  let entries = 0;
  let sawComma = false;

  const finishValue = (): string | void => {
    const text = pieces.join('');
    pieces = [];
    size = 0;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return `invalid JSON in entry ${JSON.stringify(key)} starting at offset ${entryStart}: ${(e as Error).message}`;
    }
    entries++;
    return onEntry(key, value, entryStart);
  };

  try {
    for await (const chunk of input as AsyncIterable<string>) {
      // Start of the key/value part inside this chunk: 0 when one is carried over from the last chunk.
      let sliceFrom = state === 'value' || (state === 'key' && inString) ? 0 : -1;
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        const at = offset + i;
        if (state === 'key' || state === 'value') {
          if (inString) {
            if (escaped) escaped = false;
            else if (c === 92) escaped = true;
            else if (c === 34) {
              inString = false;
              if (state === 'key') {
                pieces.push(chunk.slice(sliceFrom, i + 1));
                sliceFrom = -1;
                try {
                  key = JSON.parse(pieces.join('')) as string;
                } catch (e) {
                  return { ok: false, reason: `invalid key at offset ${entryStart}: ${(e as Error).message}` };
                }
                pieces = [];
                state = 'colon';
              }
            }
            continue;
          }
          if (state === 'value') {
            if (c === 34) inString = true;
            else if (c === 123 || c === 91) depth++;
            else if (c === 125 || c === 93) {
              if (depth === 0) {
                if (c === 93) return { ok: false, reason: `unexpected ']' at offset ${at}` };
                pieces.push(chunk.slice(sliceFrom, i));
                sliceFrom = -1;
                const stop = finishValue();
                if (typeof stop === 'string') return { ok: false, reason: stop };
                state = 'done';
                continue;
              }
              depth--;
            } else if (c === 44 && depth === 0) {
              pieces.push(chunk.slice(sliceFrom, i));
              sliceFrom = -1;
              const stop = finishValue();
              if (typeof stop === 'string') return { ok: false, reason: stop };
              state = 'key';
              sawComma = true;
            }
            continue;
          }
          // state 'key', outside a string: whitespace, the opening quote, or `}`
          if (c === 34) {
            inString = true;
            sliceFrom = i;
            entryStart = at;
          } else if (c === 125 && !sawComma) state = 'done';
          else if (!isSpace(c)) return { ok: false, reason: `expected a key at offset ${at}` };
          continue;
        }
        if (isSpace(c) || (c === 0xfeff && at === 0)) continue;
        if (state === 'start') {
          if (c !== 123) return { ok: false, reason: `expected '{' at offset ${at}` };
          state = 'key';
        } else if (state === 'colon') {
          if (c !== 58) return { ok: false, reason: `expected ':' at offset ${at}` };
          state = 'value';
          sawComma = false;
          depth = 0;
          sliceFrom = i + 1;
        } else if (state === 'done') {
          return { ok: false, reason: `unexpected data after the end of the document at offset ${at}` };
        }
      }
      if (sliceFrom >= 0) {
        const rest = chunk.slice(sliceFrom);
        pieces.push(rest);
        size += rest.length;
        if (size > MAX_ENTRY_CHARS) return { ok: false, reason: `entry starting at offset ${entryStart} is larger than ${MAX_ENTRY_CHARS} characters` };
      }
      offset += chunk.length;
    }
  } catch (e) {
    return { ok: false, reason: `read error at offset ${offset}: ${(e as Error).message}` };
  } finally {
    input.destroy();
  }
  if (state !== 'done') return { ok: false, reason: `truncated: the document ends at offset ${offset} inside ${state === 'start' ? 'nothing (empty file)' : 'the top-level object'}` };
  return { ok: true, entries };
}

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;
