/**
 * SKR kommungrupper from Kolada's municipality groups: found by title, checked to partition the
 * kommuner, fetched through every page, and carried into the snapshot's regions.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchKommungrupper, type KoladaContext } from '../../src/fetch/kolada.ts';
import { inspectJson } from '../../src/formats/inspect.ts';
import { loadConfig } from '../../src/config/load.ts';
import { kommungruppPerKommun, resolveKommungruppIds } from '../../src/fetch/kommungrupper.ts';
import { readMunicipalityGroupsPage, type MunicipalityGroup } from '../../src/formats/kolada.ts';
import { RawStore } from '../../src/fetch/raw-store.ts';
import { KOMMUNGRUPP_NAMES, KommungruppSchema, type Kommungrupp } from '../../src/schemas/region.ts';
import { fakeDeps } from '../helpers/fake-server.ts';

const root = join(import.meta.dirname, '../..');
const config = loadConfig(root);
const kommuner = config.registry.kommuner().map((kommun) => kommun.code);
const codes = KommungruppSchema.options;

/** Nine groups that split the kommuner in order, titled as `title(name)` gives. */
function groups(title: (name: string, code: Kommungrupp) => string, idBase = 5000): MunicipalityGroup[] {
  return codes.map((code, index) => ({
    id: `G${idBase + index}`,
    title: title(KOMMUNGRUPP_NAMES[code], code),
    members: kommuner.filter((_, position) => position % codes.length === index),
  }));
}

describe('kommungrupper by title', () => {
  it('prefers the classification year when two classifications share the names', () => {
    const all = [
      ...groups((name) => `Kommungruppsindelning 2017: ${name}`, 1000),
      ...groups((name) => `Kommungruppsindelning 2023: ${name}`, 2000),
    ];
    const ids = resolveKommungruppIds(all, {}, '2023');
    expect(ids).toEqual(Object.fromEntries(codes.map((code, index) => [code, `G${2000 + index}`])));
  });

  it('tells "Landsbygdskommun" from "Landsbygdskommun med besöksnäring" and "Större stad" from "Pendlingskommun nära större stad"', () => {
    const ids = resolveKommungruppIds(
      groups((name, code) => `${name} (${code})`),
      {},
      null,
    );
    expect([ids.C8, ids.C9, ids.B3, ids.B4]).toEqual(['G5007', 'G5008', 'G5002', 'G5003']);
  });

  it('refuses to choose between two groups of the same name, and names a missing one', () => {
    const twice = [...groups((name) => name, 1000), ...groups((name) => name, 2000)].filter(
      (group) => group.title !== 'Storstäder' || group.id === 'G1000',
    );
    expect(() => resolveKommungruppIds(twice, {}, '2023')).toThrow(
      /A2 "Pendlingskommun nära storstad" kan vara flera: G1001 "Pendlingskommun nära storstad", G2001/,
    );
    expect(() => resolveKommungruppIds(groups((name) => name).slice(1), {}, null)).toThrow(
      /A1: ingen grupp heter "Storstäder".*Fäst rätt grupp-id/,
    );
  });

  it('takes pinned ids as they are, and says so when one has gone', () => {
    const list = groups((name) => `Okänd rubrik ${name.length}`);
    const pinned = Object.fromEntries(codes.map((code, index) => [code, `G${5000 + index}`]));
    expect(resolveKommungruppIds(list, pinned, null).C9).toBe('G5008');
    expect(() => resolveKommungruppIds(list, { ...pinned, A1: 'G999' }, null)).toThrow(
      /A1: gruppen G999 finns inte längre/,
    );
  });

  it('reads members as v3 gives them ({member_id, member_title}), as ids, or as {id, title}', () => {
    const page = readMunicipalityGroupsPage(
      {
        values: [
          {
            id: 'G1',
            title: 'Storstäder',
            members: ['0180', { id: '1480', title: 'Göteborg' }, { member_id: '1280', member_title: 'Malmö' }],
          },
        ],
        count: 1,
      },
      'test',
    );
    expect(page.values[0]?.members).toEqual(['0180', '1480', '1280']);
    expect(() => readMunicipalityGroupsPage({ groups: [] }, 'https://api.kolada.se/v3/municipality_groups')).toThrow(
      /municipality_groups: inget Kolada-svar med kommungrupper \(values:/,
    );
  });
});

describe('kommungrupper per kommun', () => {
  const list = groups((name) => name);
  const ids = resolveKommungruppIds(list, {}, null);

  it('gives every kommun exactly one group', () => {
    const perKommun = kommungruppPerKommun(list, ids, config.registry);
    expect(Object.keys(perKommun)).toHaveLength(290);
    expect(perKommun[kommuner[0]!]).toBe('A1');
  });

  it('rejects overlapping groups, unknown codes and kommuner left out', () => {
    const broken = list.map((group) =>
      group.id === 'G5000'
        ? { ...group, members: [...(group.members ?? []), kommuner[1]!, '9999'] }
        : group.id === 'G5008'
          ? { ...group, members: group.members?.slice(1) }
          : group,
    );
    expect(() => kommungruppPerKommun(broken, ids, config.registry)).toThrow(
      /okänd kommunkod 9999.*finns i både A1 och A2.*1 kommuner saknar grupp/,
    );
  });
});

describe('fetching kommungrupper from Kolada', () => {
  function context(replies: { status: number; body: string }[]) {
    const { deps, requests } = fakeDeps(replies);
    const dir = mkdtempSync(join(tmpdir(), 'kommungrupper-'));
    const ctx: KoladaContext = {
      config: { ...config.sources.kolada, perPage: 5 },
      registry: config.registry,
      store: new RawStore(dir),
      deps,
      policy: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 1000 },
      retrievedAt: () => '2026-11-20T00:00:00Z',
      toYear: 2025,
    };
    return { ctx, requests };
  }
  const all = [
    { id: 'G1', title: 'Alla kommuner i Västerbottens län', members: ['2480'] },
    ...groups((name) => `Kommungruppsindelning 2023: ${name}`),
  ];

  it('follows every page, keeps each raw, and records the groups it found', async () => {
    const first = {
      values: all.slice(0, 5),
      count: all.length,
      next_url: 'https://api.kolada.se/v3/municipality_groups?per_page=5&page=2',
    };
    const second = { values: all.slice(5), count: all.length, next_url: null };
    const { ctx, requests } = context([
      { status: 200, body: JSON.stringify(first) },
      { status: 200, body: JSON.stringify(second) },
    ]);
    await fetchKommungrupper(async () => {}, ctx);
    expect(requests.map((request) => request.url)).toEqual([
      'https://api.kolada.se/v3/municipality_groups?per_page=5',
      'https://api.kolada.se/v3/municipality_groups?per_page=5&page=2',
    ]);
    const manifest = ctx.store.finish();
    expect(manifest.kommungrupper).toEqual(Object.fromEntries(codes.map((code, index) => [code, `G${5000 + index}`])));
    expect(manifest.files.map((file) => file.id)).toEqual([
      'raw/kolada/municipality_groups-page-001.json',
      'raw/kolada/municipality_groups-page-002.json',
    ]);
  });

  it('stops before recording anything when the groups do not hold every kommun', async () => {
    const { ctx } = context([
      { status: 200, body: JSON.stringify({ values: all.slice(0, -1), count: all.length - 1, next_url: null }) },
    ]);
    await expect(fetchKommungrupper(async () => {}, ctx)).rejects.toThrow(
      /C9: ingen grupp heter "Landsbygdskommun med besöksnäring"/,
    );
    expect(ctx.store.finish().kommungrupper).toEqual({});
  });
});

describe('the snapshot', () => {
  it('carries a kommungrupp for every kommun, as the raw groups say', () => {
    const regions = JSON.parse(readFileSync(join(root, 'data/snapshot/regions.json'), 'utf8')) as {
      code: string;
      level: string;
      kommungrupp: string | null;
    }[];
    const raw = readMunicipalityGroupsPage(
      JSON.parse(readFileSync(join(root, 'data/raw/kolada/municipality_groups-page-001.json'), 'utf8')),
      'raw',
    ).values;
    const manifest = JSON.parse(readFileSync(join(root, 'data/raw/provenance.json'), 'utf8')) as {
      kommungrupper: Record<Kommungrupp, string>;
    };
    const expected = kommungruppPerKommun(raw, manifest.kommungrupper, config.registry);
    const kommunRegions = regions.filter((region) => region.level === 'kommun');
    expect(kommunRegions).toHaveLength(290);
    for (const region of kommunRegions) expect(region.kommungrupp).toBe(expected[region.code]);
    expect(regions.filter((region) => region.level !== 'kommun').every((region) => region.kommungrupp === null)).toBe(
      true,
    );
  });
});

describe('data:inspect on a municipality groups page', () => {
  it('prints one row per group and member, codes as written', () => {
    const csv = inspectJson({
      values: [
        { id: 'G1', title: 'Storstäder, 2023', members: ['0180', { id: '1480', title: 'Göteborg' }] },
        { id: 'G2', title: 'Tom' },
      ],
      count: 2,
    });
    expect(csv).toBe('group,title,member\r\nG1,"Storstäder, 2023",0180\r\nG1,"Storstäder, 2023",1480\r\n');
  });

  it('still reads a Kolada values page as values', () => {
    expect(
      inspectJson({
        values: [{ kpi: 'N1', municipality: '0180', period: 2024, values: [{ gender: 'T', value: 1.5, status: '' }] }],
        count: 1,
      }),
    ).toBe('kpi,municipality,period,gender,value,status\r\nN1,0180,2024,T,1.5,\r\n');
  });
});
