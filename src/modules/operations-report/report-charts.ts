/**
 * Report charts as standalone SVG, drawn on the server by Apache ECharts' string renderer (no DOM,
 * no canvas): the same markup goes inline into the HTML page and, with a PNG fallback, into Word.
 */
import { BarChart, FunnelChart, type BarSeriesOption, type FunnelSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, type GridComponentOption, type LegendComponentOption, type TitleComponentOption } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ReportChart, ReportChartSeries } from './report-document.js';

use([BarChart, FunnelChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

type ChartOption = ComposeOption<BarSeriesOption | FunnelSeriesOption | GridComponentOption | LegendComponentOption | TitleComponentOption>;

/** Fonts with Chinese glyphs first, so a viewer without one falls back to a sans-serif rather than tofu. */
export const CHART_FONT_FAMILY = 'Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif';

/** Fits the text column of an A4 page (about 170 mm) at 96 dpi. */
export const CHART_SIZE = { width: 640, height: 320 } as const;

/** Muted colours that stay distinct when printed in greyscale. */
const PALETTE = ['#2f5d8a', '#e0913a', '#5b9a68', '#a45a7e', '#7d7d7d', '#c9b037'];

/** One chart as an `<svg>` string; its text is escaped by ECharts, and the instance is always disposed. */
export function chartSvg(chart: ReportChart, options: { width?: number; height?: number } = {}): string {
  const instance = init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: options.width ?? CHART_SIZE.width,
    height: options.height ?? CHART_SIZE.height,
  });
  try {
    instance.setOption(chartOption(chart));
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

function chartOption(chart: ReportChart): ChartOption {
  const common: ChartOption = {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: '#333' },
    title: { text: chart.title, left: 'center', top: 8, textStyle: { fontSize: 15, fontWeight: 'bold' } },
  };
  switch (chart.kind) {
    case 'funnel':
      return { ...common, ...funnelOption(chart.stages) };
    case 'monthly':
      return { ...common, ...groupedBarsOption(chart.months, chart.series, 'vertical') };
    case 'bars':
      return { ...common, ...groupedBarsOption(chart.categories, chart.series, 'horizontal') };
  }
}

/** Stages in the order given (a pipeline, not a ranking), each labelled with its figure. */
function funnelOption(stages: { label: string; value: number }[]): ChartOption {
  return {
    series: [
      {
        type: 'funnel',
        silent: true,
        sort: 'none',
        left: '22%',
        width: '46%',
        top: 48,
        bottom: 16,
        min: 0,
        max: Math.max(0, ...stages.map((stage) => stage.value)),
        minSize: '8%',
        gap: 2,
        label: { position: 'right', formatter: '{b}  {c}', fontSize: 13 },
        labelLine: { length: 16 },
        data: stages.map((stage) => ({ name: stage.label, value: stage.value })),
      },
    ],
  };
}

/**
 * Bars per category, one colour per series, each bar labelled with its figure (a printed page has no
 * tooltips). Months read left to right; areas, whose names are longer, read top to bottom.
 */
function groupedBarsOption(categories: string[], series: ReportChartSeries[], direction: 'vertical' | 'horizontal'): ChartOption {
  const categoryAxis = { type: 'category' as const, data: categories, axisTick: { alignWithLabel: true }, inverse: direction === 'horizontal' };
  const valueAxis = { type: 'value' as const, minInterval: 1, splitLine: { lineStyle: { color: '#e4e4e4' } } };
  return {
    legend: { show: series.length > 1, bottom: 4, itemWidth: 14, itemHeight: 10 },
    grid: { left: 16, right: 32, top: 48, bottom: series.length > 1 ? 36 : 16, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: direction === 'vertical' ? categoryAxis : valueAxis,
    yAxis: direction === 'vertical' ? valueAxis : categoryAxis,
    series: series.map((one) => ({
      type: 'bar',
      silent: true,
      name: one.name,
      data: one.values,
      barMaxWidth: 28,
      // A row of zeros says nothing the axis doesn't, and crowds the figures that matter.
      label: { show: true, position: direction === 'vertical' ? 'top' : 'right', fontSize: 11, formatter: ({ value }) => (value === 0 ? '' : String(value)) },
    })),
  };
}
