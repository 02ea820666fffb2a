// @ts-check
import { defineConfig } from 'astro/config';
import { lazyListeners } from './src/vite/lazy-listeners.ts';
import { pairedPages } from './src/vite/paired-pages.ts';
import { serverHeadersFile } from './src/vite/server-headers.ts';

export default defineConfig({
  output: 'static',
  integrations: [pairedPages(), serverHeadersFile()],
  // No code blocks on the site; Shiki's inline styles would also break the CSP.
  markdown: { syntaxHighlight: false },
  trailingSlash: 'always',
  // Pages are CPU-bound but writes are not: a little concurrency overlaps the two.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  vite: {
    build: { assetsInlineLimit: 0 },
    // linkedom is bundled so that lazyListeners can make its nodes cheaper (see the plugin).
    environments: { prerender: { resolve: { noExternal: ['linkedom'] } } },
    plugins: [lazyListeners()],
  },
  security: {
    csp: {
      directives: [
        // Nothing by default; only what the pages use: their own images and the deck's script, and
        // their own open data, which an indicator page reads to add a kommun the reader asks for.
        "default-src 'none'",
        "img-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "require-trusted-types-for 'script'",
        "trusted-types 'none'",
      ],
    },
  },
});
