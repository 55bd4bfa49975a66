// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { satteri } from '@astrojs/markdown-satteri';
import { headingIdsPlugin } from './src/markdown/heading-ids.ts';
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
  markdown: { processor: satteri({ hastPlugins: [headingIdsPlugin] }) },
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
        { label: 'Overview', translations: { ja: '概要' }, slug: 'index' },
        {
          label: 'Services',
          translations: { ja: 'サービス' },
          items: [{ slug: 'load-balancer' }],
        },
      ],
    }),
    diagramRenderer,
  ],
});
