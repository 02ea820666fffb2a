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

  it('close with every change that matters and a question for every worsened indicator', () => {
    for (const member of site.members()) {
      const forbund = site.forbundOf(member.code);
      const verdicts = forbund.effectGoals
        .concat(forbund.strategicAreas.flatMap((area) => area.goals))
        .map((goal) => goal.indicator)
        .filter((id, index, all) => all.indexOf(id) === index)
        .map((id) => site.view(forbund.id, id).summaries.find((summary) => summary.area.id === member.code)?.verdict);
      const closing = buildDialogueDeck(site, member.code).slides.at(-1)!;
      const [improved, worsened, questions] = closing.lists!;
      const count = (verdict: string) => verdicts.filter((entry) => entry === verdict).length;
      expect(improved!.items.filter((item) => item !== 'Ingen')).toHaveLength(count('improving'));
      expect(worsened!.items.filter((item) => item !== 'Ingen')).toHaveLength(count('worsening'));
      expect(questions!.items.filter((item) => item.startsWith('Vad ligger bakom'))).toHaveLength(count('worsening'));
      expect(closing.lists!.flatMap((list) => list.items).join(' ')).not.toMatch(/… och \d+ till/);
    }
  });

  it('show the agreement’s goals as written, and the members side by side where an area has few indicators', () => {
    const deck = buildDialogueDeck(site, '2460');
    const forbund = site.forbundOf('2460');
    expect(deck.slides[1]?.lists?.[0]?.items).toEqual(forbund.effectGoals.map((goal) => goal.text));
    for (const area of forbund.strategicAreas) {
      const slide = deck.slides.find((candidate) => candidate.kicker === area.title)!;
      expect(slide.table?.rows).toHaveLength(area.goals.length);
      if (area.goals.length <= 2) expect(slide.chart?.svg, area.title).toContain('>Vännäs</text>');
      else expect(slide.chart, area.title).toBeUndefined();
    }
  });
});
