/**
 * Which repository locations a scan accepts, and how they are shown. Only https://, ssh://,
 * scp-like `user@host:path`, file:// and local paths are fetched; git's transport helpers
 * (`ext::`, `fd::`…), other schemes, anything that git could read as an option, and URLs carrying
 * credentials are refused before git ever sees them. Every URL shown anywhere goes through
 * `redactCredentials` (src/repo/redactCredentials.ts), refusals included.
 */
import { isAbsolute, resolve } from 'node:path';
import { redactCredentials } from '../repo/redactCredentials.js';

export type UrlCheck =
  | { ok: true; kind: 'https' | 'ssh' | 'scp' | 'file' | 'local'; /** What git is given. */ target: string; /** What reports show. */ display: string }
  | { ok: false; code: UrlRefusal; display: string };

export type UrlRefusal = 'url-empty' | 'url-option' | 'url-transport' | 'url-scheme' | 'url-credentials' | 'url-malformed';

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const SCP = /^([A-Za-z0-9._~-]+)@([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(.+)$/;
const SECRET_QUERY = /[?&#](?:[a-z_-]*token|access[_-]?key|password|passwd|secret|auth)[a-z_-]*=/i;

// Kept importable from here for callers that check and show URLs together.
export { redactCredentials };

/** Checks a repository location from the portfolio; relative local paths are taken from `baseDir`. */
export function checkRepositoryUrl(raw: string, baseDir: string): UrlCheck {
  const url = raw.trim();
  const display = redactCredentials(url);
  const refuse = (code: UrlRefusal): UrlCheck => ({ ok: false, code, display });
  if (url === '') return refuse('url-empty');
  // An argument git could read as an option (`--upload-pack=…`), even after a scheme-less path.
  if (url.startsWith('-')) return refuse('url-option');
  if (/[\x00-\x1f\x7f]/.test(url)) return refuse('url-malformed');
  // `<transport>::<address>` runs a remote helper (ext:: runs any command).
  if (/^[A-Za-z0-9+.-]+::/.test(url)) return refuse('url-transport');
  const scheme = SCHEME.exec(url);
  if (scheme) {
    const proto = scheme[1]!.toLowerCase();
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return refuse('url-malformed');
    }
    if (proto === 'https') {
      if (parsed.username || parsed.password || SECRET_QUERY.test(url)) return refuse('url-credentials');
      return { ok: true, kind: 'https', target: url, display };
    }
    if (proto === 'ssh') {
      if (parsed.password) return refuse('url-credentials');
      if (parsed.hostname.startsWith('-') || parsed.username.startsWith('-')) return refuse('url-option');
      return { ok: true, kind: 'ssh', target: url, display };
    }
    if (proto === 'file') {
      if (parsed.username || parsed.password) return refuse('url-credentials');
      if (parsed.hostname !== '' && parsed.hostname !== 'localhost') return refuse('url-malformed');
      return { ok: true, kind: 'file', target: url, display };
    }
    return refuse('url-scheme');
  }
  const scp = SCP.exec(url);
  if (scp) {
    const [, user, host, path] = scp;
    if (user!.startsWith('-') || host!.startsWith('-') || path!.startsWith('-')) return refuse('url-option');
    return { ok: true, kind: 'scp', target: url, display };
  }
  // git reads `host:path` (a colon before any slash) as ssh; a local path must not look like one.
  const colon = url.indexOf(':');
  const slash = url.indexOf('/');
  if (colon >= 0 && (slash < 0 || colon < slash) && !isAbsolute(url)) return refuse('url-scheme');
  return { ok: true, kind: 'local', target: resolve(baseDir, url), display };
}
