/**
 * Kolada's "Liknande kommuner": fetched with the groups call, the latest vintage chosen per kommun,
 * and a kommun set beside its peers' values, computed and protected as its own are.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { fetchPeerGroups, type KoladaContext } from '../../src/fetch/kolada.ts';
import { RawStore } from '../../src/fetch/raw-store.ts';
import type { KoladaGroup } from '../../src/formats/kolada.ts';
import { againstPeerMedian, peerComparison } from '../../src/measures/peers.ts';
import { peerArea } from '../../src/pipeline/peer-groups.ts';
import { SnapshotBuilder } from '../../src/pipeline/snapshot-builder.ts';
import { PEERS_FILE, Snapshot } from '../../src/pipeline/snapshot-reader.ts';
import type { PeerArea } from '../../src/schemas/peers.ts';
import { rawFileKind } from '../../src/schemas/raw-layout.ts';
import { peersHeadline } from '../../src/views/text/sentences.ts';
import { fakeDeps } from '../helpers/fake-server.ts';

const root = join(import.meta.dirname, '../..');
const config = loadConfig(root);
const TITLE = 'Liknande kommuner arbetsmarknad';
const recorded: KoladaGroup[] = JSON.parse(
  readFileSync(join(root, 'data/reference/kolada-real/municipality-groups-liknande.json'), 'utf8'),
).data;

const group = (id: string, title: string, members: string[]): KoladaGroup => ({
  id,
  title,
  members: members.map((member_id) => ({ member_id, member_title: member_id })),
});
const read = (groups: KoladaGroup[]) => ({
  area: 'arbetsmarknad',
  title: TITLE,
  groups: groups.map((entry) => ({ file: 'data/raw/kolada/grupper-arbetsmarknad-page-001.json', group: entry })),
});

describe('fetching the peer groups', () => {
  it('asks v3 /municipality_groups by title, follows every page and keeps each raw', async () => {
    const umea = recorded.find((entry) => entry.title === `${TITLE}, Umeå, 2024`)!;
    const vannas = recorded.find((entry) => entry.title === `${TITLE}, Vännäs, 2024`)!;
    const next = `https://api.kolada.se/v3/municipality_groups?title=${encodeURIComponent(TITLE)}&per_page=1&page=2`;
    const { deps, requests } = fakeDeps([
      { status: 200, body: JSON.stringify({ count: 1, values: [umea], next_url: next }) },
      { status: 200, body: JSON.stringify({ count: 1, values: [vannas], next_url: null }) },
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'peers-'));
    const context: KoladaContext = {
      config: { ...config.sources.kolada, perPage: 1, peerGroups: [{ area: 'arbetsmarknad', title: TITLE }] },
      store: new RawStore(dir),
      deps,
      policy: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 1000 },
      retrievedAt: () => '2026-12-04T00:00:00Z',
      toYear: 2025,
    };
    await fetchPeerGroups(context, async () => {});
    expect(requests.map((request) => request.url)).toEqual([
      'https://api.kolada.se/v3/municipality_groups?title=Liknande%20kommuner%20arbetsmarknad&per_page=1',
      next,
    ]);
    const files = readdirSync(join(dir, 'kolada'));
    expect(files).toEqual(['grupper-arbetsmarknad-page-001.json', 'grupper-arbetsmarknad-page-002.json']);
    expect(files.map((file) => rawFileKind(`raw/kolada/${file}`, 'kolada'))).toEqual([
      { kind: 'kolada-peer-groups', area: 'arbetsmarknad' },
      { kind: 'kolada-peer-groups', area: 'arbetsmarknad' },
    ]);
  });

  it('refuses a page that is not a list of groups, naming what is wrong', async () => {
    const { deps } = fakeDeps([{ status: 200, body: JSON.stringify({ values: [{ id: 'G1', title: 'x' }] }) }]);
    const context: KoladaContext = {
      config: { ...config.sources.kolada, peerGroups: [{ area: 'arbetsmarknad', title: TITLE }] },
      store: new RawStore(mkdtempSync(join(tmpdir(), 'peers-'))),
      deps,
      policy: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 1000 },
      retrievedAt: () => '2026-12-04T00:00:00Z',
      toYear: 2025,
    };
    await expect(fetchPeerGroups(context, async () => {})).rejects.toThrow(/kommungrupper[\s\S]*members/);
  });
});

describe('choosing each kommun’s peers', () => {
  it('reads the recorded real groups: Umeå’s seven for the labour market, 2024', () => {
    const area = peerArea(read(recorded.filter((entry) => entry.title.startsWith(`${TITLE},`))), config.registry);
    expect(Object.keys(area.groups)).toHaveLength(290);
    expect(area.groups['2480']).toEqual({
      id: 'G216333',
      title: `${TITLE}, Umeå, 2024`,
      year: 2024,
      members: ['0182', '0580', '0680', '1481', '2080', '2380', '2580'],
    });
  });

  it('keeps the latest vintage, whatever the order, and ignores other groups the title filter lets through', () => {
    const area = peerArea(
      read([
        group('G2', `${TITLE}, Umeå, 2024`, ['0180', '1480']),
        group('G1', `${TITLE}, Umeå, 2023`, ['1280']),
        group('G3', `${TITLE} (gammal indelning)`, ['0180']),
      ]),
      config.registry,
    );
    expect(area.groups).toEqual({
      '2480': { id: 'G2', title: `${TITLE}, Umeå, 2024`, year: 2024, members: ['0180', '1480'] },
    });
  });

  it('names the file and group when a group cannot be trusted', () => {
    const fails = (entry: KoladaGroup) => () => peerArea(read([entry]), config.registry);
    expect(fails(group('G9', `${TITLE}, Atlantis, 2024`, ['0180']))).toThrow(
      /grupper-arbetsmarknad-page-001\.json: G9 .*ingen kommun heter "Atlantis"/,
    );
    expect(fails(group('G9', `${TITLE}, Umeå, 2024`, ['0180', '9999']))).toThrow(/okända kommunkoder 9999/);
    expect(fails(group('G9', `${TITLE}, Umeå, 2024`, ['2480']))).toThrow(/med bland sina egna/);
    expect(() =>
      peerArea(
        read([group('G1', `${TITLE}, Umeå, 2024`, ['0180']), group('G2', `${TITLE}, Umeå, 2024`, ['1480'])]),
        config.registry,
      ),
    ).toThrow(/två grupper för Umeå 2024 \(G1 och G2\)/);
  });
});

describe('a kommun beside its peers', () => {
  const indicator = config.indicators.find((candidate) => candidate.id === 'ekonomiskt-bistand-andel')!;
  const peers = ['0180', '1280', '1480', '0380', '0580', '0680', '0780'];
  /** A snapshot of Kolada-style shares per kommun for 2025, with Kolada's own peer file beside it. */
  function snapshotWith(values: Record<string, number | null>): Snapshot {
    const builder = new SnapshotBuilder();
    for (const [region, value] of Object.entries(values))
      builder.add({
        indicator: indicator.id,
        defaultStatus: 'final',
        region,
        sex: 'total',
        breakdown: {},
        period: '2025',
        value,
        status: value === null ? 'missing' : 'final',
        sourceStatus: '',
        provenance: 'raw/kolada/x.json',
      });
    const dir = mkdtempSync(join(tmpdir(), 'peer-snapshot-'));
    mkdirSync(join(dir, 'observations'));
    const file = builder.build(indicator.id);
    writeFileSync(join(dir, 'observations', `${indicator.id}.json`), JSON.stringify(file));
    const peerFile: PeerArea[] = [
      {
        area: 'ekonomiskt-bistand',
        title: 'Liknande kommuner ekonomiskt bistånd',
        groups: {
          '2480': { id: 'G1', title: 'Liknande kommuner ekonomiskt bistånd, Umeå, 2023', year: 2023, members: peers },
        },
      },
    ];
    writeFileSync(join(dir, PEERS_FILE), JSON.stringify(peerFile));
    writeFileSync(
      join(dir, 'meta.json'),
      JSON.stringify({
        example: false,
        retrievedAt: '2026-12-04T00:00:00Z',
        provenance: [
          {
            id: 'raw/kolada/x.json',
            source: 'kolada',
            url: 'https://api.kolada.se/v3/x',
            query: null,
            retrievedAt: '2026-12-04T00:00:00Z',
            sha256: 'a'.repeat(64),
            example: false,
          },
        ],
        contentCodes: {},
        tables: {},
        suppressionThreshold: 5,
        inputsSha256: 'b'.repeat(64),
        files: [{ indicator: indicator.id, file: `observations/${indicator.id}.json`, observations: 8 }],
      }),
    );
    return new Snapshot(dir);
  }

  it('gives the peers’ median and range, in Kolada’s order, and judges the kommun against the median', () => {
    const values = [3.0, 5.0, 4.0, 2.0, 6.0, 3.5, 4.5];
    const snapshot = snapshotWith({
      '2480': 3.9,
      ...Object.fromEntries(peers.map((code, index) => [code, values[index]!])),
    });
    const comparison = peerComparison(snapshot, config.registry, indicator, '2480', '2025')!;
    expect(comparison.peers.map((peer) => peer.code)).toEqual(peers);
    expect(comparison.peers.map((peer) => peer.name)).toContain('Göteborg');
    expect(comparison.median).toBe(4.0);
    expect(comparison.range).toEqual({ min: 2.0, max: 6.0 });
    // Lower is better for ekonomiskt bistånd: 3,9 against 4,0.
    expect(againstPeerMedian(comparison)).toBe('better');
    expect(againstPeerMedian({ ...comparison, own: { ...comparison.own, value: 4.04 } })).toBe('same');
  });

  it('shows no median where fewer than four peers have a value', () => {
    const snapshot = snapshotWith({ '2480': 3.9, '0180': 3, '1280': 4, '1480': 5, '0380': null });
    const comparison = peerComparison(snapshot, config.registry, indicator, '2480', '2025')!;
    expect(comparison.median).toBeNull();
    expect(comparison.range).toBeNull();
    expect(againstPeerMedian(comparison)).toBeNull();
  });

  it('has nothing to say for a count, or for an indicator without a peer area', () => {
    const snapshot = snapshotWith({ '2480': 3.9 });
    const count = config.indicators.find((candidate) => candidate.unit === 'count')!;
    const noArea = config.indicators.find((candidate) => candidate.unit !== 'count' && !candidate.peerArea)!;
    expect(peerComparison(snapshot, config.registry, count, '2480', '2025')).toBeNull();
    expect(peerComparison(snapshot, config.registry, noArea, '2480', '2025')).toBeNull();
  });
});

describe('the headline', () => {
  const standing = (title: string, value: 'better' | 'worse' | 'same' | null) => ({ title, standing: value });
  it('counts better and worse, and names a single indicator instead of "1 av 1"', () => {
    expect(peersHeadline('Umeå', [standing('A', 'better'), standing('B', 'worse'), standing('C', 'better')])).toBe(
      'Umeå ligger bättre till än medianen för liknande kommuner på 2 av 3 indikatorer och sämre på 1.',
    );
    expect(peersHeadline('Umeå', [standing('A', 'worse'), standing('B', 'same'), standing('C', null)])).toBe(
      'Umeå ligger sämre till än medianen för liknande kommuner på 1 av 2 indikatorer och bättre på ingen.',
    );
    expect(peersHeadline('Umeå', [standing('Arbetslöshet', 'better'), standing('B', null)])).toBe(
      'Umeå ligger bättre till än medianen för liknande kommuner i arbetslöshet.',
    );
    expect(peersHeadline('Umeå', [standing('A', null)])).toBe(
      'För Umeå finns för få värden hos liknande kommuner att jämföra med.',
    );
  });
});

describe('the configuration', () => {
  it('refuses an indicator whose peer area sources.json does not fetch', () => {
    const copy = mkdtempSync(join(tmpdir(), 'peer-config-'));
    mkdirSync(join(copy, 'data'));
    cpSync(join(root, 'data/config'), join(copy, 'data/config'), { recursive: true });
    symlinkSync(join(root, 'data/reference'), join(copy, 'data/reference'));
    const path = join(copy, 'data/config/indicators.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"peerArea": "ekonomiskt-bistand"', '"peerArea": "skola"'));
    expect(() => loadConfig(copy)).toThrow(
      /indicators\.json: \d+\.peerArea: "skola" är inget område i sources\.json kolada\.peerGroups \(arbetsmarknad, ekonomiskt-bistand\)/,
    );
  });
});
