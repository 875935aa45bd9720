// Benchmark (not a test): generates a ~200 MB lcov file in a temp dir, parses it with the
// streaming lcov parser from the build, and prints wall time, peak RSS and peak RSS / file size.
// Usage: npx tsc -p . && node bench/lcov.mjs [size-in-MB] [build-dir]
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const targetMb = Number(process.argv[2] ?? 200);
const buildDir = resolve(process.argv[3] ?? new URL('../dist', import.meta.url).pathname);
const { parseLcov } = await import(pathToFileURL(join(buildDir, 'coverage/lcov.js')).href);

const dir = mkdtempSync(join(tmpdir(), 'os2level-bench-'));
const file = join(dir, 'lcov.info');

async function generate() {
  const out = createWriteStream(file);
  const target = targetMb * 1024 * 1024;
  let written = 0;
  let record = 0;
  while (written < target) {
    const lines = [`TN:`, `SF:src/module${record}/file${record}.ts`, `FN:1,fn${record}`, `FNDA:1,fn${record}`];
    for (let l = 1; l <= 400; l++) lines.push(`DA:${l},${(l + record) % 3}`);
    for (let b = 0; b < 20; b++) lines.push(`BRDA:${b + 1},0,${b},${b % 2}`);
    lines.push('LF:400', `LH:${400 - Math.floor((400 - record % 3) / 3)}`, 'BRF:20', 'BRH:10', 'end_of_record', '');
    const chunk = lines.join('\n');
    written += Buffer.byteLength(chunk);
    record++;
    if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  return record;
}

try {
  const records = await generate();
  const size = statSync(file).size;
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const started = process.hrtime.bigint();
  const outcome = await parseLcov(createReadStream(file, { highWaterMark: 1024 * 1024 }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const mb = (n) => (n / 1024 / 1024).toFixed(1);
  console.log(JSON.stringify(outcome.ok ? outcome.counts : outcome));
  console.log(`file: ${mb(size)} MB, ${records} records`);
  console.log(`wall: ${seconds.toFixed(2)} s (${(size / 1024 / 1024 / seconds).toFixed(0)} MB/s)`);
  console.log(`rss: baseline ${mb(baseline)} MB, peak ${mb(peak)} MB, peak growth ${mb(peak - baseline)} MB`);
  console.log(`peak rss / file size: ${(peak / size).toFixed(3)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
