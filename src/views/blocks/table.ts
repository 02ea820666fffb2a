/**
 * A table as the pages show it: a caption, column headings, and rows led by a header cell. One
 * shape for indicator, start and profile tables, so that one component lays them out on a laptop
 * (wrapping headings, the first column kept in view) and as one card per row on a phone.
 */
import type { Verdict } from '../../measures/index.ts';
import { verdictLabel } from '../text/sentences.ts';
import { t } from '../../i18n/index.ts';

export interface TableCell {
  text: string;
  href?: string;
  /** Styles a verdict cell ("✓ förbättring") by its meaning: colour beside word and symbol. */
  verdict?: Verdict;
  /** A verdict symbol after a value ("7,9 % ✓"), coloured, with its word for screen readers. */
  mark?: Verdict;
  /** Left out of a phone's card: older years, which the chart and CSV still carry. */
  secondary?: boolean;
}

export interface TableRow {
  header: TableCell;
  cells: TableCell[];
  /** Förbund, län, riket and groups: set apart from the members. */
  emphasis: boolean;
}

export interface TableBlock {
  caption: string;
  columns: string[];
  rows: TableRow[];
  /** Said under the table: how a row's figure is made where the caption's source did not make it. */
  notes?: string[];
}

/** A plain text cell. */
export const textCell = (text: string): TableCell => ({ text });

/** A verdict cell: word and symbol, coloured by its meaning; a change across a break in the series says so. */
export const verdictCell = (verdict: Verdict, acrossBreak: { label: string } | null = null): TableCell => ({
  text:
    acrossBreak && verdict !== 'no-data' ? `${verdictLabel(verdict)} (${t('break.verdict')})` : verdictLabel(verdict),
  verdict,
});
