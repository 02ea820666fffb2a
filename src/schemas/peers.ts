/**
 * `data/snapshot/peers.json`: Kolada's "Liknande kommuner" per area, the latest vintage per kommun.
 * Who is like whom is Kolada's judgement and is credited to Kolada; the values compared are ours.
 */
import { z } from 'zod';

const KommunCodeSchema = z.string().regex(/^\d{4}$/);

export const PeerGroupSchema = z.strictObject({
  /** Kolada's group id (`G216333`), for a link back to the source. */
  id: z.string().min(1),
  /** Kolada's own title: "Liknande kommuner arbetsmarknad, Umeå, 2024". */
  title: z.string().min(1),
  year: z.number().int(),
  /** The peers, never the kommun itself, in Kolada's order. */
  members: z.array(KommunCodeSchema).min(1),
});
export type PeerGroup = z.infer<typeof PeerGroupSchema>;

export const PeerAreaSchema = z.strictObject({
  /** The area as `sources.json` names it and indicators refer to it (`arbetsmarknad`). */
  area: z.string().min(1),
  /** The start of the group titles ("Liknande kommuner arbetsmarknad"). */
  title: z.string().min(1),
  /** Per kommun code. */
  groups: z.record(KommunCodeSchema, PeerGroupSchema),
});
export type PeerArea = z.infer<typeof PeerAreaSchema>;

export const PeersFileSchema = z.array(PeerAreaSchema);
