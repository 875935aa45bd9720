import { describe, expect, it } from 'vitest';
import { looksLikeRepoPath } from '../../src/checks/declaredValue.js';
import { referencesIssue } from '../../src/checks/issueReferences.js';

describe('looksLikeRepoPath: which declared strings are repository files to verify', () => {
  it.each(['docs/install.md', 'README.md', 'README.en.md', 'docker-compose.prod.yml', 'docs/', 'docs/api/openapi.v1.yaml'])('%s is a path', (v) => {
    expect(looksLikeRepoPath(v)).toBe(true);
  });
  it.each(['forum.os2.eu', 'www.os2.eu/produkt', '1.500.000', 'https://os2.eu/x', 'Anne Jensen', 'security@os2.eu', 'scrum'])('%s is not a path', (v) => {
    expect(looksLikeRepoPath(v)).toBe(false);
  });
});

describe('referencesIssue', () => {
  it.each(['fix #12', 'Closes GH-4', 'OS2MO-123 fix login', 'see https://github.com/o/r/issues/7'])('%s references an issue', (s) => {
    expect(referencesIssue(s)).toBe(true);
  });
  it.each(['Fix UTF-8 decoding', 'Verify SHA-256 sums', 'Dates in ISO-8601', 'Bump deps'])('%s does not', (s) => {
    expect(referencesIssue(s)).toBe(false);
  });
});
