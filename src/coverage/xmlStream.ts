/**
 * Streaming XML for coverage reports: sax in strict mode fed chunk by chunk, so a report is never
 * held whole. A well-formedness error or a truncated document fails with line and column.
 */
import sax from 'sax';
import type { Readable } from 'node:stream';

export interface XmlHandlers {
  /** `path` is the element names from the root down to this element's parent. Return a string to stop with that reason. */
  open(name: string, attributes: Record<string, string>, path: readonly string[]): string | void;
}

export type XmlResult = { ok: true } | { ok: false; reason: string };

export async function streamXml(input: Readable, handlers: XmlHandlers): Promise<XmlResult> {
  const parser = sax.parser(true, { trim: false, normalize: false, position: true });
  const path: string[] = [];
  let failure: string | null = null;
  const where = (): string => `line ${parser.line + 1}, column ${parser.column + 1}`;
  parser.onerror = (e) => {
    failure ??= `malformed XML at ${where()}: ${e.message.split('\n')[0]}`;
  };
  parser.onopentag = (tag) => {
    if (failure) return;
    const stop = handlers.open(tag.name, tag.attributes as Record<string, string>, path);
    if (typeof stop === 'string') failure = `${stop} (${where()})`;
    path.push(tag.name);
  };
  parser.onclosetag = () => {
    path.pop();
  };
  input.setEncoding('utf8');
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      parser.write(chunk);
      if (failure) {
        input.destroy();
        return { ok: false, reason: failure };
      }
    }
    parser.close();
  } catch (e) {
    return { ok: false, reason: failure ?? `malformed XML at ${where()}: ${(e as Error).message.split('\n')[0]}` };
  }
  if (failure) return { ok: false, reason: failure };
  return { ok: true };
}
