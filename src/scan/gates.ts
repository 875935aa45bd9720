/**
 * The scan's gates, decided from the report alone (pure): `--min-level N` fails a product measured
 * below N or below its official level, or not measured at all; `--fail-on-regression` fails a
 * product whose level went down or one of whose checklist items turned red since `--compare`.
 */
import type { Lang, LevelNumber } from '../levels/types.js';
import { levelLabel } from './format/labels.js';
import type { ScanReport } from './model.js';

export interface GateOptions {
  minLevel: LevelNumber | null;
  failOnRegression: boolean;
}

export interface GateFailure {
  product: string;
  code: 'below-level' | 'not-measured' | 'regression';
  message: string;
}

const rank = (l: LevelNumber | null): number => (l === null ? -1 : l);

const TEXT = {
  below: { en: 'measured {level}, below {required} ({why})', da: 'målt {level}, under {required} ({why})' },
  official: { en: 'its official level', da: 'dets officielle niveau' },
  minLevel: { en: '--min-level', da: '--min-level' },
  notMeasured: { en: 'not measured ({code}), so not shown to reach {required}', da: 'ikke målt ({code}), så det er ikke vist at nå {required}' },
  down: { en: 'went down from {from} to {to} since {date}', da: 'gik ned fra {from} til {to} siden {date}' },
  red: { en: 'items turned red since {date}: {items}', da: 'punkter blev røde siden {date}: {items}' },
} as const;

const say = (key: keyof typeof TEXT, lang: Lang, args: Record<string, string>): string => TEXT[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => args[k] ?? '');
const show = (l: LevelNumber | null, lang: Lang): string => (l === null ? (lang === 'da' ? 'under minimum' : 'below the minimum') : levelLabel(l, lang));

export function gateFailures(report: ScanReport, opts: GateOptions): GateFailure[] {
  const lang = report.lang;
  const failures: GateFailure[] = [];
  if (opts.minLevel !== null) {
    for (const e of report.products) {
      const official = e.officialLevel;
      const required = Math.max(opts.minLevel, official ?? -1) as LevelNumber;
      const why = official !== null && official > opts.minLevel ? say('official', lang, {}) : say('minLevel', lang, {});
      if (e.status === 'error') {
        failures.push({ product: e.name, code: 'not-measured', message: say('notMeasured', lang, { code: e.error.code, required: show(required, lang) }) });
      } else if (rank(e.result.achievedLevel) < required) {
        failures.push({ product: e.name, code: 'below-level', message: say('below', lang, { level: show(e.result.achievedLevel, lang), required: show(required, lang), why }) });
      }
    }
  }
  if (opts.failOnRegression && report.comparison) {
    const date = report.comparison.previousAsOf;
    for (const m of report.comparison.products) {
      if (m.movement === 'down') failures.push({ product: m.name, code: 'regression', message: say('down', lang, { from: show(m.from, lang), to: show(m.to, lang), date }) });
      const red = m.turnedRed ?? [];
      if (red.length) failures.push({ product: m.name, code: 'regression', message: say('red', lang, { date, items: red.map((i) => `${i.id} ${i.title}`).join('; ') }) });
    }
  }
  return failures;
}
