// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { closeRenderer } from './src/diagram/render.ts';

/** Closes the build-time diagram browser once every page has been written. */
const diagramRenderer = {
  name: 'atp-diagram-renderer',
  hooks: {
    'astro:build:done': async () => {
      await closeRenderer();
    },
  },
};

/**
 * Lets headings carry explicit ids (`## Title {#stable-id}`), so anchors survive rewording and
 * match across languages. Sätteri, Astro's default Markdown processor, parses that syntax only
 * with this feature on; without it MDX reads `{#id}` as a JavaScript expression and fails.
 * (Starlight turns on Sätteri's `directive` feature the same way.)
 */
const headingIds = {
  name: 'atp-heading-ids',
  hooks: {
    /** @param {{ config: { markdown: { processor: { name: string; options: { features?: Record<string, unknown> } } } } }} options */
    'astro:config:setup': ({ config }) => {
      const processor = config.markdown.processor;
      if (processor.name !== 'satteri') throw new Error(`atp-heading-ids: expected the Sätteri processor, got "${processor.name}"`);
      processor.options.features = { ...processor.options.features, headingAttributes: true };
    },
  },
};

export default defineConfig({
  site: 'https://azure-traffic-paths.example',
  srcDir: './',
  trailingSlash: 'always',
  redirects: { '/': '/ja/' },
  integrations: [
    headingIds,
    starlight({
      title: { ja: 'Azure Traffic Paths', en: 'Azure Traffic Paths' },
      defaultLocale: 'ja',
      locales: {
        ja: { label: '日本語', lang: 'ja' },
        en: { label: 'English', lang: 'en' },
      },
      customCss: ['./components/styles/site.css'],
      sidebar: [
        { label: 'Overview', translations: { ja: '概要' }, link: '/' },
        {
          label: 'Services',
          translations: { ja: 'サービス' },
          items: [{ slug: 'load-balancer' }, { slug: 'traffic-manager' }],
        },
        {
          label: 'FAQ',
          translations: { ja: 'よくある質問' },
          items: [{ slug: 'faq/traffic-manager' }, { slug: 'faq/dns-cache-failover' }],
        },
      ],
    }),
    diagramRenderer,
  ],
});
