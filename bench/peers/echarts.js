// Apache ECharts 6 (the npm package's prebuilt dist/echarts.common.min.js, its smallest bundle
// with line charts, markArea and tooltips), canvas renderer: the series as a line with points,
// the target band as a markArea over 2021-2025, an axis tooltip on hover, animations off.
// ECharts paints on the next animation frame; its 'rendered' event counts the draws.
import { BAND, VALUES, YEARS, arrowKeys, countDraw } from './data.js';

const box = document.getElementById('chart');
const chart = window.echarts.init(box, null, { renderer: 'canvas' });
chart.on('rendered', () => countDraw(box.querySelector('canvas')));
// The bench's "page interactive" probe: ECharts says when its tooltip shows.
chart.on('showTip', () => { document.body.dataset.tooltip = 'shown'; });
chart.setOption({
  animation: false,
  tooltip: { trigger: 'axis' },
  legend: { data: ['GRDP'] },
  xAxis: { type: 'category', data: YEARS, boundaryGap: false },
  yAxis: { type: 'value', name: '%' },
  series: [
    {
      name: 'GRDP',
      type: 'line',
      data: VALUES,
      symbolSize: 8,
      markArea: {
        itemStyle: { color: 'rgba(46,125,50,0.15)' },
        data: [[{ name: 'Mục tiêu 7,5–8%', xAxis: BAND.from, yAxis: BAND.min }, { xAxis: BAND.to, yAxis: BAND.max }]],
      },
    },
  ],
});
addEventListener('resize', () => chart.resize());

arrowKeys(box, YEARS.length, (index) => chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: index }));
