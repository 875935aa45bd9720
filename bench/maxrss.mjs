// Preloaded (`node --import bench/maxrss.mjs …`) by the benchmark when /usr/bin/time is missing:
// writes this process's peak resident set size (kB) to $OS2LEVEL_BENCH_MAXRSS_FILE at exit.
import { writeFileSync } from 'node:fs';

const file = process.env.OS2LEVEL_BENCH_MAXRSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, `maxrss ${process.resourceUsage().maxRSS}\n`));
