// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { satteri } from '@astrojs/markdown-satteri';
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

export default defineConfig({
  site: 'https://azure-traffic-paths.example',
  srcDir: './',
  trailingSlash: 'always',
  redirects: { '/': '/ja/' },
  // `## Heading {#id}` gives a heading an id that survives rewording and is the same in both
  // languages (SPEC §1: stable anchors). Sätteri, Astro's Markdown processor, has it off by default.
  markdown: { processor: satteri({ features: { headingAttributes: true } }) },
  integrations: [
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
          items: [{ slug: 'load-balancer' }, { slug: 'application-gateway' }],
        },
        {
          label: 'FAQ',
          translations: { ja: 'よくある質問' },
          items: [{ slug: 'faq/client-certificate' }, { slug: 'faq/client-ip' }],
        },
      ],
    }),
    diagramRenderer,
  ],
});
