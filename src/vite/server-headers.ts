/**
 * An Astro integration that writes `_headers` once the pages are built, so every build (ours,
 * `astro build`, the reproducibility test's) carries the pages' whole policy as a header.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { serverHeaders } from '../formats/server-headers.ts';
import { loadConfig } from '../config/load.ts';

export function serverHeadersFile(): AstroIntegration {
  return {
    name: 'lagesbild-server-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        // Every page's CSP, once each.
        const policies = new Set<string>();
        for (const file of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
          if (!file.endsWith('.html')) continue;
          const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(
            readFileSync(join(out, file), 'utf8'),
          );
          if (meta?.[1]) policies.add(meta[1]);
        }
        const { site } = loadConfig(process.env['LAGESBILD_ROOT'] ?? process.cwd());
        writeFileSync(join(out, '_headers'), serverHeaders([...policies], site.embedOrigins));
      },
    },
  };
}
