import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  apacheConfig,
  headerRules,
  mergePolicies,
  nginxConfig,
  serverHeaders,
} from '../../src/formats/server-headers.ts';
import { SiteConfigSchema } from '../../src/schemas/forbund.ts';
import { headersFor } from '../helpers/browser.ts';

const pages = ["default-src 'none'; script-src 'self' 'sha256-a'", "default-src 'none'; script-src 'self' 'sha256-b'"];

describe('server headers', () => {
  it('merge every page’s script hashes into one policy', () => {
    expect(mergePolicies(pages)).toBe("default-src 'none'; script-src 'self' 'sha256-a' 'sha256-b'");
  });

  it.each(['cloudflare', 'netlify'] as const)(
    'let the configured websites frame the embeds, and nothing frame any other page, on %s',
    (host) => {
      const rules = serverHeaders(pages, ['https://www.forbundet.se', 'https://kommun.se:8443']);
      const embed = headersFor(rules, '/inbaddning/umearegionen/ohalsotal/', host)['content-security-policy'];
      const page = headersFor(rules, '/umearegionen/indikator/ohalsotal/', host)['content-security-policy'];
      // One policy, not the site's and the embed's joined: two policies would both have to allow it.
      expect(embed?.match(/frame-ancestors/g)).toHaveLength(1);
      expect(embed).toMatch(/; frame-ancestors https:\/\/www\.forbundet\.se https:\/\/kommun\.se:8443$/);
      expect(embed).toContain("'sha256-b'");
      expect(page).toMatch(/; frame-ancestors 'none'$/);
      expect(headersFor(rules, '/inbaddning/x/', host)['permissions-policy']).toContain('camera=()');
      expect(headersFor(serverHeaders(pages), '/inbaddning/x/', host)['content-security-policy']).toMatch(
        /frame-ancestors 'none'$/,
      );
    },
  );

  it('would join two policies on Cloudflare without the line that drops the site-wide one', () => {
    const rules = serverHeaders(pages, ['https://www.forbundet.se']).replace(/^\s*! .*\n/m, '');
    expect(
      headersFor(rules, '/inbaddning/x/', 'cloudflare')['content-security-policy']?.match(/frame-ancestors/g),
    ).toHaveLength(2);
  });

  it('accept only https origins without a path as framing websites', () => {
    const site = (embedOrigins: string[]) =>
      SiteConfigSchema.safeParse({ forbund: ['x'], suppressionThreshold: 5, url: 'https://a.se', embedOrigins })
        .success;
    expect(site(['https://www.forbundet.se'])).toBe(true);
    expect(site(['http://www.forbundet.se'])).toBe(false);
    expect(site(['https://www.forbundet.se/sida'])).toBe(false);
    expect(site(["'self' https://a.se"])).toBe(false);
  });

  it('refuse embeds offered without the site’s own address: pasted code would load the host’s page', () => {
    const site = { forbund: ['umearegionen'], suppressionThreshold: 5, embedOrigins: ['https://www.forbundet.se'] };
    const refused = SiteConfigSchema.safeParse(site);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['url']);
    expect(refused.error?.issues[0]?.message).toMatch(/^embedOrigins låter andra webbplatser visa diagrammen; ange då/);
    expect(SiteConfigSchema.safeParse({ ...site, url: 'https://lagesbild.exempel.se' }).success).toBe(true);
  });
});

/** nginx from Debian where it is installed (apt-get install nginx-light); the test says so when it is not. */
const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));

describe('nginx and Apache configuration', () => {
  const rules = headerRules(pages, ['https://www.forbundet.se']);

  it('give every location of nginx all the headers, as nginx drops inherited ones', () => {
    const config = nginxConfig(rules);
    const blocks = config.split(/^location /m).slice(1);
    expect(blocks.map((block) => block.split(' ')[0])).toEqual(['/', '/inbaddning/', '/_astro/']);
    for (const block of blocks) {
      expect(block.match(/add_header Content-Security-Policy/g)).toHaveLength(1);
      expect(block).toContain('add_header X-Content-Type-Options "nosniff" always;');
    }
    expect(blocks[1]).toContain('frame-ancestors https://www.forbundet.se" always;');
    expect(blocks[2]).toContain('Cache-Control "public, max-age=31536000, immutable"');
  });

  it('set the embeds’ own policy last in Apache', () => {
    const config = apacheConfig(rules);
    expect(config).toMatch(
      /<LocationMatch "\^\/inbaddning\/">\n {4}Header always set Content-Security-Policy ".*frame-ancestors https:\/\/www\.forbundet\.se"/,
    );
  });

  it.skipIf(!nginx)('serve through nginx with the headers _headers promises', async () => {
    const prefix = mkdtempSync(join(tmpdir(), 'nginx-'));
    const site = join(prefix, 'site');
    mkdirSync(join(site, 'inbaddning/x'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<p>start</p>');
    writeFileSync(join(site, 'inbaddning/x/index.html'), '<p>inbäddning</p>');
    writeFileSync(join(prefix, 'site.conf'), nginxConfig(rules));
    const port = 20000 + (process.pid % 20000);
    writeFileSync(
      join(prefix, 'nginx.conf'),
      `pid ${prefix}/nginx.pid;\nerror_log ${prefix}/error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${prefix};\n  server {\n    listen 127.0.0.1:${port};\n    root ${site};\n    include ${prefix}/site.conf;\n  }\n}\n`,
    );
    const test = spawnSync(nginx!, ['-t', '-p', prefix, '-c', join(prefix, 'nginx.conf')], { encoding: 'utf8' });
    expect(test.status, test.stderr).toBe(0);
    const server = spawn(nginx!, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;']);
    try {
      let response: Response | null = null;
      for (let attempt = 0; attempt < 50 && !response; attempt++) {
        response = await fetch(`http://127.0.0.1:${port}/inbaddning/x/`).catch(() => null);
        if (!response) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(response?.status).toBe(200);
      expect(response?.headers.get('content-security-policy')).toMatch(/frame-ancestors https:\/\/www\.forbundet\.se$/);
      const start = await fetch(`http://127.0.0.1:${port}/`);
      expect(start.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'$/);
      expect(start.headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      server.kill();
    }
  });
});

/** Apache from Debian where it is installed (apt-get install apache2-bin). */
const apache = ['/usr/sbin/apache2', '/usr/sbin/httpd'].find((path) => existsSync(path));

describe('the Apache configuration', () => {
  it.skipIf(!apache)('passes Apache’s own syntax check', () => {
    const prefix = mkdtempSync(join(tmpdir(), 'apache-'));
    mkdirSync(join(prefix, 'site'));
    writeFileSync(join(prefix, 'site.conf'), apacheConfig(headerRules(pages, ['https://www.forbundet.se'])));
    const modules = '/usr/lib/apache2/modules';
    writeFileSync(
      join(prefix, 'httpd.conf'),
      [
        `ServerRoot ${prefix}`,
        `PidFile ${prefix}/httpd.pid`,
        `ErrorLog ${prefix}/error.log`,
        // Only checked, never started: the port is not bound.
        'Listen 127.0.0.1:8089',
        `LoadModule mpm_event_module ${modules}/mod_mpm_event.so`,
        `LoadModule authz_core_module ${modules}/mod_authz_core.so`,
        `LoadModule headers_module ${modules}/mod_headers.so`,
        `DocumentRoot ${prefix}/site`,
        `Include ${prefix}/site.conf`,
        '',
      ].join('\n'),
    );
    const check = spawnSync(apache!, ['-t', '-f', join(prefix, 'httpd.conf')], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    expect(check.stderr).toContain('Syntax OK');
  });
});
