/**
 * The donor states of North America and Europe, shaded by what each committed, as SVG drawn by React from
 * world-atlas (Natural Earth, 1:110 m) through d3-geo. Loaded on demand (React.lazy): d3-geo and the atlas stay out
 * of the portal's first download. Each shaded state is a link (Tab, Enter) to its donor page, named for screen
 * readers ("Sweden: €238.2M"); the other states are an unnamed grey backdrop, which screen readers pass over.
 */
import { type GeoPermissibleObjects, geoConicEqualArea, geoPath } from 'd3-geo';
import { type MouseEvent, useMemo } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';
import { Link, useLocation, useRouter } from 'wouter';
import { useOrganisationNames, useOrganisations } from '../api/reference.ts';
import type { Currency, TotalRow } from '../api/types.ts';
import { useFormat } from '../i18n/format.ts';
import { useT } from '../i18n/useT.ts';
import { MAP_STEPS, type MapSeries, mapSeries } from './map-series.ts';
import './world-map.css';

/** What the map shades: money bound to packages, firmer than a pledge. */
const MAP_STAGE = 'committed';
const WIDTH = 960;
const HEIGHT = 480;
/** Light to dark blue, MAP_STEPS shades, each distinct from the grey of the other states. */
const MAP_COLOURS = ['#c6dbef', '#8fbde0', '#4f93c9', '#1f65a8', '#0b3d73'] as const;
/** Ukraine (ISO 3166-1 numeric), drawn apart as the recipient. */
const UKRAINE = '804';

/**
 * Two panels side by side, each an equal-area conic projection fitted to its region: North America on the left,
 * Europe with Ukraine on the right, so the European donors are not specks beside Canada.
 */
interface Panel {
  readonly left: number;
  readonly right: number;
  readonly rotate: [number, number];
  readonly parallels: [number, number];
  readonly region: GeoPermissibleObjects;
}
const multiPoint = (...coordinates: [number, number][]): GeoPermissibleObjects => ({ type: 'MultiPoint', coordinates });
const PANELS: readonly Panel[] = [
  {
    left: 0,
    right: 340,
    rotate: [96, 0],
    parallels: [29.5, 45.5],
    region: multiPoint([-125, 25], [-68, 24], [-55, 50], [-130, 56], [-95, 64]),
  },
  {
    left: 348,
    right: WIDTH,
    rotate: [-15, 0],
    parallels: [43, 62],
    region: multiPoint([-11, 36], [35, 34], [44, 46], [42, 66], [28, 71], [-24, 66]),
  },
];

type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** The atlas as imported is plain JSON (`type: string`): checked, not cast, into a TopoJSON topology. */
function isCountries(value: unknown): value is Countries {
  if (typeof value !== 'object' || value === null || !('type' in value) || value.type !== 'Topology') return false;
  if (!('objects' in value) || typeof value.objects !== 'object' || value.objects === null) return false;
  return 'countries' in value.objects && 'arcs' in value;
}

interface Shape {
  readonly id: string;
  readonly d: string;
}

let shapes: readonly Shape[] | undefined;

/** Every country that falls inside the frame, as an SVG path; computed once, whatever the data. */
function countryShapes(): readonly Shape[] {
  if (shapes) return shapes;
  const data: unknown = atlas;
  if (!isCountries(data)) return [];
  const paths = PANELS.map((panel) =>
    geoPath(
      geoConicEqualArea()
        .parallels(panel.parallels)
        .rotate(panel.rotate)
        .fitExtent(
          [
            [panel.left + 8, 8],
            [panel.right - 8, HEIGHT - 8],
          ],
          panel.region,
        )
        .clipExtent([
          [panel.left, 0],
          [panel.right, HEIGHT],
        ]),
    ),
  );
  const drawn: Shape[] = [];
  for (const country of feature(data, data.objects.countries).features) {
    if (country.id === undefined) continue;
    // A country in both panels (Greenland, Russia) is one path of several pieces, so one link.
    const d = paths.map((path) => path(country) ?? '').join('');
    if (d) drawn.push({ id: String(country.id), d });
  }
  shapes = drawn;
  return drawn;
}

export function WorldMap({ rows, currency }: { rows: readonly TotalRow[]; currency: Currency }) {
  const t = useT();
  const format = useFormat();
  const nameOf = useOrganisationNames();
  const organisations = useOrganisations();
  const { base } = useRouter();
  const [, navigate] = useLocation();
  /** A plain click stays in the app, like wouter's Link; a click with a modifier opens the page as the browser does. */
  const follow = (event: MouseEvent, path: string) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(path);
  };
  const countries = countryShapes();
  const series = useMemo(
    () => mapSeries(rows, organisations, MAP_STAGE, new Set(countries.map((shape) => shape.id))),
    [rows, organisations, countries],
  );
  const shaded = new Map(series.states.map((state) => [state.numeric, state]));
  return (
    <figure className="world-map">
      <figcaption>{t('overview.map.title', { currency })}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`}>
        <title>{t('overview.map.label')}</title>
        {/* The other states: unnamed shapes, which assistive technology passes over. */}
        <g className="world-map-backdrop">
          {PANELS.map((panel) => (
            <rect key={panel.left} x={panel.left} y={0} width={panel.right - panel.left} height={HEIGHT} />
          ))}
          {countries
            .filter((shape) => !shaded.has(shape.id))
            .map((shape) => (
              <path key={shape.id} d={shape.d} className={shape.id === UKRAINE ? 'recipient' : undefined} />
            ))}
        </g>
        <g className="world-map-states">
          {countries.map((shape) => {
            const state = shaded.get(shape.id);
            if (!state) return null;
            const label = t('overview.map.state', {
              name: nameOf(state.donorId),
              amount: format.moneyShort(state.money),
            });
            const path = `/donors/${encodeURIComponent(state.donorId)}`;
            return (
              <a key={shape.id} href={`${base}${path}`} aria-label={label} onClick={(event) => follow(event, path)}>
                <title>{label}</title>
                <path d={shape.d} fill={MAP_COLOURS[state.step] ?? MAP_COLOURS[MAP_STEPS - 1]} />
              </a>
            );
          })}
        </g>
      </svg>
      <Legend series={series} currency={currency} />
      <OffMap series={series} />
    </figure>
  );
}

function Legend({ series, currency }: { series: MapSeries; currency: Currency }) {
  const t = useT();
  const format = useFormat();
  const money = (value: number) => format.moneyShort({ amount: String(value), currency });
  return (
    <div className="world-map-legend">
      <p>{t('overview.map.legend', { currency })}</p>
      <ul>
        {MAP_COLOURS.map((colour, step) => (
          <li key={colour}>
            <span className="swatch" style={{ background: colour }} aria-hidden="true" />
            {t('overview.map.range', {
              from: money(series.bounds[step] ?? 0),
              to: money(series.bounds[step + 1] ?? 0),
            })}
          </li>
        ))}
        <li>
          <span className="swatch other" aria-hidden="true" />
          {t('overview.map.other')}
        </li>
        <li>
          <span className="swatch recipient" aria-hidden="true" />
          {t('overview.map.recipient')}
        </li>
      </ul>
    </div>
  );
}

function OffMap({ series }: { series: MapSeries }) {
  const t = useT();
  const format = useFormat();
  const nameOf = useOrganisationNames();
  const organisations = useOrganisations();
  const list = new Intl.ListFormat(format.locale, { type: 'conjunction' });
  const coalitions = series.offMap.filter((donor) => donor.reason === 'coalition');
  const others = series.offMap.filter((donor) => donor.reason === 'not-drawn');
  const membersOf = (id: string) =>
    list.format(organisations.find((organisation) => organisation.id === id)?.members.map(nameOf) ?? []);
  return (
    <div className="world-map-notes">
      {coalitions.length > 0 ? (
        <>
          <p>{t('overview.map.coalitions')}</p>
          <ul>
            {coalitions.map((donor) => (
              <li key={donor.donorId}>
                <Link href={`/donors/${encodeURIComponent(donor.donorId)}`}>
                  {t('overview.map.coalition', {
                    name: nameOf(donor.donorId),
                    members: membersOf(donor.donorId),
                    amount: format.moneyShort(donor.money),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {others.length > 0 ? (
        <>
          <p>{t('overview.map.notDrawn')}</p>
          <ul>
            {others.map((donor) => (
              <li key={donor.donorId}>
                <Link href={`/donors/${encodeURIComponent(donor.donorId)}`}>
                  {t('overview.map.state', { name: nameOf(donor.donorId), amount: format.moneyShort(donor.money) })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
