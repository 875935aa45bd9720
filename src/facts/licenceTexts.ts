/**
 * Licence fingerprints: per SPDX id, short distinctive phrases of the licence text (normalised:
 * lower case, punctuation and markup gone, `licence` spelled `license`). A text is that licence
 * when every phrase of one of its signatures occurs and none of its `unless` phrases does. Titles
 * carry version and date, which is what tells GPL from LGPL from AGPL apart.
 */

export interface LicenceFingerprint {
  spdx: string;
  osi: boolean;
  /** Alternative signatures; each is a list of phrases that must all occur. */
  signatures: string[][];
  /** Phrases whose presence rules this licence out (a closer relative matched instead). */
  unless?: string[];
  /** Normalised short names used in package manifests (`Mozilla Public License 2.0`). */
  names: string[];
}

/** Ordered: the more specific licence first where one text quotes another's title. */
export const LICENCE_FINGERPRINTS: readonly LicenceFingerprint[] = [
  {
    spdx: 'AGPL-3.0',
    osi: true,
    signatures: [
      ['gnu affero general public license version 3 19 november 2007'],
      ['gnu affero general public license as published by the free software foundation either version 3'],
    ],
    names: ['gnu affero general public license v3 0', 'gnu affero general public license version 3', 'agpl 3 0', 'agplv3', 'agpl v3', 'agpl 3'],
  },
  {
    spdx: 'LGPL-3.0',
    osi: true,
    signatures: [
      ['gnu lesser general public license version 3 29 june 2007'],
      ['gnu lesser general public license as published by the free software foundation either version 3'],
    ],
    names: ['gnu lesser general public license v3 0', 'gnu lesser general public license version 3', 'lgpl 3 0', 'lgplv3', 'lgpl v3', 'lgpl 3'],
  },
  {
    spdx: 'LGPL-2.1',
    osi: true,
    signatures: [
      ['gnu lesser general public license version 2 1 february 1999'],
      ['gnu lesser general public license as published by the free software foundation either version 2 1'],
    ],
    names: ['gnu lesser general public license v2 1', 'gnu lesser general public license version 2 1', 'lgpl 2 1', 'lgplv2 1', 'lgpl v2 1'],
  },
  {
    spdx: 'GPL-3.0',
    osi: true,
    signatures: [
      ['gnu general public license version 3 29 june 2007'],
      ['gnu general public license as published by the free software foundation either version 3'],
    ],
    names: ['gnu general public license v3 0', 'gnu general public license version 3', 'gnu gpl v3', 'gpl 3 0', 'gplv3', 'gpl v3', 'gpl 3'],
  },
  {
    spdx: 'GPL-2.0',
    osi: true,
    signatures: [
      ['gnu general public license version 2 june 1991'],
      ['gnu general public license as published by the free software foundation either version 2 of the license'],
    ],
    names: ['gnu general public license v2 0', 'gnu general public license version 2', 'gnu gpl v2', 'gpl 2 0', 'gplv2', 'gpl v2', 'gpl 2'],
  },
  {
    spdx: 'EUPL-1.2',
    osi: true,
    signatures: [
      ['european union public license v 1 2'],
      ['european union public license version 1 2'],
      ['eupl v 1 2'],
      ['eupl v1 2'],
      // The Danish language version, equally authentic under Article 13 of the licence.
      ['den europæiske unions offentlige licens v 1 2'],
      ['eupl', 'den europæiske union 2007 2016'],
    ],
    names: ['european union public license 1 2', 'european union public license v 1 2', 'european union public license v1 2', 'eupl 1 2', 'eupl v1 2', 'eupl v 1 2'],
  },
  {
    spdx: 'EUPL-1.1',
    osi: true,
    signatures: [
      ['european union public license v 1 1'],
      ['european union public license version 1 1'],
      ['eupl v 1 1'],
      ['eupl v1 1'],
      ['den europæiske unions offentlige licens v 1 1'],
      ['eupl', 'den europæiske union 2007'],
      ['eupl', 'the european community 2007'],
    ],
    unless: ['european union public license v 1 2', 'european union 2007 2016', 'europæiske union 2007 2016'],
    names: ['european union public license 1 1', 'european union public license v 1 1', 'european union public license v1 1', 'eupl 1 1', 'eupl v1 1', 'eupl v 1 1'],
  },
  {
    spdx: 'MPL-2.0',
    osi: true,
    signatures: [
      ['mozilla public license version 2 0'],
      ['mozilla public license v 2 0'],
      ['mozilla public license', 'exhibit a source code form license notice'],
    ],
    names: ['mozilla public license 2 0', 'mozilla public license version 2 0', 'mozilla public license v2 0', 'mpl 2 0', 'mpl v2', 'mpl2', 'mpl 2', 'mplv2'],
  },
  {
    spdx: 'Apache-2.0',
    osi: true,
    signatures: [
      ['apache license', 'version 2 0 january 2004'],
      ['licensed under the apache license version 2 0'],
    ],
    names: ['apache license 2 0', 'apache license version 2 0', 'the apache software license version 2 0', 'apache software license 2 0', 'apache 2 0', 'apache 2', 'apache2', 'asl 2 0'],
  },
  {
    spdx: 'CC-BY-SA-4.0',
    osi: false,
    signatures: [['attribution sharealike 4 0 international'], ['cc by sa 4 0']],
    names: ['creative commons attribution sharealike 4 0 international', 'cc by sa 4 0', 'cc by sa'],
  },
  {
    spdx: 'CC-BY-4.0',
    osi: false,
    signatures: [['creative commons attribution 4 0 international'], ['attribution 4 0 international', 'creative commons']],
    names: ['creative commons attribution 4 0 international', 'cc by 4 0'],
  },
  {
    spdx: 'CC0-1.0',
    osi: false,
    signatures: [['cc0 1 0 universal'], ['creative commons zero v1 0 universal'], ['to the extent possible under law', 'waived all copyright and related or neighboring rights']],
    names: ['cc0', 'cc0 1 0', 'cc0 1 0 universal', 'creative commons zero v1 0 universal'],
  },
  {
    spdx: 'Unlicense',
    osi: true,
    signatures: [['this is free and unencumbered software released into the public domain']],
    names: ['unlicense', 'the unlicense'],
  },
  {
    spdx: 'BSD-3-Clause',
    osi: true,
    signatures: [
      [
        'redistributions of source code must retain the above copyright notice',
        'redistributions in binary form must reproduce the above copyright notice',
        'endorse or promote products derived from this software',
      ],
    ],
    // The four-clause licence adds an advertising clause; it is not BSD-3-Clause.
    unless: ['all advertising materials mentioning features or use of this software'],
    names: ['bsd 3 clause', 'new bsd license', 'modified bsd license', 'bsd 3 clause new or revised license', 'bsd 3'],
  },
  {
    spdx: 'BSD-2-Clause',
    osi: true,
    signatures: [
      ['redistributions of source code must retain the above copyright notice', 'redistributions in binary form must reproduce the above copyright notice'],
    ],
    unless: ['endorse or promote products derived from this software', 'all advertising materials mentioning features or use of this software'],
    names: ['bsd 2 clause', 'simplified bsd license', 'freebsd license', 'bsd 2 clause simplified license', 'bsd 2'],
  },
  {
    spdx: 'ISC',
    osi: true,
    signatures: [
      [
        'distribute this software for any purpose with or without fee is hereby granted provided that the above copyright notice and this permission notice appear in all copies',
      ],
    ],
    names: ['isc', 'isc license'],
  },
  {
    spdx: '0BSD',
    osi: true,
    signatures: [['distribute this software for any purpose with or without fee is hereby granted', 'the software is provided as is and the author disclaims all warranties']],
    unless: ['provided that the above copyright notice and this permission notice appear in all copies'],
    names: ['0bsd', 'zero clause bsd', 'bsd zero clause license'],
  },
  {
    spdx: 'MIT',
    osi: true,
    signatures: [
      [
        'permission is hereby granted free of charge to any person obtaining a copy',
        'the above copyright notice and this permission notice shall be included in all copies or substantial portions of the software',
      ],
    ],
    names: ['mit', 'mit license', 'the mit license', 'expat'],
  },
];

/** Every SPDX id this tool can identify from a licence text. */
export const KNOWN_LICENCE_IDS: readonly string[] = LICENCE_FINGERPRINTS.map((f) => f.spdx);

/**
 * OSI-approved licences that may be named in manifests or `LICENSES/` but have no text
 * fingerprint here. Ids as SPDX spells them, without `-only`/`-or-later`.
 */
export const OTHER_OSI_IDS: readonly string[] = [
  'AFL-3.0', 'APL-1.0', 'Artistic-2.0', 'BSL-1.0', 'CDDL-1.0', 'ECL-2.0', 'EFL-2.0', 'EPL-1.0', 'EPL-2.0',
  'EUPL-1.0', 'GPL-1.0', 'LGPL-2.0', 'LPL-1.02', 'MPL-1.0', 'MPL-1.1', 'MS-PL', 'MS-RL', 'MIT-0', 'MulanPSL-2.0',
  'NCSA', 'OSL-3.0', 'PostgreSQL', 'Python-2.0', 'UPL-1.0', 'W3C', 'Zlib', 'ZPL-2.0', 'ZPL-2.1', 'BSD-1-Clause',
  'CECILL-2.1', 'OFL-1.1', 'PHP-3.01', 'BlueOak-1.0.0',
];

/**
 * Lower case, `licence` spelled `license`, copyright lines and Markdown markup dropped, punctuation
 * turned into spaces and whitespace collapsed: the form both texts and fingerprints are compared in.
 */
export function normaliseLicenceText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    // Only real copyright lines: a wrapped clause may begin with "copyright notice, this list…".
    .filter((line) => !/^\s*(?:[#>*-]\s*)*(?:copyright\s*(?:\(c\)|©|\d{4}|\[yyyy\]|[^\s,.]+\s+\d{4})|\(c\)\s*\d|©)/i.test(line))
    .join('\n')
    .toLowerCase()
    .replace(/\blicenc/g, 'licens')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const matches = (text: string, fp: LicenceFingerprint): boolean =>
  fp.signatures.some((sig) => sig.every((phrase) => text.includes(phrase))) && !(fp.unless ?? []).some((p) => text.includes(p));

/**
 * SPDX ids of every known licence whose fingerprint the text carries, most specific first.
 * A file may hold more than one licence (dual licensing, a GPL text next to its LGPL addendum).
 */
export function identifyLicenceText(text: string): string[] {
  const norm = normaliseLicenceText(text);
  return LICENCE_FINGERPRINTS.filter((fp) => matches(norm, fp)).map((fp) => fp.spdx);
}
