/**
 * Writes data/config/forbund/alla-kommuner.json: every kommun in SCB's code list as a member, for
 * the national build a national body (or a förbund comparing itself with all kommuner) would run.
 */
import { join } from 'node:path';
import { loadRegistry, readJsonFile } from '../src/config/load.ts';
import { ForbundSchema } from '../src/schemas/forbund.ts';
import { stableJson, writeFileAtomic } from '../src/formats/files.ts';

const root = process.cwd();
const registry = loadRegistry(root);
const template = readJsonFile(join(root, 'data/config/forbund/umearegionen.json'), ForbundSchema);
const national = ForbundSchema.parse({
  ...template,
  id: 'alla-kommuner',
  name: 'Alla kommuner i Sverige',
  description: 'Nationell jämförelse: alla 290 kommuner som medlemmar, med riket som jämförelse.',
  members: registry.kommuner().map((kommun) => ({ code: kommun.code, role: 'medlem' })),
  comparisons: { lan: [], riket: true, kommungrupper: false },
});
writeFileAtomic(join(root, 'data/config/forbund/alla-kommuner.json'), stableJson(national));
writeFileAtomic(
  join(root, 'data/config/site-national.json'),
  stableJson({ forbund: ['alla-kommuner'], suppressionThreshold: 5 }),
);
process.stderr.write(`Skrev alla-kommuner.json med ${national.members.length} medlemmar och site-national.json\n`);
