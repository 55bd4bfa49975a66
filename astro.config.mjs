// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { satteri } from '@astrojs/markdown-satteri';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { closeRenderer } from './src/diagram/render.ts';
import { collectLinks } from './src/build/links.ts';
import { llmsTxt, writePageMarkdown } from './src/build/llms.ts';
import { headersFile, staticWebAppConfig } from './src/build/static-web-app.ts';
import { writeGuidePdfs } from './src/build/pdf.ts';
import { japaneseLines } from './src/build/japanese-lines.ts';
import { SIDEBAR } from './src/guide.ts';
import { mermaidConfigCopy } from './src/build/mermaid-config-copy.ts';
import { baseLinks } from './src/build/base-links.ts';
import { siteBase, withBase } from './src/base.ts';

/**
 * After the pages are written: close the build-time diagram browser, list every linkable target
 * (page, heading, explorer) in /links.json for knowledge-base tools, every page with its summary
 * in /llms.txt and as Markdown beside it (index.md) for assistants; print the guide to
 * /guide-ja.pdf and /guide-en.pdf; then write the hosting configuration with the security headers
 * (/staticwebapp.config.json for Azure Static Web Apps, /_headers for other hosts).
 */
/** @type {import('astro').AstroIntegration} */
const buildDone = (() => {
  let base = '/';
  return {
    name: 'atp-build-done',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        await closeRenderer();
        const distDir = fileURLToPath(dir);
        writeFileSync(`${distDir}/links.json`, `${JSON.stringify(collectLinks(distDir), null, 2)}\n`);
        writePageMarkdown(distDir, site);
        writeFileSync(`${distDir}/llms.txt`, llmsTxt(distDir, site));
        const started = performance.now();
        await writeGuidePdfs(distDir, base);
        logger.info(`guide-ja.pdf and guide-en.pdf printed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        // Last: the security headers hash the inline scripts of the finished pages.
        writeFileSync(`${distDir}/staticwebapp.config.json`, `${JSON.stringify(staticWebAppConfig(distDir), null, 2)}\n`);
        writeFileSync(`${distDir}/_headers`, headersFile(distDir));
      },
    },
  };
})();

// The public address the site is deployed at (canonical URLs, sitemap, Open Graph), and the
// sub-path it lives under there (SPEC §12): SITE_URL=https://contoso.example BASE_PATH=/azure-traffic-paths/.
const site = process.env.SITE_URL ?? 'https://azure-traffic-paths.example';

export default defineConfig({
  site,
  base: siteBase(),
  srcDir: './',
  trailingSlash: 'always',
  // Mermaid runs in the reader's browser only in the diagram renderer's frame, a bundle of its own
  // (src/client/diagram-renderer.ts); there it copies its config lazily, with plain loops.
  vite: { worker: { format: 'es', plugins: () => [mermaidConfigCopy()] } },
  redirects: { '/': withBase('/ja/') },
  // `## Heading {#id}` gives a heading an id that survives rewording and is the same in both
  // languages (SPEC §1: stable anchors). Sätteri, Astro's Markdown processor, has it off by default.
  // Japanese paragraphs written over several lines are joined without the space a line break leaves.
  markdown: { processor: satteri({ features: { headingAttributes: true }, mdastPlugins: [japaneseLines, baseLinks] }) },
  integrations: [
    starlight({
      title: { ja: 'Azure Traffic Paths', en: 'Azure Traffic Paths' },
      defaultLocale: 'ja',
      locales: {
        ja: { label: '日本語', lang: 'ja' },
        en: { label: 'English', lang: 'en' },
      },
      customCss: ['./components/styles/site.css', './components/styles/tables.css', './components/styles/print.css'],
      components: {
        MarkdownContent: './components/overrides/MarkdownContent.astro',
        Footer: './components/overrides/Footer.astro',
        TwoColumnContent: './components/overrides/TwoColumnContent.astro',
      },
      head: [
        { tag: 'meta', attrs: { property: 'og:image', content: new URL(withBase('/screenshot-load-balancer.png'), site).href } },
        { tag: 'meta', attrs: { name: 'twitter:card', content: 'summary_large_image' } },
      ],
      // One list for the sidebar and the print order (src/guide.ts).
      sidebar: SIDEBAR,
    }),
    buildDone,
  ],
});
