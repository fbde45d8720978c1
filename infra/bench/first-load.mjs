// What a phone downloads before the first screen: builds the web client as `start` does
// (production mode) and prints the gzip size of every script and stylesheet index.html loads,
// then of all scripts together (the pages load theirs when opened).
//
//   node infra/bench/first-load.mjs
//
// Sizes do not depend on the machine, so there is no baseline to measure beside them.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const web = fileURLToPath(new URL('../../web/', import.meta.url));
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], {
  cwd: web,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
if (build.status !== 0) process.exit(build.status ?? 1);

const assets = `${web}dist/assets/`;
const gzipped = (file) => gzipSync(readFileSync(assets + file)).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const html = readFileSync(`${web}dist/index.html`, 'utf8');
const first = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const sizes = first.map((file) => [file, gzipped(file)]).sort((a, b) => b[1] - a[1]);
for (const [file, size] of sizes.slice(0, 5)) console.log(`  ${kb(size).padStart(9)}  ${file}`);
const total = sizes.reduce((sum, [, size]) => sum + size, 0);
console.log(`first load: ${kb(total)} gzip in ${first.length} files`);
const scripts = readdirSync(assets).filter((file) => file.endsWith('.js'));
console.log(
  `all scripts: ${kb(scripts.reduce((sum, file) => sum + gzipped(file), 0))} gzip in ${scripts.length} files`,
);
