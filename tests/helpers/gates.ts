/**
 * The quality gates, as functions over built HTML, so the same checks run on the real site and on a
 * deliberately broken page in the tests that prove they can fail.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// Reads .htmlvalidate.json from the project, found upward from each file's path.
const validator = new HtmlValidate(new FileSystemConfigLoader());

/** html-validate messages for one page, as `line:column rule message`; `path` locates the config. */
export async function validateHtml(html: string, name: string, path: string): Promise<string[]> {
  const report = await validator.validateString(html, path);
  return report.results.flatMap((result) =>
    result.messages.map((message) => `${name}:${message.line}:${message.column} ${message.ruleId} ${message.message}`),
  );
}

/** URLs a page would load from another host (scripts, styles, images, frames, fonts). */
export function foreignLoads(document: Document): string[] {
  return [
    ...document.querySelectorAll(
      'script[src], link[href]:not([rel="external"]):not([rel~="alternate"]), img[src], iframe[src], source[src], video[src], audio[src]',
    ),
  ]
    .map((element) => element.getAttribute('src') ?? element.getAttribute('href') ?? '')
    .filter((url) => /^(https?:)?\/\//.test(url));
}

/** The page's Content-Security-Policy problems: missing, allowing inline or eval for scripts, or not denying by default. */
export function cspProblems(document: Document): string[] {
  const policy = document.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content');
  if (!policy) return ['ingen Content-Security-Policy'];
  const script = policy.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
  return [
    ...(/'unsafe-inline'/.test(script) ? ["script-src tillåter 'unsafe-inline'"] : []),
    ...(/'unsafe-eval'/.test(policy) ? ["tillåter 'unsafe-eval'"] : []),
    ...["default-src 'none'", "base-uri 'none'", "form-action 'none'", "require-trusted-types-for 'script'"]
      .filter((directive) => !policy.includes(directive))
      .map((directive) => `saknar ${directive}`),
  ];
}

/** axe-core WCAG 2.1 A/AA violations of a page served at `url`, as `rule: target`. */
/** `prepare` brings the page into the state to check (a chart's value shown, say) before axe runs. */
export async function axeViolations(
  browser: Browser,
  url: string,
  prepare: (page: Page) => Promise<void> = async () => {},
): Promise<string[]> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await prepare(page);
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
    );
  });
  await context.close();
  return violations;
}
