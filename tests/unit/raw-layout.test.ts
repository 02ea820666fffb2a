/**
 * The raw layout is the one contract between what fetch and the example write and what the snapshot
 * reads: every path it names is read back as the kind it was written as.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RAW_FOLDER, rawFileKind, rawPaths, readRawManifest } from '../../src/schemas/raw-layout.ts';

const root = join(import.meta.dirname, '../..');

describe('the raw layout', () => {
  it('reads back each kind of path as what it holds', () => {
    const kind = (path: string, source: 'scb' | 'kolada') => rawFileKind(`raw/${path}`, source);
    expect(kind(rawPaths.scbCube('bas', 'inspelad-2480'), 'scb')).toEqual({ kind: 'scb-cube', dataset: 'bas' });
    expect(kind(rawPaths.scbCubeCall('he', 'he-andel', 12), 'scb')).toEqual({ kind: 'scb-cube', dataset: 'he' });
    expect(kind(rawPaths.kommungrupper(), 'scb')).toEqual({ kind: 'kommungrupper' });
    expect(kind(rawPaths.koladaPage('N31807-2014', 2), 'kolada')).toEqual({ kind: 'kolada-page' });
    expect(kind(rawPaths.koladaPeerGroups('ekonomiskt-bistand', 1), 'kolada')).toEqual({
      kind: 'kolada-peer-groups',
      area: 'ekonomiskt-bistand',
    });
    for (const evidence of [
      rawPaths.scbConfig(),
      rawPaths.scbMetadata('bas'),
      rawPaths.scbSearchPage('bas', 1),
      rawPaths.koladaCatalogue(0),
      rawPaths.koladaCatalogue(1),
    ])
      expect(kind(evidence, evidence.startsWith('scb') ? 'scb' : 'kolada')).toEqual({ kind: 'provenance-only' });
  });

  it('numbers pages and calls so that files sort in the order they were asked', () => {
    expect(rawPaths.koladaPage('N31807-2014', 2)).toBe('kolada/N31807-2014-page-002.json');
    expect(rawPaths.scbCubeCall('he', 'he-andel', 12)).toBe('scb/he/he-andel-012.json');
    expect(rawPaths.koladaCatalogue(1)).toBe('kolada/kpi-metadata-2.json');
  });

  it('classifies every file of the committed raw folder, each dataset one that sources.json names', () => {
    const manifest = readRawManifest(join(root, RAW_FOLDER));
    const kinds = manifest.files.map((file) => rawFileKind(file.id, file.source === 'kolada' ? 'kolada' : 'scb'));
    const cubes = new Set(kinds.flatMap((kind) => (kind.kind === 'scb-cube' ? [kind.dataset] : [])));
    expect([...cubes].sort()).toEqual(
      [
        'bas',
        'bas-fodelse',
        'bas-kvartal',
        'bas-slutlig',
        'befolkning',
        'befolkning-ckm',
        'befolkning-ckm-unga',
        'he',
        'utbildning',
      ].sort(),
    );
    expect(kinds.filter((kind) => kind.kind === 'kommungrupper')).toHaveLength(1);
    expect(kinds.filter((kind) => kind.kind === 'kolada-page').length).toBeGreaterThan(0);
    expect(kinds.flatMap((kind) => (kind.kind === 'kolada-peer-groups' ? [kind.area] : []))).toEqual([
      'arbetsmarknad',
      'ekonomiskt-bistand',
    ]);
  });
});
