import { defineCollection } from 'astro:content';
import { contentLoaders } from '../scripts/lib/site/content-loaders.ts';
import { settingsFromEnv } from '../scripts/lib/site/settings.ts';

// Every page reads records through these collections, and they are all filled by one loader
// that validates the archive and keeps what the build's audience may see (load-site.ts).
const loaders = contentLoaders(settingsFromEnv(process.env));

export const collections = {
  records: defineCollection({ loader: loaders.records }),
  collections: defineCollection({ loader: loaders.collections }),
  schemas: defineCollection({ loader: loaders.schemas }),
  archive: defineCollection({ loader: loaders.archive }),
};
