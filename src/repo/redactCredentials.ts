/**
 * The one redaction step for strings that came from a repository location: portfolio URLs, git
 * remotes, git's and the fetcher's error messages, refusal messages, journal and cache entries.
 * Userinfo is removed in every form git accepts or a user might write:
 *
 *   https://user:tok@host/…   ssh://tok@host/…   oauth2:TOKEN@host:group/x.git   user:pw@host:path
 *
 * and their URL-encoded spellings (`%3A%2F%2F` for `://`, `%40` for `@`), plus secret-looking
 * query parameters (`?private_token=…`). Only the conventional ssh login `git` survives, because
 * it names no one; any other user name may be a token (GitLab's `oauth2:`, a deploy token).
 */

/** Login names kept as they are: they are the same for every user of a forge, so they reveal nothing. */
const PUBLIC_LOGINS = new Set(['git']);

/** `***` for userinfo that could hold a secret; a public login name kept, its password never. */
export function redactUserinfo(userinfo: string): string {
  const colon = userinfo.indexOf(':');
  const user = colon < 0 ? userinfo : userinfo.slice(0, colon);
  if (!PUBLIC_LOGINS.has(user)) return '***';
  return colon < 0 ? user : `${user}:***`;
}

const AT = '(?:@|%40)';
/** `scheme://userinfo@`: userinfo runs to the last `@` before the path (it may hold `%40`). */
const SCHEME_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^/@\s]*)@/gi;
/** The same URL-encoded as a whole (`https%3A%2F%2Fuser%3Atok%40host`), where `@` is `%40`. */
const SCHEME_USERINFO_ENCODED = /\b([a-z][a-z0-9+.-]*%3A%2F%2F)((?:(?!%2F|%40)[^/@\s&])*)%40/gi;
/**
 * scp-like `userinfo@host:path` (git's form for ssh without a scheme), also URL-encoded. It starts
 * a token (beginning of text, after whitespace, a quote, a bracket, `=` or `,`), so the userinfo
 * of a `scheme://` URL, handled above, never matches here.
 */
const SCP_USERINFO = new RegExp(`(^|[\\s"'\`(<\\[=,;])((?:(?!%40)[^\\s"'\`/@<>()\\[\\]])+)${AT}((?:[A-Za-z0-9-]+\\.)*[A-Za-z0-9-]+|\\[[0-9A-Fa-f:.]+\\])(:|%3A)`, 'g');
const SECRET_QUERY = /([?&#](?:[a-z_-]*token|access[_-]?key|password|passwd|secret|auth)[a-z_-]*=)[^&#\s]*/gi;
const SECRET_QUERY_ENCODED = /((?:%3F|%26|%23)(?:[a-z_-]*token|access[_-]?key|password|passwd|secret|auth)[a-z_-]*(?:=|%3D))(?:(?!%26|%23)[^&#\s])*/gi;

/** Replaces passwords and tokens in repository locations inside any text (error messages included) with `***`. */
export function redactCredentials(text: string): string {
  return text
    .replace(SCHEME_USERINFO, (_m, scheme: string, userinfo: string) => `${scheme}${redactUserinfo(decodeSafely(userinfo))}@`)
    .replace(SCHEME_USERINFO_ENCODED, (_m, scheme: string, userinfo: string) => `${scheme}${redactUserinfo(decodeSafely(userinfo))}%40`)
    .replace(SCP_USERINFO, (m: string, before: string, userinfo: string, host: string, colon: string) => {
      // `***@host:` keeps the `@` (or `%40`) as written.
      const at = m.slice(before.length + userinfo.length, m.length - host.length - colon.length);
      return `${before}${redactUserinfo(decodeSafely(userinfo))}${at}${host}${colon}`;
    })
    .replace(SECRET_QUERY, '$1***')
    .replace(SECRET_QUERY_ENCODED, '$1***');
}

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
