/** Checks every internal link and anchor of the built site in dist/. Exits 1 if any is broken. */
import { checkLinks } from '../src/build/check-links.ts';

const { checked, broken } = checkLinks('dist');
for (const link of broken) console.log(`${link.reason}: ${link.page} -> ${link.href}`);
console.log(`${checked} internal links checked, ${broken.length} broken`);
process.exit(broken.length > 0 ? 1 : 0);
