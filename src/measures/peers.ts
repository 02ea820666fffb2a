/**
 * A kommun against Kolada's "Liknande kommuner" for its area: the peers' values computed as the
 * kommun's own are (same sources, same suppression), their median and range. Rates only: a count
 * says more about a kommun's size than about how it is doing.
 */
import type { RegionRegistry } from '../config/regions.ts';
import type { Snapshot } from '../pipeline/snapshot-reader.ts';
import type { Indicator } from '../schemas/indicator.ts';
import { isProtected, type ObservationStatus } from '../schemas/observation.ts';
import type { PeerGroup } from '../schemas/peers.ts';
import { regionArea } from './areas.ts';
import { shownUnits } from './index.ts';
import { isPlaceable, quantile } from './national.ts';
import { pointAt, yearlySeries } from './series.ts';

/** Below this many peers with a value, a median says too little to show. */
export const MIN_PEERS_SHOWN = 4;

export interface PeerValue {
  code: string;
  name: string;
  /** Null where missing or protected; `status` says which. */
  value: number | null;
  status: ObservationStatus;
  /** The value rests on invented example data. */
  example: boolean;
}

export interface PeerComparison {
  indicator: Indicator;
  period: string;
  group: PeerGroup;
  own: PeerValue;
  /** In Kolada's order. */
  peers: PeerValue[];
  /** Over the peers with a shown value; null when fewer than MIN_PEERS_SHOWN have one. */
  median: number | null;
  range: { min: number; max: number } | null;
}

/** The kommun's peer group for an indicator, or null where the indicator has no peer area or is a count. */
export function peerGroupFor(snapshot: Snapshot, indicator: Indicator, kommun: string): PeerGroup | null {
  if (!indicator.peerArea || !isPlaceable(indicator)) return null;
  return snapshot.peers().find((area) => area.area === indicator.peerArea)?.groups[kommun] ?? null;
}

export function peerComparison(
  snapshot: Snapshot,
  registry: RegionRegistry,
  indicator: Indicator,
  kommun: string,
  period: string,
): PeerComparison | null {
  const group = peerGroupFor(snapshot, indicator, kommun);
  if (!group) return null;
  const valueOf = (code: string): PeerValue => {
    const series = yearlySeries(snapshot, {
      indicator,
      area: regionArea(code, registry),
      sex: 'total',
      selection: indicator.headline,
    });
    const point = pointAt(series, period);
    const name = registry.mustGet(code).name;
    if (!point) return { code, name, value: null, status: 'missing', example: false };
    const value = isProtected(point.status) ? null : point.value;
    return { code, name, value, status: point.status, example: point.example === true };
  };
  const peers = group.members.map(valueOf);
  const shown = peers.flatMap((peer) => (peer.value === null ? [] : [peer.value])).sort((a, b) => a - b);
  const enough = shown.length >= MIN_PEERS_SHOWN;
  return {
    indicator,
    period,
    group,
    own: valueOf(kommun),
    peers,
    median: enough ? quantile(shown, 0.5) : null,
    range: enough ? { min: shown[0] as number, max: shown.at(-1) as number } : null,
  };
}

/**
 * Whether the kommun is better or worse off than its peers' median in the desired direction,
 * judged on the values as shown (a difference lost in rounding is "same"); null without a
 * direction, a value or a median.
 */
export function againstPeerMedian({ indicator, own, median }: PeerComparison): 'better' | 'worse' | 'same' | null {
  if (indicator.direction === 'neutral' || own.value === null || median === null) return null;
  const difference = shownUnits(own.value, indicator.decimals) - shownUnits(median, indicator.decimals);
  if (difference === 0) return 'same';
  return difference < 0 === (indicator.direction === 'lower-is-better') ? 'better' : 'worse';
}
