/** Every user-facing Swedish string lives in `src/i18n/sv.json`, and every string there is used. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import strings from '../../src/i18n/sv.json' with { type: 'json' };
import { t } from '../../src/i18n/index.ts';

function sources(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|astro)$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('sv.json', () => {
  const code = sources('src').join('\n');
  // Keys built at run time, like t(`verdict.${verdict}`), count as used by their prefix.
  const prefixes = [...code.matchAll(/t\(`([a-z.-]+)\$\{/g)].map((match) => match[1] ?? '');

  it('holds no key that nothing uses', () => {
    const unused = Object.keys(strings).filter(
      (key) => !code.includes(`'${key}'`) && !prefixes.some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });

  it('fills in named parameters and leaves unknown ones visible', () => {
    expect(t('rank.of', { rank: 2, members: 6 })).toBe('2 av 6');
    expect(t('rank.of', { rank: 2 })).toBe('2 av {members}');
  });
});
