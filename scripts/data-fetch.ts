/**
 * npm run data:fetch — online: fetches SCB and Kolada into data/raw (replaced only when every call
 * succeeded). Then run npm run data:build.
 */
import { loadConfig } from '../src/config/load.ts';
import { defaultHttpDeps } from '../src/fetch/http.ts';
import { refreshRaw } from '../src/fetch/run.ts';

try {
  await refreshRaw(loadConfig(process.cwd()), defaultHttpDeps);
  defaultHttpDeps.log('Klart: data/raw är uppdaterad. Kör npm run data:build.');
} catch (error) {
  defaultHttpDeps.log(error instanceof Error ? error.message : String(error));
  defaultHttpDeps.log('Hämtningen avbröts; data/raw är oförändrad.');
  process.exit(1);
}
