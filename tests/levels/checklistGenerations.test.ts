// levels/checklists.yaml against a table written by hand from the history of
// OS2offdig/governance_report_template (README.md, then governance_template.md) and the 2026
// self-evaluation form (os2-product-audits, version 1.1.0). The table is not derived from the YAML:
// every row was read off the template at the commit named in the comment above its generation.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';

type Strength = 'must' | 'should';
type Row = [level: number, strength: Strength];
type RequirementRef = string | { id: string; level?: number; strength?: Strength };
interface Item {
  id: string;
  theme: string;
  level: number;
  strength: Strength;
  title: { da: string; en: string };
  requirements: RequirementRef[];
}
interface Generation {
  id: string;
  from: string;
  documentationHeader: string;
  items: Item[];
}
interface Checklists {
  schemaVersion: number;
  default: string;
  aliases?: Record<string, string>;
  generations: Generation[];
}

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const data = parse(read('levels/checklists.yaml')) as Checklists;
const schema = JSON.parse(read('schemas/checklists.schema.json')) as object;
const catalogue = parse(read('levels/os2-2018.yaml')) as { requirements: { id: string }[] };
const NEW_IDS = ['docs.os2-channels', 'docs.architecture-standards'];
// Under NodeNext the default import is ajv's CommonJS module object, whose `default` is the class.
const Ajv = Ajv2020.default;

const M = 'must';
const S = 'should';

// 2021-05: README.md @ 05ca5a0..6d8e212. R2 "værdi for andre"; F13 = strategic communication,
// F14 = presentation material; four S items (no product vision); G12 = voting majority.
const T2021_05: Record<string, Row> = {
  R1: [0, M], R2: [1, M], R3: [2, M], R4: [2, S], R5: [3, M],
  F1: [0, M], F2: [0, M], F3: [0, M], F4: [0, M], F5: [0, M],
  F6: [1, M], F7: [1, M], F8: [1, M], F9: [1, M], F10: [1, M], F11: [1, M],
  F12: [2, M], F13: [2, M], F14: [2, M], F15: [2, M], F16: [2, M], F17: [2, M], F18: [2, M],
  F19: [2, S], F20: [2, S], F21: [3, M], F22: [3, M],
  S1: [1, M], S2: [1, M], S3: [2, M], S4: [3, M],
  G1: [1, M], G2: [1, M], G3: [1, M], G4: [1, M],
  G5: [2, M], G6: [2, M], G7: [2, S], G8: [2, S], G9: [2, S], G10: [2, S],
  G11: [3, M], G12: [3, M], G13: [3, M], G14: [3, M],
};

// 2021-10: README.md @ 6268e80. Only G12's wording changes (representation); levels as 2021-05.
const T2021_10: Record<string, Row> = { ...T2021_05 };

// 2021-11: README.md @ 7b8bc5a..a7b4899. F13/F14 swapped; S4 "vision og strategi for produktet"
// (level 2) inserted, the old S4 becomes S5.
const T2021_11: Record<string, Row> = {
  R1: [0, M], R2: [1, M], R3: [2, M], R4: [2, S], R5: [3, M],
  F1: [0, M], F2: [0, M], F3: [0, M], F4: [0, M], F5: [0, M],
  F6: [1, M], F7: [1, M], F8: [1, M], F9: [1, M], F10: [1, M], F11: [1, M],
  F12: [2, M], F13: [2, M], F14: [2, M], F15: [2, M], F16: [2, M], F17: [2, M], F18: [2, M],
  F19: [2, S], F20: [2, S], F21: [3, M], F22: [3, M],
  S1: [1, M], S2: [1, M], S3: [2, M], S4: [2, M], S5: [3, M],
  G1: [1, M], G2: [1, M], G3: [1, M], G4: [1, M],
  G5: [2, M], G6: [2, M], G7: [2, S], G8: [2, S], G9: [2, S], G10: [2, S],
  G11: [3, M], G12: [3, M], G13: [3, M], G14: [3, M],
};

// 2024-04: README.md @ 6314401..96a283f. R2 removed, R3..R5 renumbered R2..R4.
const T2024_04: Record<string, Row> = {
  R1: [0, M], R2: [2, M], R3: [2, S], R4: [3, M],
  F1: [0, M], F2: [0, M], F3: [0, M], F4: [0, M], F5: [0, M],
  F6: [1, M], F7: [1, M], F8: [1, M], F9: [1, M], F10: [1, M], F11: [1, M],
  F12: [2, M], F13: [2, M], F14: [2, M], F15: [2, M], F16: [2, M], F17: [2, M], F18: [2, M],
  F19: [2, S], F20: [2, S], F21: [3, M], F22: [3, M],
  S1: [1, M], S2: [1, M], S3: [2, M], S4: [2, M], S5: [3, M],
  G1: [1, M], G2: [1, M], G3: [1, M], G4: [1, M],
  G5: [2, M], G6: [2, M], G7: [2, S], G8: [2, S], G9: [2, S], G10: [2, S],
  G11: [3, M], G12: [3, M], G13: [3, M], G14: [3, M],
};

// 2024-04-25 (@ 690c0c3, F1 "synligt og aktivt") and 2024-05 (@ 61b4fc2, F11 public issue
// tracking): wording only; levels and strengths as 2024-04.
const T2024_04_25: Record<string, Row> = { ...T2024_04 };
const T2024_05: Record<string, Row> = { ...T2024_04 };

// 2024-06: README.md @ 4dd8736. F7/F8/F9 merged into F7 (the row lost its level cell; level 1 as
// the three merged items and the 2025 form). R3 still "tværkommunal (anbefaling)".
const T2024_06: Record<string, Row> = {
  R1: [0, M], R2: [2, M], R3: [2, S], R4: [3, M],
  F1: [0, M], F2: [0, M], F3: [0, M], F4: [0, M], F5: [0, M],
  F6: [1, M], F7: [1, M], F10: [1, M], F11: [1, M],
  F12: [2, M], F13: [2, M], F14: [2, M], F15: [2, M], F16: [2, M], F17: [2, M], F18: [2, M],
  F19: [2, S], F20: [2, S], F21: [3, M], F22: [3, M],
  S1: [1, M], S2: [1, M], S3: [2, M], S4: [2, M], S5: [3, M],
  G1: [1, M], G2: [1, M], G3: [1, M], G4: [1, M],
  G5: [2, M], G6: [2, M], G7: [2, S], G8: [2, S], G9: [2, S], G10: [2, S],
  G11: [3, M], G12: [3, M], G13: [3, M], G14: [3, M],
};

// 2024-07: README.md @ e060d39. R3 "fælles offentligt potentiale" becomes must.
const T2024_07: Record<string, Row> = { ...T2024_06, R3: [2, M] };

// 2025: governance_template.md @ 96903c1 (guidance column). 2026: form 1.1.0. Same levels.
const T2025: Record<string, Row> = {
  R1: [0, M], R2: [2, M], R3: [2, M], R4: [3, M],
  F1: [0, M], F2: [0, M], F3: [0, M], F4: [0, M], F5: [0, M],
  F6: [1, M], F7: [1, M], F10: [1, M], F11: [1, M],
  F12: [2, M], F13: [2, M], F14: [2, M], F15: [2, M], F16: [2, M], F17: [2, M], F18: [2, M],
  F19: [2, S], F20: [2, S], F21: [3, M], F22: [3, M],
  S1: [1, M], S2: [1, M], S3: [2, M], S4: [2, M], S5: [3, M],
  G1: [1, M], G2: [1, M], G3: [1, M], G4: [1, M],
  G5: [2, M], G6: [2, M], G7: [2, S], G8: [2, S], G9: [2, S], G10: [2, S],
  G11: [3, M], G12: [3, M], G13: [3, M], G14: [3, M],
};
const T2026: Record<string, Row> = { ...T2025 };

const TABLE: [id: string, from: string, header: string, rows: Record<string, Row>][] = [
  ['2021-05', '2021-05-04', 'Henvisning', T2021_05],
  ['2021-10', '2021-10-27', 'Henvisning', T2021_10],
  ['2021-11', '2021-11-26', 'Henvisning', T2021_11],
  ['2024-04', '2024-04-02', 'Henvisning', T2024_04],
  ['2024-04-25', '2024-04-25', 'Henvisning', T2024_04_25],
  ['2024-05', '2024-05-07', 'Henvisning', T2024_05],
  ['2024-06', '2024-06-19', 'Henvisning', T2024_06],
  ['2024-07', '2024-07-02', 'Henvisning', T2024_07],
  ['2025', '2025-06-11', 'Beskrivelse / Dokumentation', T2025],
  ['2026', '2026-05-06', 'Dokumentation', T2026],
];

// The first Danish words of items whose wording or number moved between generations.
const TITLES: [generation: string, item: string, startsWith: string][] = [
  ['2021-05', 'R2', 'Løsningen skaber potentielt værdi for andre'],
  ['2021-05', 'R4', 'Løsningen har tværkommunal potentiale'],
  ['2021-05', 'F13', 'Der er udarbejdet kommunikationsmateriale til strategisk'],
  ['2021-05', 'F14', 'Der er udarbejdet præsentationsmateriale'],
  ['2021-05', 'S4', 'Produktets kobling til og overensstemmelse'],
  ['2021-05', 'G12', 'Bestyrelsen har stemmemajoritet'],
  ['2021-10', 'G12', 'Bestyrelsen er repræsenteret'],
  ['2021-11', 'F13', 'Der er udarbejdet præsentationsmateriale'],
  ['2021-11', 'F14', 'Der er udarbejdet kommunikationsmateriale til strategisk'],
  ['2021-11', 'S4', 'Der er udarbejdet en vision og strategi for produktet'],
  ['2021-11', 'S5', 'Produktets kobling til og overensstemmelse'],
  ['2021-11', 'F11', "OS2's styringsværktøj benyttes (Jira)"],
  ['2024-04', 'R2', 'Løsningen er accepteret af lokal linjeledelse'],
  ['2024-04', 'R3', 'Løsningen har tværkommunal potentiale'],
  ['2024-04', 'F1', 'Kildekoden deles'],
  ['2024-04-25', 'F1', 'Alt kildekode til projektet udvikles synligt og aktivt'],
  ['2024-04-25', 'F11', "OS2's styringsværktøj"],
  ['2024-05', 'F11', 'Der anvendes offentlig issue-tracking'],
  ['2024-05', 'F7', 'Driftskrav til løsningen'],
  ['2024-05', 'F9', 'Teknisk implementering af løsningen'],
  ['2024-06', 'F7', 'Alt dokumentation til projektet udarbejdes med'],
  ['2024-06', 'R3', 'Løsningen har tværkommunal potentiale'],
  ['2024-07', 'R3', 'Løsningen har fælles offentligt potentiale'],
  ['2025', 'F12', 'Der er kun en version af core koden'],
  ['2026', 'F6', "Kildekoden er overdraget og er placeret under OS2's kontrol"],
  ['2026', 'F10', "OS2's kommunikationskanaler anvendes (OS2.eu)"],
  ['2026', 'F18', 'Rammearkitekturen og standarder er fulgt og afvigelser er forklaret'],
  ['2026', 'R1', 'Løsningen skaber lokal værdi'],
];

const refId = (r: RequirementRef): string => (typeof r === 'string' ? r : r.id);
const generation = (id: string): Generation => {
  const g = data.generations.find((x) => x.id === id);
  if (!g) throw new Error(`no generation ${id}`);
  return g;
};

describe('levels/checklists.yaml', () => {
  it('is valid against schemas/checklists.schema.json', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    const validate = ajv.compile(schema);
    const ok = validate(data);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('lists exactly the generations of the table, oldest first, with default and aliases resolving', () => {
    expect(data.generations.map((g) => g.id)).toEqual(TABLE.map(([id]) => id));
    const ids = new Set(data.generations.map((g) => g.id));
    expect(ids.has(data.default)).toBe(true);
    expect(data.default).toBe('2026');
    for (const target of Object.values(data.aliases ?? {})) expect(ids.has(target)).toBe(true);
    expect(data.aliases?.['2024']).toBe('2024-07');
    const froms = data.generations.map((g) => g.from);
    expect([...froms].sort()).toEqual(froms);
  });

  describe.each(TABLE)('generation %s', (id, from, header, rows) => {
    const g = generation(id);

    it('starts on the date of its first commit and names its documentation column', () => {
      expect(g.from).toBe(from);
      expect(g.documentationHeader).toBe(header);
    });

    it('has the same items in the same order with the same level and strength', () => {
      expect(g.items.map((i) => i.id)).toEqual(Object.keys(rows));
      for (const item of g.items) {
        expect([item.id, item.level, item.strength]).toEqual([item.id, ...(rows[item.id] ?? [])]);
      }
    });

    it('puts every item in the theme its letter names', () => {
      const theme: Record<string, string> = { R: 'relevans', F: 'formkrav', S: 'strategisk', G: 'governance' };
      for (const item of g.items) expect(item.theme).toBe(theme[item.id.charAt(0)]);
    });

    it('maps every item to at least one requirement and each requirement to one item only', () => {
      const seen = new Map<string, string>();
      for (const item of g.items) {
        expect(item.requirements.length, item.id).toBeGreaterThanOrEqual(1);
        for (const r of item.requirements) {
          const rid = refId(r);
          expect(seen.get(rid), `${rid} in ${item.id} and ${seen.get(rid)}`).toBeUndefined();
          seen.set(rid, item.id);
        }
      }
    });

    it('never lowers a requirement below its item’s level, and an object entry overrides something', () => {
      for (const item of g.items) {
        for (const r of item.requirements) {
          if (typeof r === 'string') continue;
          if (r.level !== undefined) expect(r.level, `${item.id} ${r.id}`).toBeGreaterThan(item.level);
          expect(r.level !== undefined || r.strength !== undefined, `${item.id} ${r.id}`).toBe(true);
        }
      }
    });
  });

  it('uses only requirement ids of the catalogue or the two new ones', () => {
    const known = new Set([...catalogue.requirements.map((r) => r.id), ...NEW_IDS]);
    const unknown = data.generations.flatMap((g) =>
      g.items.flatMap((i) => i.requirements.map(refId).filter((id) => !known.has(id)).map((id) => `${g.id} ${i.id} ${id}`)),
    );
    expect(unknown).toEqual([]);
  });

  it.each(TITLES)('%s %s starts with the template wording', (gid, item, start) => {
    const found = generation(gid).items.find((i) => i.id === item);
    expect(found?.title.da.startsWith(start), `${gid} ${item}: ${found?.title.da}`).toBe(true);
  });

  it('has no markdown emphasis, links or "(anbefaling)" left in a Danish title', () => {
    for (const g of data.generations) {
      for (const i of g.items) {
        expect(i.title.da, `${g.id} ${i.id}`).not.toMatch(/\(anbefaling\)|^_|_$|\*\*|\]\(|&#39;/);
      }
    }
  });

  it('default generation: the 43 items of the 2026 form, R1 at sandkasse and G10 a recommendation', () => {
    const g = generation(data.default);
    const expected = [
      ...['R1', 'R2', 'R3', 'R4'],
      ...['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7'],
      ...Array.from({ length: 13 }, (_, k) => `F${k + 10}`),
      ...['S1', 'S2', 'S3', 'S4', 'S5'],
      ...Array.from({ length: 14 }, (_, k) => `G${k + 1}`),
    ];
    expect(expected).toHaveLength(43);
    expect(g.items.map((i) => i.id)).toEqual(expected);
    const byId = new Map(g.items.map((i) => [i.id, i]));
    expect(byId.get('R1')?.level).toBe(0);
    expect(byId.get('G10')?.strength).toBe('should');
  });

  it('keeps the facts that hold in every generation: R1 sandkasse, G10 should, F10 N1 must, F18 N2 must', () => {
    for (const g of data.generations) {
      const byId = new Map(g.items.map((i) => [i.id, i]));
      expect(byId.get('R1')?.level, g.id).toBe(0);
      expect(byId.get('G10')?.strength, g.id).toBe('should');
      expect([byId.get('F10')?.level, byId.get('F10')?.strength], g.id).toEqual([1, 'must']);
      expect(byId.get('F10')?.requirements.map(refId), g.id).toEqual(['docs.os2-channels']);
      expect([byId.get('F18')?.level, byId.get('F18')?.strength], g.id).toEqual([2, 'must']);
      expect(byId.get('F18')?.requirements.map(refId), g.id).toEqual(['docs.architecture-standards']);
    }
  });
});
