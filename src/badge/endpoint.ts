/** The badge as a shields.io endpoint (https://shields.io/badges/endpoint-badge). */
import type { Badge } from './badge.js';

export const badgeEndpoint = (badge: Badge): string =>
  JSON.stringify({ schemaVersion: 1, label: badge.label, message: badge.message, color: badge.color }, null, 2) + '\n';
