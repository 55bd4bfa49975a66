import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  // content/i18n holds the explorers' UI strings; Starlight reads the same files for its own.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: z.object({}).catchall(z.string()) }) }),
};
