/**
 * Chart.js with only the parts Tranche draws (bars and lines on category and linear axes), registered once:
 * tree-shaken, it keeps the portal's initial JavaScript inside its budget.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
);

/** The stage colours of the stylesheet (--pledged … --delivered), for series drawn on a canvas. */
export const STAGE_COLOURS = {
  pledged: '#7a8ca3',
  committed: '#0b5cad',
  paid: '#d08a00',
  delivered: '#1d7f4e',
} as const;
