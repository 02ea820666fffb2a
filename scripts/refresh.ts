/**
 * npm run refresh [-- --confirm-revisions] [--report=refresh-report.md] — fetch, snapshot, build and
 * test in one go, for a scheduler (see .github/workflows/refresh.yml). Writes the report as
 * Markdown and exits 0 when published or nothing was new, 4 when held back for a person to
 * confirm, 1 when a step failed (data/ and dist/ as they were).
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.ts';
import { defaultHttpDeps } from '../src/fetch/http.ts';
import { refreshRaw } from '../src/fetch/run.ts';
import { buildSnapshot } from '../src/pipeline/build-snapshot.ts';
import { refresh } from '../src/pipeline/refresh.ts';

const root = process.cwd();
const log = (message: string) => process.stderr.write(`${message}\n`);
const reportPath =
  process.argv.find((argument) => argument.startsWith('--report='))?.slice('--report='.length) ?? 'refresh-report.md';

/** Runs a command with this Node, its output passed through; fails with the command's name. */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${[command, ...args].join(' ')} avslutades med kod ${code}`)),
    );
  });
}

const config = loadConfig(root);
const outcome = await refresh(
  root,
  {
    fetch: () => refreshRaw(config, defaultHttpDeps),
    buildSnapshot: async () => {
      await buildSnapshot(config, { log, today: new Date() });
    },
    buildSite: () => run(process.execPath, [join(root, 'scripts/build-site.ts')]),
    testSite: () =>
      run(join(root, 'node_modules/.bin/vitest'), ['run', '--project', 'site'], {
        TZ: 'Europe/Stockholm',
        LANG: 'C.UTF-8',
      }),
  },
  {
    revisionFactor: config.site.revisionFactor,
    confirmRevisions: process.argv.includes('--confirm-revisions'),
    log,
  },
);
writeFileSync(reportPath, outcome.report);
log(outcome.report);
log(`Rapporten finns i ${reportPath}.`);
process.exit({ published: 0, unchanged: 0, 'held-back': 4, failed: 1 }[outcome.status]);
