/** Runs once before the test files: unpacks the packaged Chromium here, not in parallel workers. */
import { chromiumPath } from './browser.ts';

export async function setup(): Promise<void> {
  await chromiumPath();
}
