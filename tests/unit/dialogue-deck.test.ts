import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDialogueDeck } from '../../src/views/dialogue.ts';
import { getSite } from '../../src/views/site.ts';

const site = getSite(join(import.meta.dirname, '../..'));

describe('dialogue decks', () => {
  it('name the meeting day on the title slide where the förbund has set one', () => {
    expect(buildDialogueDeck(site, '2460').slides[0]?.headline).toBe(
      'Vännäs: läget i statistiken inför dialogen 4 december 2026',
    );
    expect(buildDialogueDeck(site, '2480').slides[0]?.headline).toBe('Umeå: läget i statistiken');
  });

  it('give every slide its own talk track, saying each note once per deck', () => {
    for (const member of site.members()) {
      const slides = buildDialogueDeck(site, member.code).slides;
      const notes = slides.flatMap((slide) => slide.notes);
      expect(new Set(notes).size, member.code).toBe(notes.length);
      for (const slide of slides) expect(slide.notes.length, `${member.code} ${slide.id}`).toBeGreaterThan(0);
    }
  });

  it('never count a single indicator as "1 av 1"', () => {
    for (const member of site.members())
      for (const slide of buildDialogueDeck(site, member.code).slides)
        expect(slide.headline, `${member.code} ${slide.id}`).not.toMatch(/\b1 av 1\b/);
  });
});
