/**
 * npm run server-config -- nginx|apache [file] — the server configuration for a plain nginx or
 * Apache host, made from the built site (run npm run build first) by the same rules as
 * dist/_headers: the pages' CSP, who may frame the embeds, the hardening and cache headers.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.ts';
import { apacheConfig, headerRules, nginxConfig, pagePoliciesIn } from '../src/formats/server-headers.ts';

const [server, file] = process.argv.slice(2);
const render = { nginx: nginxConfig, apache: apacheConfig }[server ?? ''];
if (!render) {
  process.stderr.write('Ange servern: npm run server-config -- nginx [fil] eller -- apache [fil]\n');
  process.exit(2);
}
const root = process.cwd();
if (!existsSync(join(root, 'dist/index.html'))) {
  process.stderr.write('dist/ saknas: kör npm run build först, så att sidornas policy kan läsas.\n');
  process.exit(1);
}
const rules = headerRules(pagePoliciesIn(join(root, 'dist')), loadConfig(root).site.embedOrigins);
const text = render(rules);
if (file) writeFileSync(file, text);
else process.stdout.write(text);
