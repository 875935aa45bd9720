/**
 * Line-by-line reading of a text stream in bounded memory: chunks are split as they arrive and only
 * the unfinished last line is carried over. A line longer than the limit fails rather than growing.
 */
import type { Readable } from 'node:stream';

export const MAX_LINE_CHARS = 1024 * 1024;

/** Called per line with its 1-based number; returning a string stops reading with that reason. */
export type LineHandler = (line: string, lineNo: number) => string | void;

export type LineResult = { ok: true; lines: number } | { ok: false; reason: string };

export async function forEachLine(input: Readable, onLine: LineHandler): Promise<LineResult> {
  input.setEncoding('utf8');
  let carry = '';
  let lineNo = 0;
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      let text = carry + chunk;
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        lineNo++;
        const stop = onLine(text.slice(start, end), lineNo);
        if (typeof stop === 'string') {
          input.destroy();
          return { ok: false, reason: stop };
        }
        start = nl + 1;
      }
      carry = text.slice(start);
      text = '';
      if (carry.length > MAX_LINE_CHARS) {
        input.destroy();
        return { ok: false, reason: `line ${lineNo + 1} is longer than ${MAX_LINE_CHARS} characters` };
      }
    }
  } catch (e) {
    return { ok: false, reason: `read error after line ${lineNo}: ${(e as Error).message}` };
  }
  if (carry.length) {
    lineNo++;
    const stop = onLine(carry.endsWith('\r') ? carry.slice(0, -1) : carry, lineNo);
    if (typeof stop === 'string') return { ok: false, reason: stop };
  }
  return { ok: true, lines: lineNo };
}
