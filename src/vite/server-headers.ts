/**
 * An Astro integration that writes `_headers` once the pages are built, so every build (ours,
 * `astro build`, the reproducibility test's) carries the pages' whole policy as a header.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pagePoliciesIn, serverHeaders } from '../formats/server-headers.ts';
import { loadConfig } from '../config/load.ts';

export function serverHeadersFile(): AstroIntegration {
  return {
    name: 'lagesbild-server-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        const { site } = loadConfig(process.env['LAGESBILD_ROOT'] ?? process.cwd());
        writeFileSync(join(out, '_headers'), serverHeaders(pagePoliciesIn(out), site.embedOrigins));
      },
    },
  };
}
