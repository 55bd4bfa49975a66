/**
 * Prints the guide again from the current build, without building: dist/guide-ja.pdf and
 * dist/guide-en.pdf. `npm run build` makes them already (src/build/pdf.ts); this is for trying
 * a change to the print stylesheet on a built site. Usage: npm run pdf [-- BASE] (BASE: the
 * build's base path, when it was built for a sub-path, e.g. /docs/)
 */
import { existsSync, statSync } from 'node:fs';
import { writeGuidePdfs } from '../src/build/pdf.ts';
import { guidePdfFile } from '../src/guide.ts';

if (!existsSync('dist/ja/print/index.html')) {
  console.error('No build in dist/: run npm run build (it prints the guide too).');
  process.exit(1);
}
await writeGuidePdfs('dist', process.argv[2] ?? '/');
for (const lang of ['ja', 'en']) {
  const path = `dist/${guidePdfFile(lang)}`;
  console.log(`Wrote ${path} (${(statSync(path).size / 1024).toFixed(0)} KB)`);
}
