/**
 * Adds every URL and anchor in dist/links.json to tests/published-links.json (never removes one).
 * Run it when new pages or anchors ship; the links test then keeps them working for good.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const FILE = 'tests/published-links.json';
const links = JSON.parse(readFileSync('dist/links.json', 'utf8')) as { url: string }[];
const pinned = new Set(JSON.parse(readFileSync(FILE, 'utf8')) as string[]);
const before = pinned.size;
for (const link of links) if (!link.url.includes('/print/')) pinned.add(link.url);
writeFileSync(FILE, `${JSON.stringify([...pinned].sort(), null, 2)}\n`);
console.log(`${pinned.size - before} added, ${pinned.size} pinned`);
