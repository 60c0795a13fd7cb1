// 综合得分趋势 (TrendChart.razor): ECharts from wwwroot/lib, so the chart draws without any network access.
// One line per subject over the periods; each point takes its grade's colour, the grade bands shade the background.
import * as echarts from '../lib/echarts/echarts.esm.min.mjs';

const palette = ['#5470c6', '#91cc75', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc', '#fac858', '#546e7a'];

function bands(grades) {
  // grades: [{ grade: 'A', min: 90, colour: '#2E7D32' }, …] from A down to E.
  return grades.map((g, i) => [
    { yAxis: g.min, itemStyle: { color: g.colour, opacity: 0.06 }, label: { show: true, position: 'insideRight', formatter: g.grade, color: g.colour } },
    { yAxis: i === 0 ? 100 : grades[i - 1].min },
  ]);
}

function option(data) {
  const colours = Object.fromEntries(data.grades.map((g) => [g.grade, g.colour]));
  return {
    animation: false,
    color: palette,
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v == null ? '—' : Number(v).toFixed(2)) },
    legend: { show: data.series.length > 1, type: 'scroll', top: 0 },
    grid: { left: 40, right: 24, top: data.series.length > 1 ? 36 : 16, bottom: 28, containLabel: true },
    xAxis: { type: 'category', data: data.periods, boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: 100, name: '综合得分' },
    series: data.series.map((s, i) => ({
      name: s.name,
      type: 'line',
      connectNulls: false,
      symbol: 'circle',
      symbolSize: 9,
      data: s.points.map((p) => ({
        value: p.value,
        grade: p.grade,
        itemStyle: p.grade ? { color: colours[p.grade], borderColor: '#fff', borderWidth: 1 } : undefined,
      })),
      markArea: i === 0 ? { silent: true, data: bands(data.grades) } : undefined,
    })),
  };
}

/** Draws (or redraws) the chart into element; returns nothing, the chart lives on the element. */
export function render(element, data) {
  const chart = echarts.getInstanceByDom(element) ?? echarts.init(element, null, { renderer: 'canvas' });
  chart.setOption(option(data), { notMerge: true });
  if (!element._cmResize) {
    element._cmResize = new ResizeObserver(() => chart.resize());
    element._cmResize.observe(element);
  }
}

/** Frees the chart (called from the component's DisposeAsync). */
export function dispose(element) {
  if (!element) return;
  element._cmResize?.disconnect();
  delete element._cmResize;
  echarts.getInstanceByDom(element)?.dispose();
}
