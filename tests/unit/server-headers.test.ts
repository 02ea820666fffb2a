import { describe, expect, it } from 'vitest';
import { mergePolicies, serverHeaders } from '../../src/formats/server-headers.ts';
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
