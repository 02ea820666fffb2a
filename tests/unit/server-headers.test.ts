import { describe, expect, it } from 'vitest';
import { mergePolicies, serverHeaders } from '../../src/formats/server-headers.ts';
import { SiteConfigSchema } from '../../src/schemas/forbund.ts';
import { headersFor } from '../helpers/browser.ts';

const pages = ["default-src 'none'; script-src 'self' 'sha256-a'", "default-src 'none'; script-src 'self' 'sha256-b'"];

describe('server headers', () => {
  it('merge every page’s script hashes into one policy', () => {
    expect(mergePolicies(pages)).toBe("default-src 'none'; script-src 'self' 'sha256-a' 'sha256-b'");
  });

  it('let the configured websites frame the embeds, and nothing frame any other page', () => {
    const rules = serverHeaders(pages, ['https://www.forbundet.se', 'https://kommun.se:8443']);
    const embed = headersFor(rules, '/inbaddning/umearegionen/ohalsotal/')['content-security-policy'];
    const page = headersFor(rules, '/umearegionen/indikator/ohalsotal/')['content-security-policy'];
    expect(embed).toMatch(/; frame-ancestors https:\/\/www\.forbundet\.se https:\/\/kommun\.se:8443$/);
    expect(embed).toContain("'sha256-b'");
    expect(page).toMatch(/; frame-ancestors 'none'$/);
    expect(headersFor(serverHeaders(pages), '/inbaddning/x/')['content-security-policy']).toMatch(
      /frame-ancestors 'none'$/,
    );
  });

  it('accept only https origins without a path as framing websites', () => {
    const site = (embedOrigins: string[]) =>
      SiteConfigSchema.safeParse({ forbund: ['x'], suppressionThreshold: 5, embedOrigins }).success;
    expect(site(['https://www.forbundet.se'])).toBe(true);
    expect(site(['http://www.forbundet.se'])).toBe(false);
    expect(site(['https://www.forbundet.se/sida'])).toBe(false);
    expect(site(["'self' https://a.se"])).toBe(false);
  });
});
