/**
 * Disclosure control: what is never published exactly, and what is withheld so that it cannot be
 * worked out. Both rules live here; the import applies the first (`exports.ts`), the series makers
 * the second (`measures/series.ts`), and Om statistiken describes them from `disclosureWords`.
 *
 * Primary: a count from 1 to threshold − 1 is published as "<threshold", never exactly; 0 is 0.
 *
 * Secondary: a protected count must not be recoverable by subtraction from what is published beside
 * it, in two relations:
 * - an aggregate is the sum of its kommuner: an aggregate point is withheld wherever a member's is
 *   protected (so no published sum holds a hidden part);
 * - total = women + men: where exactly one of the three is protected, one more is withheld (the
 *   other sex; men when the total is the protected one), the fewest cells that close the gap.
 */
import { isProtected, type ObservationStatus, type Sex } from '../schemas/observation.ts';

/** The counts a threshold protects: 1 up to `highest`. */
export function protectedRange(threshold: number): { lowest: number; highest: number } {
  return { lowest: 1, highest: threshold - 1 };
}

/** The mark a protected count is published as. */
export function suppressedMark(threshold: number): string {
  return `<${threshold}`;
}

/** Primary suppression of one count: what to publish instead, or null when it may be published. */
export function primarySuppression(
  value: number,
  threshold: number,
): { value: null; status: 'suppressed'; sourceStatus: string } | null {
  const { lowest, highest } = protectedRange(threshold);
  if (value < lowest || value > highest) return null;
  return { value: null, status: 'suppressed', sourceStatus: suppressedMark(threshold) };
}

/** Whether `rest` can be the sum of `hidden` protected counts (each 1 to highest). */
export function fitsHiddenParts(rest: number, hidden: number, threshold: number): boolean {
  const { lowest, highest } = protectedRange(threshold);
  return hidden === 0 ? rest === 0 : rest >= hidden * lowest && rest <= hidden * highest;
}

/** Secondary, first relation: an aggregate point is withheld where any member's point is protected. */
export function aggregateWithheld(memberStatuses: (ObservationStatus | null)[]): boolean {
  return memberStatuses.some((status) => status !== null && isProtected(status));
}

/**
 * Secondary, second relation: given which of total, women and men are protected, the one more to
 * withhold, or null. Only a single protected cell leaves a gap that subtraction could close.
 */
export function sexToAlsoWithhold(protectedSexes: Sex[]): Sex | null {
  if (protectedSexes.length !== 1) return null;
  return protectedSexes[0] === 'men' ? 'women' : 'men';
}

/** The numbers Om statistiken and the table notes say the rules with. */
export function disclosureWords(threshold: number): { threshold: number; lowest: number; highest: number } {
  return { threshold, ...protectedRange(threshold) };
}

/**
 * The table marks in sv.json are written for one threshold; a site configured with another would
 * print "<5" for counts it protects up to a different limit. Refused here, before any page is made.
 */
export function checkDisclosureMarks(threshold: number, mark: string, explanation: string): void {
  const { lowest, highest } = protectedRange(threshold);
  const said = `${suppressedMark(threshold)} = ett antal från ${lowest} till ${highest}`;
  if (mark !== suppressedMark(threshold) || !explanation.includes(said))
    throw new Error(
      `site.json: suppressionThreshold är ${threshold}, men status.suppressed och status.explain i src/i18n/sv.json ` +
        `skriver skyddade antal som ${mark}; ändra dem till "${said}"`,
    );
}
