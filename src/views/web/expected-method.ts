/**
 * The method page of the expected value: the factors with their sources, and per modelled
 * indicator a chart of actual against expected, its fits (how many kommuner, R², the typical
 * deviation) and latest coefficients, as tables a statistician can check against the CSV files.
 */
import type { Site } from '../model/site.ts';
import { expectedModels, type ExpectedModel } from '../../measures/expected.ts';
import { PREDICTORS, type Predictor } from '../../measures/structure.ts';
import { formatNumber, formatPeriod } from '../../formats/display.ts';
import { t } from '../../i18n/index.ts';
import { indicatorPath } from '../model/paths.ts';
import { textCell, type TableBlock } from '../blocks/table.ts';
import { differenceUnit } from '../text/labels.ts';
import { atBothWidths, type ChartBlock } from './indicator-page.ts';
import { expectedScatter } from '../../charts/expected-scatter.ts';
import type { Indicator } from '../../schemas/indicator.ts';

export interface ExpectedMethodPage {
  /** Prose, not a table: a source and a reason are sentences, which a table's narrow cells would clip. */
  factors: { name: string; source: string; why: string }[];
  indicators: {
    indicator: Indicator;
    href: string | null;
    /** Every kommun's actual value against its expected one, in the latest year. */
    chart: ChartBlock | null;
    fits: TableBlock;
    coefficients: TableBlock | null;
  }[];
  example: boolean;
}

const FIT_DECIMALS = 3;

export function buildExpectedMethodPage(site: Site): ExpectedMethodPage {
  const modelled = site.config.indicators.filter((indicator) => indicator.expected);
  const firstForbund = site.config.forbund[0]?.id ?? null;
  const fitted = modelled.map((indicator) => ({
    indicator,
    models: expectedModels(site.snapshot, site.config.registry, indicator),
  }));
  return {
    factors: PREDICTORS.map((predictor) => ({
      name: factorName(predictor),
      source: t(`model.factor.${predictor}.source`),
      why: t(`model.factor.${predictor}.why`),
    })),
    indicators: fitted.map(({ indicator, models }) => ({
      indicator,
      chart: scatterOf(indicator, models.at(-1) ?? null),
      fits: fitsTable(indicator, models),
      coefficients: coefficientsTable(indicator, models.at(-1) ?? null),
      href: firstForbund ? indicatorPath(firstForbund, indicator.id) : null,
    })),
    example: fitted.some(({ models }) => models.some((model) => model.example)),
  };
}

export function factorName(predictor: Predictor): string {
  return t(`model.factor.${predictor}`);
}

function scatterOf(indicator: Indicator, model: ExpectedModel | null): ChartBlock | null {
  if (!model) return null;
  const id = `spridning-${indicator.id}`;
  const points = model.values.map((value) => ({ id: value.code, expected: value.expected, actual: value.actual }));
  const unit = t(`unit.${indicator.unit}`);
  return {
    id,
    title: t('model.scatter.title', { title: indicator.shortTitle, period: formatPeriod(model.year) }),
    caption: t('model.scatter.caption', {
      count: formatNumber(model.values.length),
      spread: formatNumber(model.residualSpread, indicator.decimals),
      unit: differenceUnit(indicator),
    }),
    ...atBothWidths(
      id,
      points.map((point) => ({ value: point.actual })),
      (frame) =>
        expectedScatter(points, {
          ...frame,
          // Square enough that the line of equality runs at about 45 degrees.
          height: Math.min(frame.width, frame.height + frame.fontSize * 8),
          spread: model.residualSpread,
          xLabel: t('model.scatter.x', { unit }),
          yLabel: t('model.scatter.y', { unit }),
          decimals: indicator.decimals,
        }),
    ),
  };
}

function fitsTable(indicator: Indicator, models: ExpectedModel[]): TableBlock {
  return {
    caption: t('model.fits.caption', { title: indicator.shortTitle }),
    columns: [
      t('model.column.year'),
      t('model.column.factor-year'),
      t('model.column.kommuner'),
      t('model.column.r2'),
      t('model.column.spread', { unit: differenceUnit(indicator) }),
    ],
    rows: models.map((model) => ({
      header: { text: formatPeriod(model.year) },
      emphasis: false,
      cells: [
        textCell(model.factorYear),
        textCell(formatNumber(model.values.length)),
        textCell(formatNumber(model.rSquared, FIT_DECIMALS)),
        textCell(formatNumber(model.residualSpread, FIT_DECIMALS)),
      ],
    })),
    notes: models.length === 0 ? [t('model.fits.none')] : [],
  };
}

function coefficientsTable(indicator: Indicator, model: ExpectedModel | null): TableBlock | null {
  if (!model) return null;
  const fitted = (value: number | undefined) => formatNumber(value ?? null, FIT_DECIMALS);
  return {
    caption: t('model.coefficients.caption', { title: indicator.shortTitle, period: formatPeriod(model.year) }),
    columns: [t('model.column.factor'), t('model.column.coefficient'), t('model.column.standard-error')],
    rows: [
      {
        header: { text: t('model.intercept') },
        emphasis: false,
        cells: [textCell(fitted(model.intercept)), textCell(fitted(model.interceptError))],
      },
      ...PREDICTORS.map((predictor) => ({
        header: { text: factorName(predictor) },
        emphasis: false,
        cells:
          model.coefficients[predictor] === undefined
            ? [textCell(t('model.left-out')), textCell(fitted(undefined))]
            : [textCell(fitted(model.coefficients[predictor])), textCell(fitted(model.coefficientErrors[predictor]))],
      })),
    ],
    notes: [t('model.coefficients.read'), t('model.standard-error.read')],
  };
}
