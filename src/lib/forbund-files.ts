import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ForbundSchema, type Forbund } from '../schemas/forbund.ts';
import { readJsonFile } from './config.ts';

/** Every förbund configuration shipped in `data/config/forbund/`, whether or not the site publishes it. */
export function readForbundFiles(root: string): Forbund[] {
  const directory = join(root, 'data/config/forbund');
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => readJsonFile(join(directory, name), ForbundSchema));
}
