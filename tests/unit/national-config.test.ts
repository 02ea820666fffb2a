/** The all-förbund configuration the national bench builds: every kommun once, in a förbund of its own län. */
import { describe, expect, it } from 'vitest';
import { loadRegistry, readJsonFile } from '../../src/config/load.ts';
import { nationalForbund } from '../../src/config/national.ts';
import { ForbundSchema } from '../../src/schemas/forbund.ts';

const root = process.cwd();
const registry = loadRegistry(root);
const template = readJsonFile(`${root}/data/config/forbund/umearegionen.json`, ForbundSchema);
const forbund = nationalForbund(registry, template);

describe('nationalForbund', () => {
  it('places each of the 290 kommuner in exactly one förbund', () => {
    const codes = forbund.flatMap((entry) => entry.members.map((member) => member.code));
    expect(codes).toHaveLength(290);
    expect(new Set(codes)).toEqual(new Set(registry.kommuner().map((kommun) => kommun.code)));
  });

  it('keeps each förbund within its län, compared with that län, at about four kommuner', () => {
    expect(forbund.length).toBeGreaterThanOrEqual(70);
    expect(forbund.length).toBeLessThanOrEqual(80);
    for (const entry of forbund) {
      const lan = entry.comparisons.lan[0];
      expect(
        entry.members.every((member) => registry.get(member.code)?.lan === lan),
        entry.id,
      ).toBe(true);
      const inLan = registry.kommunerInLan(lan ?? '').length;
      expect(entry.members.length, entry.id).toBeGreaterThanOrEqual(Math.min(2, inLan));
      expect(entry.members.length, entry.id).toBeLessThanOrEqual(7);
    }
    // Gotland is a län of one kommun: a förbund of one, not none.
    expect(forbund.find((entry) => entry.comparisons.lan[0] === '09')?.members).toEqual([
      { code: '0980', role: 'huvudort' },
    ]);
  });

  it('writes configurations the schema accepts, with unique ids', () => {
    for (const entry of forbund) expect(ForbundSchema.parse(entry)).toEqual(entry);
    expect(new Set(forbund.map((entry) => entry.id)).size).toBe(forbund.length);
  });
});
