/** Badge output formats, by the name `badge --format` accepts. */
import type { Badge } from './badge.js';
import { badgeEndpoint } from './endpoint.js';
import { badgeSvg } from './svg.js';

export const badgeFormatters = {
  svg: badgeSvg,
  endpoint: badgeEndpoint,
} satisfies Record<string, (badge: Badge) => string>;

export type BadgeFormatName = keyof typeof badgeFormatters;
export const badgeFormatNames = Object.keys(badgeFormatters) as BadgeFormatName[];
