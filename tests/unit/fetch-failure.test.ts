import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refreshRaw } from '../../src/fetch/run.ts';
import { loadConfig } from '../../src/config/load.ts';
import { sha256 } from '../../src/formats/files.ts';
import { fakeDeps } from '../helpers/fake-server.ts';

const root = join(import.meta.dirname, '../..');

function project(): string {
  const work = mkdtempSync(join(tmpdir(), 'fetch-'));
  mkdirSync(join(work, 'data'));
  for (const name of ['config', 'reference']) symlinkSync(join(root, 'data', name), join(work, 'data', name));
  // A small stand-in for the previous raw stage: its bytes must survive a failed refresh.
  mkdirSync(join(work, 'data/raw/scb'), { recursive: true });
  cpSync(join(root, 'data/raw/provenance.json'), join(work, 'data/raw/provenance.json'));
  cpSync(join(root, 'data/raw/scb/config.json'), join(work, 'data/raw/scb/config.json'));
  return work;
}

const fingerprint = (directory: string) =>
  readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `${entry.name}:${sha256(readFileSync(join(entry.parentPath, entry.name)))}`)
    .sort()
    .join('\n');

describe('data:fetch when the API fails', () => {
  it('gives up after the retries and leaves data/raw as it was, with no staging folder behind', async () => {
    const work = project();
    const before = fingerprint(join(work, 'data/raw'));
    const config = readFileSync(join(root, 'tests/fixtures/scb/api-v2-config.json'), 'utf8');
    const { deps, requests } = fakeDeps((url) =>
      url.endsWith('/config')
        ? { status: 200, body: config }
        : { status: 503, body: 'Service Unavailable', headers: { 'content-type': 'text/plain' } },
    );
    await expect(
      refreshRaw(loadConfig(work), deps, { policy: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 1000 } }),
    ).rejects.toThrow(/HTTP 503.*gav upp efter 3 försök: Service Unavailable/);
    expect(requests.length).toBe(4);
    expect(fingerprint(join(work, 'data/raw'))).toBe(before);
    expect(readdirSync(join(work, 'data')).sort()).toEqual(['config', 'raw', 'reference']);
  });
});
