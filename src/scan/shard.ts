/** `--shard K/N`: a deterministic slice of the portfolio, by a hash of the product name (stable when products are added). */
import { createHash } from 'node:crypto';
import { InvalidArgumentError } from 'commander';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new InvalidArgumentError('expected K/N with 1 ≤ K ≤ N, e.g. 2/4.');
  return { index, count };
}

export function inShard(name: string, shard: Shard | null): boolean {
  if (!shard) return true;
  const h = createHash('sha256').update(name, 'utf8').digest().readUInt32BE(0);
  return h % shard.count === shard.index - 1;
}
