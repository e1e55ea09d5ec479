// Prints the portal's initial download (what index.html loads before the first screen), gzipped, and
// fails the build when its JavaScript exceeds the budget. Pages loaded later are listed apart.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 300;
const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const referenced = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]);
const gz = (file) => gzipSync(readFileSync(join(dist, file))).length / 1024;

const initialJs = referenced.filter((f) => f.endsWith('.js'));
const initialCss = referenced.filter((f) => f.endsWith('.css'));
const jsKb = initialJs.reduce((sum, f) => sum + gz(f), 0);
const cssKb = initialCss.reduce((sum, f) => sum + gz(f), 0);
const later = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js') && !initialJs.includes(`assets/${f}`));
const laterKb = later.reduce((sum, f) => sum + gz(`assets/${f}`), 0);

console.log(`portal initial JavaScript: ${jsKb.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB); CSS ${cssKb.toFixed(1)} KB gzipped`);
console.log(`portal pages loaded on demand: ${later.length} chunks, ${laterKb.toFixed(1)} KB gzipped`);
if (jsKb > BUDGET_KB) {
  console.error(`portal initial JavaScript is over budget by ${(jsKb - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
