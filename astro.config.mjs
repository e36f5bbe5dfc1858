// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { markdownOptions } from './src/markdown/options.ts';
import { SITE_URL } from './src/site-config.ts';

export default defineConfig({
  site: SITE_URL,
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    processor: unified(markdownOptions),
    syntaxHighlight: false,
  },
});
