// The figure the peer pages draw: Can Tho GRDP growth, the headline series of `grdp_growth` in
// data/can-tho.toml (2019-2024 pre-merger city, 2025 merged city; all but 2020 are estimates),
// and the 7.5-8 % a year band of Programme 03-CTr/TU for 2021-2025. Same figures as chitieu's
// first chart; copied here so the peer pages need nothing but their library.
export const TITLE = 'Tốc độ tăng trưởng GRDP (%)';
export const YEARS = ['2019', '2020', '2021', '2022', '2023', '2024', '2025'];
export const VALUES = [7.84, 1.02, -2.79, 12.64, 5.75, 7.12, 7.23];
export const BAND = { from: '2021', to: '2025', min: 7.5, max: 8 };
export const FIRST_CHART_MARK = 'peer:first-chart';

/** Counts draws on the canvas the way chitieu does (data-draws), and marks the first one. */
export function countDraw(canvas) {
  const draws = Number(canvas.dataset.draws || 0) + 1;
  canvas.dataset.draws = String(draws);
  if (draws === 1) performance.mark(FIRST_CHART_MARK);
}

/** Neither library moves between points with the keyboard: the bench's minimal handler. */
export function arrowKeys(element, count, show) {
  let index = -1;
  element.tabIndex = 0;
  element.addEventListener('keydown', (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    index = Math.max(0, Math.min(count - 1, index + step));
    show(index);
  });
}
