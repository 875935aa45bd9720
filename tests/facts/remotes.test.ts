import { describe, expect, it } from 'vitest';
import { codeHostRemotes, ownerOfUrl, parseRemoteUrl } from '../../src/facts/remotes.js';

describe('remote owners', () => {
  it.each([
    ['/home/anne/OS2offdig/os2mo.git', null, 'os2mo'],
    ['file:///srv/OS2offdig/os2mo', null, 'os2mo'],
    ['../OS2offdig/os2mo', null, 'os2mo'],
    ['C:\\src\\OS2offdig\\os2mo', null, 'os2mo'],
    ['https://github.com/OS2offdig/os2mo.git', 'OS2offdig', 'os2mo'],
  ])('%s: a local path names no owner', (url, owner, repo) => {
    expect(parseRemoteUrl('origin', url)).toMatchObject({ owner, repo });
  });

  it('orders code-host remotes: origin, then well-known hosts, then other hosts; local paths are left out', () => {
    const remotes = [
      parseRemoteUrl('a-local', '/srv/git/x.git'),
      parseRemoteUrl('b-self', 'https://git.example.dk/team/x.git'),
      parseRemoteUrl('c-codeberg', 'https://codeberg.org/os2/x.git'),
      parseRemoteUrl('origin', 'git@gitlab.com:acme/x.git'),
    ];
    expect(codeHostRemotes(remotes).map((r) => r.name)).toEqual(['origin', 'c-codeberg', 'b-self']);
    const localOrigin = [parseRemoteUrl('origin', '/srv/x'), ...remotes.slice(1, 3)];
    expect(codeHostRemotes(localOrigin).map((r) => r.name)).toEqual(['c-codeberg', 'b-self']);
  });

  it('reads the owner of a declared URL, and none from a path or a bare host', () => {
    expect(ownerOfUrl('https://github.com/OS2offdig/x')).toBe('OS2offdig');
    expect(ownerOfUrl('git@gitlab.com:os2/sub/x.git')).toBe('os2/sub');
    expect(ownerOfUrl('/srv/OS2offdig/x')).toBeNull();
    expect(ownerOfUrl('https://example.dk/')).toBeNull();
  });
});
