/**
 * The folders of src/ are the stages data flows through. A file may import from its own folder and
 * from the stages before it, never from a later one: the folder name says which stage a file is.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

/** What each folder may import besides itself, in the order data flows. */
const MAY_IMPORT: Record<string, string[]> = {
  formats: [],
  i18n: [],
  client: [],
  // Build plugins: the headers plugin reads the site's configuration (who may frame the embeds), and
  // the pairing plugin the site's addresses (views/model/paths.ts), to build a page after its embed.
  vite: ['formats', 'schemas', 'config', 'views'],
  styles: [],
  schemas: ['formats'],
  config: ['formats', 'schemas'],
  fetch: ['formats', 'schemas', 'config'],
  // Beside fetch on the data side: it reads what fetch wrote through the layout in schemas/raw-layout.ts.
  pipeline: ['formats', 'schemas', 'config'],
  example: ['formats', 'schemas', 'config', 'fetch', 'pipeline'],
  measures: ['formats', 'schemas', 'config', 'pipeline'],
  charts: ['formats', 'schemas', 'i18n'],
  views: ['formats', 'schemas', 'config', 'pipeline', 'measures', 'charts', 'i18n'],
  layouts: ['formats', 'schemas', 'i18n', 'views', 'client', 'styles'],
  components: ['formats', 'schemas', 'i18n', 'views', 'charts', 'layouts', 'client', 'styles'],
  pages: ['formats', 'schemas', 'i18n', 'views', 'charts', 'layouts', 'components', 'styles'],
};

/**
 * The rooms of views/, each serving one reader, in the order they may lean on each other: the model
 * of the site first, then its words, the blocks both web and deck show, and last what each reader gets.
 */
const VIEW_ROOMS_MAY_IMPORT: Record<string, string[]> = {
  model: [],
  text: ['model'],
  blocks: ['model', 'text'],
  web: ['model', 'text', 'blocks'],
  deck: ['model', 'text', 'blocks'],
  // The chart files are the web page's first chart, drawn once for both.
  downloads: ['model', 'text', 'web'],
};

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|astro)$/.test(name) ? [path] : [];
  });
}

const IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function stageOf(path: string): string {
  return relative(SRC, path).split('/')[0] ?? '';
}

function viewRoomOf(path: string): string | null {
  const [stage, room, file] = relative(SRC, path).split('/');
  return stage === 'views' && file ? (room ?? null) : null;
}

describe('src/ folders', () => {
  it('are exactly the known stages', () => {
    const folders = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());
    expect(folders.sort()).toEqual(Object.keys(MAY_IMPORT).sort());
  });

  it('import only from their own stage or earlier ones', () => {
    const against: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const from = stageOf(file);
      for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const to = stageOf(resolve(dirname(file), match[1] ?? ''));
        if (to !== from && !MAY_IMPORT[from]?.includes(to)) against.push(`${relative(SRC, file)} → ${match[1]}`);
      }
    }
    expect(against).toEqual([]);
  });

  it('views/ is rooms by reader, each importing only from itself and the rooms before it', () => {
    const views = join(SRC, 'views');
    const rooms = readdirSync(views).filter((name) => statSync(join(views, name)).isDirectory());
    expect(rooms.sort()).toEqual(Object.keys(VIEW_ROOMS_MAY_IMPORT).sort());
    expect(readdirSync(views).filter((name) => !rooms.includes(name))).toEqual([]);
    const against: string[] = [];
    for (const file of sourceFiles(views)) {
      const from = viewRoomOf(file);
      for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const to = viewRoomOf(resolve(dirname(file), match[1] ?? ''));
        if (to && to !== from && !VIEW_ROOMS_MAY_IMPORT[from ?? '']?.includes(to)) {
          against.push(`${relative(SRC, file)} → ${match[1]}`);
        }
      }
    }
    expect(against).toEqual([]);
  });
});
