/** Which repository locations a scan accepts, and how credentials are redacted. */
import { describe, expect, it } from 'vitest';
import { checkRepositoryUrl, redactCredentials } from '../../src/scan/url.js';

describe('checkRepositoryUrl', () => {
  it.each([
    ['https://github.com/OS2mo/os2mo', 'https'],
    ['ssh://git@github.com/OS2mo/os2mo.git', 'ssh'],
    ['git@github.com:OS2mo/os2mo.git', 'scp'],
    ['file:///srv/git/os2mo.git', 'file'],
    ['./repos/os2mo', 'local'],
    ['/srv/git/os2mo', 'local'],
  ])('accepts %s', (url, kind) => {
    expect(checkRepositoryUrl(url, '/base')).toMatchObject({ ok: true, kind });
  });

  it.each([
    ['ext::sh -c touch% /tmp/pwned', 'url-transport'],
    ['fd::17', 'url-transport'],
    ['--upload-pack=touch /tmp/pwned', 'url-option'],
    ['-oProxyCommand=x', 'url-option'],
    ['ssh://-oProxyCommand=x/repo', 'url-option'],
    ['git@-oProxyCommand=x:repo', 'url-scheme'],
    ['-git@host:repo', 'url-option'],
    ['http://example.com/repo.git', 'url-scheme'],
    ['git://example.com/repo.git', 'url-scheme'],
    ['host:path/repo', 'url-scheme'],
    ['https://user:pw@example.com/repo.git', 'url-credentials'],
    ['https://oauth2token@example.com/repo.git', 'url-credentials'],
    ['https://example.com/repo.git?private_token=abc', 'url-credentials'],
    ['ssh://git:pw@example.com/repo.git', 'url-credentials'],
    ['', 'url-empty'],
    ['https://example.com/a\nb', 'url-malformed'],
  ])('refuses %j as %s', (url, code) => {
    expect(checkRepositoryUrl(url, '/base')).toMatchObject({ ok: false, code });
  });

  it('resolves local paths from the portfolio directory', () => {
    expect(checkRepositoryUrl('repos/a', '/srv/portfolio')).toMatchObject({ target: '/srv/portfolio/repos/a', display: 'repos/a' });
  });
});

describe('redactCredentials', () => {
  it('removes passwords and tokens from URLs anywhere in a text', () => {
    expect(redactCredentials("fatal: unable to access 'https://user:s3cret@example.com/x.git/'")).toBe("fatal: unable to access 'https://***@example.com/x.git/'");
    expect(redactCredentials('ssh://git@example.com/x ssh://git:pw@example.com/y')).toBe('ssh://git@example.com/x ssh://git:***@example.com/y');
    expect(redactCredentials('https://example.com/x?access_token=abc&x=1')).toBe('https://example.com/x?access_token=***&x=1');
  });
});
