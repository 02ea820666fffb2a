/**
 * SKR kommungrupper from SCB's code list `agg_RegionKommungrupp2023-` (PxWebApi 2.0 CodeListResponse:
 * values with `code`, `label` and `valueMap`): one call, checked to partition the kommuner, kept raw
 * and carried into the snapshot's regions.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { kommungruppPerKommun } from '../../src/config/kommungrupper.ts';
import { RawStore } from '../../src/fetch/raw-store.ts';
import { fetchKommungrupper, type ScbContext } from '../../src/fetch/scb.ts';
import { rawPaths } from '../../src/schemas/raw-layout.ts';
import { inspectJson } from '../../src/formats/inspect.ts';
import { readCodeList, type CodeList } from '../../src/formats/scb-codelist.ts';
import { KOMMUNGRUPP_NAMES, KommungruppSchema } from '../../src/schemas/region.ts';
import { fakeDeps } from '../helpers/fake-server.ts';

const root = join(import.meta.dirname, '../..');
const config = loadConfig(root);
const kommuner = config.registry.kommuner().map((kommun) => kommun.code);
const codes = KommungruppSchema.options;

/** The nine groups splitting the kommuner in turn, as SCB's code list gives them. */
function codelist(
  values = codes.map((code, index) => ({
    code: `2023_${code}`,
    label: KOMMUNGRUPP_NAMES[code],
    valueMap: kommuner.filter((_, position) => position % codes.length === index),
  })),
): CodeList {
  return { id: 'agg_RegionKommungrupp2023-', label: 'Kommungrupper (SKR:s) 2023', type: 'Aggregation', values };
}

describe('kommungrupper from the code list', () => {
  it('gives every kommun exactly one group, read from the group codes', () => {
    const perKommun = kommungruppPerKommun(codelist(), '2023_', config.registry);
    expect(Object.keys(perKommun)).toHaveLength(290);
    expect(perKommun[kommuner[0]!]).toBe('A1');
    expect(perKommun[kommuner[8]!]).toBe('C9');
  });

  it('rejects a missing group, overlapping groups, unknown codes and kommuner left out', () => {
    const broken = codelist().values.flatMap((value) => {
      if (value.code === '2023_C9') return [];
      if (value.code === '2023_A1') return [{ ...value, valueMap: [...value.valueMap, kommuner[1]!, '9999'] }];
      return [value];
    });
    expect(() => kommungruppPerKommun(codelist(broken), '2023_', config.registry)).toThrow(
      /okänd kommunkod 9999.*finns i både A1 och A2.*2023_C9 saknas.*kommuner saknar grupp/,
    );
  });

  it('refuses an answer that is not a code list', () => {
    expect(() => readCodeList({ values: [{ id: 'G1' }] }, 'svar')).toThrow(/svar: ingen kodlista från SCB/);
  });
});

describe('fetching kommungrupper from SCB', () => {
  function context(replies: { status: number; body: string }[]) {
    const { deps, requests } = fakeDeps(replies);
    const ctx: ScbContext = {
      config: config.sources.scb,
      registry: config.registry,
      store: new RawStore(mkdtempSync(join(tmpdir(), 'kommungrupper-'))),
      deps,
      policy: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 1000 },
      retrievedAt: () => '2026-11-20T00:00:00Z',
    };
    return { ctx, requests };
  }

  it('asks for the code list once and keeps it raw', async () => {
    const { ctx, requests } = context([{ status: 200, body: JSON.stringify(codelist()) }]);
    await fetchKommungrupper(async () => {}, ctx);
    expect(requests.map((request) => request.url)).toEqual([
      'https://statistikdatabasen.scb.se/api/v2/codelists/agg_RegionKommungrupp2023-?lang=sv',
    ]);
    expect(ctx.store.finish().files.map((file) => file.id)).toEqual([`raw/${rawPaths.kommungrupper()}`]);
  });

  it('stops before keeping anything when the groups do not hold every kommun', async () => {
    const { ctx } = context([{ status: 200, body: JSON.stringify(codelist(codelist().values.slice(0, -1))) }]);
    await expect(fetchKommungrupper(async () => {}, ctx)).rejects.toThrow(/2023_C9 saknas/);
    expect(ctx.store.finish().files).toEqual([]);
  });
});

describe('the snapshot', () => {
  it('carries a kommungrupp for every kommun, as the raw code list says', () => {
    const regions = JSON.parse(readFileSync(join(root, 'data/snapshot/regions.json'), 'utf8')) as {
      code: string;
      level: string;
      kommungrupp: string | null;
    }[];
    const raw = readCodeList(
      JSON.parse(readFileSync(join(root, 'data', 'raw', rawPaths.kommungrupper()), 'utf8')),
      'raw',
    );
    const expected = kommungruppPerKommun(raw, '2023_', config.registry);
    const kommunRegions = regions.filter((region) => region.level === 'kommun');
    expect(kommunRegions).toHaveLength(290);
    for (const region of kommunRegions) expect(region.kommungrupp).toBe(expected[region.code]);
    expect(regions.filter((region) => region.level !== 'kommun').every((region) => region.kommungrupp === null)).toBe(
      true,
    );
  });
});

describe('data:inspect', () => {
  it('prints a code list one row per value and member', () => {
    const csv = inspectJson(
      codelist([
        { code: '2023_A1', label: 'Storstäder', valueMap: ['0180', '1480'] },
        { code: '2023_A2', label: 'Pendlingskommun nära storstad, exempel', valueMap: [] },
      ]),
    );
    expect(csv).toBe('code,label,member\r\n2023_A1,Storstäder,0180\r\n2023_A1,Storstäder,1480\r\n');
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
