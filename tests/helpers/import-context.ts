/** The context exports are imported in for tests: the project's catalogue and regions, a fixed day. */
import type { ProjectConfig } from '../../src/config/load.ts';
import type { ImportContext } from '../../src/pipeline/exports.ts';

export function importContext(config: ProjectConfig): ImportContext {
  return {
    registry: config.registry,
    indicators: new Map(config.indicators.map((indicator) => [indicator.id, indicator])),
    suppressionThreshold: 5,
    today: new Date('2026-11-22T12:00:00Z'),
  };
}
