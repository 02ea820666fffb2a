import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDialogueDeck } from '../../src/views/deck/dialogue.ts';
import { getSite } from '../../src/views/model/site.ts';

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
    expect(site.members().length).toBeGreaterThan(0);
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
      const list = (title: string) => closing.lists!.find((entry) => entry.title === title);
      const [improved, worsened, questions] = [list('Förbättrades'), list('Försämrades'), list('Frågor')];
      const count = (verdict: string) => verdicts.filter((entry) => entry === verdict).length;
      // Every indicator of the agreement is on the slide, the unchanged and those without a comparison too.
      const rest = list('Oförändrade eller utan jämförelse')?.items ?? [];
      expect(rest.filter((item) => item.endsWith(': oförändrat'))).toHaveLength(count('unchanged'));
      expect(rest.filter((item) => item.endsWith(': kan inte jämföras'))).toHaveLength(
        verdicts.length - count('improving') - count('worsening') - count('unchanged'),
      );
      expect(closing.headline).toMatch(new RegExp(`^Av överenskommelsens ${verdicts.length} indikatorer förbättrades`));
      expect(improved!.items.filter((item) => item !== 'Ingen')).toHaveLength(count('improving'));
      expect(worsened!.items.filter((item) => item !== 'Ingen')).toHaveLength(count('worsening'));
      expect(questions!.items.filter((item) => item.startsWith('Vad ligger bakom'))).toHaveLength(count('worsening'));
      expect(closing.lists!.flatMap((list) => list.items).join(' ')).not.toMatch(/… och \d+ till/);
      // Each change is shown as a change: from, to, and the years compared.
      for (const item of [...improved!.items, ...worsened!.items].filter((entry) => entry !== 'Ingen'))
        expect(item).toMatch(/: [\d,]+(\u00a0%)? → [\d,]+(\u00a0%)? \(\d{4}–\d{4}\)$/);
    }
  });

  it('show the agreement’s goals as written, and the members side by side on every indicator of an area', () => {
    const deck = buildDialogueDeck(site, '2460');
    const forbund = site.forbundOf('2460');
    expect(deck.slides[1]?.lists?.[0]?.items).toEqual(forbund.effectGoals.map((goal) => goal.text));
    for (const area of forbund.strategicAreas) {
      const slide = deck.slides.find((candidate) => candidate.kicker === area.title)!;
      expect(slide.table?.rows).toHaveLength(area.goals.length);
      expect(slide.panels, area.title).toHaveLength(area.goals.length);
      slide.panels!.forEach((panel, index) =>
        expect(panel.title.startsWith(site.indicator(area.goals[index]!.indicator).shortTitle)).toBe(true),
      );
      for (const panel of slide.panels!) {
        // Each member is a bar or named under the chart with its symbol; Vännäs is one of them.
        const members = forbund.members.map((member) => site.config.registry.mustGet(member.code).name);
        for (const member of members)
          expect(`${panel.svg}${panel.note ?? ''}`, `${panel.title} ${member}`).toMatch(
            new RegExp(`>${member}</text>|[:,] ${member} `),
          );
      }
    }
    const ohalsa = deck.slides.find((candidate) => candidate.kicker === 'Ohälsa')!;
    // The members' counts are set side by side by their rate per 1 000; a protected count's rate is ×.
    expect(ohalsa.panels?.[1]?.title).toMatch(/^Aktivitetsersättning, kartläggning per 1\u00a0000 unga/);
    expect(ohalsa.panels?.[1]?.note).toMatch(/^Utan stapel: .*Vännäs ×/);
    expect(ohalsa.source).toBe('Kolada (RKA), nyckeltal N00957; Försäkringskassan (lokal export) och SCB (folkmängd)');
  });

  it('say "ingen placering" where the members are not ranked, not a missing-value symbol', () => {
    const ranks = buildDialogueDeck(site, '2460').slides.find((slide) => slide.kicker === 'Bland medlemmarna')!;
    const cell = (title: string) => ranks.table?.rows.find((row) => row.header === title)?.cells[1];
    // A member's count of young people in kartläggning is protected (<5): no list, no place.
    expect(cell('Aktivitetsersättning, kartläggning')).toBe('ingen placering');
    expect(cell('Ohälsotal')).toMatch(/^\d av 6$/);
  });

  it('draw each agreement indicator over time once, Kolada’s and the exports as much as SCB’s', () => {
    const deck = buildDialogueDeck(site, '2460');
    const trends = deck.slides.filter((slide) => slide.chart?.caption.endsWith(' per år.'));
    const titles = trends.map((slide) => slide.kicker);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles).toEqual(
      expect.arrayContaining(['Ohälsotal', 'Långtidsarbetslöshet 25–64 år', 'Ej behöriga till gymnasiet']),
    );
    // Vännäs's counts of young people in kartläggning are all below 5: a line of gaps is not drawn.
    expect(titles).not.toContain('Aktivitetsersättning, kartläggning');
    for (const slide of trends) expect(slide.headline, slide.kicker).toMatch(/Vännäs/);
    // The caption names the lines drawn: riket only where the source has it (an export has none).
    const caption = (kicker: string) => trends.find((slide) => slide.kicker === kicker)?.chart?.caption;
    expect(caption('Ohälsotal')).toMatch(/Vännäs, förbundet och riket per år\.$/);
    expect(caption('Ej behöriga till gymnasiet')).toMatch(/\. Vännäs och förbundet per år\.$/);
  });

  it('keep to the tables where a förbund has more members than a slide holds bars for', () => {
    const forbund = site.forbundOf('2460');
    const large = { ...forbund, members: Array.from({ length: 13 }, (_, index) => forbund.members[index % 6]!) };
    const deck = buildDialogueDeck({ ...site, forbundOf: () => large }, '2460');
    const areas = deck.slides.filter(
      (slide) => slide.table && forbund.strategicAreas.some((area) => area.title === slide.kicker),
    );
    expect(areas).toHaveLength(forbund.strategicAreas.length);
    for (const slide of areas) expect(slide.panels, slide.kicker).toBeUndefined();
  });

  it('put the members charts of an area with many indicators on slides of their own, shared out evenly', () => {
    const forbund = site.forbundOf('2460');
    const wide = {
      ...forbund,
      strategicAreas: [
        { ...forbund.strategicAreas[0]!, goals: forbund.strategicAreas.flatMap((area) => area.goals).slice(0, 4) },
      ],
    };
    const deck = buildDialogueDeck({ ...site, forbundOf: () => wide }, '2460');
    const area = deck.slides.find((slide) => slide.kicker === wide.strategicAreas[0]!.title)!;
    expect(area.table?.rows).toHaveLength(4);
    expect(area.panels).toBeUndefined();
    const members = deck.slides.filter((slide) => slide.kicker.endsWith(': medlemmarna'));
    expect(members.map((slide) => slide.panels?.length)).toEqual([2, 2]);
    const titles = members.flatMap((slide) => slide.panels!.map((panel) => panel.title));
    wide.strategicAreas[0]!.goals.forEach((goal, index) =>
      expect(titles[index]?.startsWith(site.indicator(goal.indicator).shortTitle)).toBe(true),
    );
    for (const slide of members) expect(slide.headline).toMatch(/^Vännäs har /);
    expect(new Set(deck.slides.map((slide) => slide.id)).size).toBe(deck.slides.length);
  });
});
