import { invalid } from './errors.ts';
import type { LocalizedText } from './facts.ts';

/** The three kinds of assistance that the Kiel Ukraine Support Tracker separates. */
export type KielType = 'military' | 'financial' | 'humanitarian';

export interface Category {
  readonly id: string;
  readonly label: Required<LocalizedText>;
  readonly kiel: KielType;
  /** OECD DAC purpose (sector) code used in IATI `<sector vocabulary="1">`. */
  readonly dacSector: string;
}

/** The category list: military kinds as PURL packages are reported, then financial and humanitarian support. */
export const CATEGORIES: readonly Category[] = [
  {
    id: 'air-defence',
    kiel: 'military',
    dacSector: '15250',
    label: { uk: 'Протиповітряна оборона', en: 'Air defence', ru: 'Противовоздушная оборона' },
  },
  {
    id: 'artillery-rockets',
    kiel: 'military',
    dacSector: '15250',
    label: { uk: 'Артилерія та ракети', en: 'Artillery and rockets', ru: 'Артиллерия и ракеты' },
  },
  {
    id: 'ammunition',
    kiel: 'military',
    dacSector: '15250',
    label: { uk: 'Боєприпаси', en: 'Ammunition', ru: 'Боеприпасы' },
  },
  {
    id: 'armoured-vehicles',
    kiel: 'military',
    dacSector: '15250',
    label: { uk: 'Бронетехніка', en: 'Armoured vehicles', ru: 'Бронетехника' },
  },
  { id: 'aircraft', kiel: 'military', dacSector: '15250', label: { uk: 'Авіація', en: 'Aircraft', ru: 'Авиация' } },
  { id: 'drones', kiel: 'military', dacSector: '15250', label: { uk: 'Дрони', en: 'Drones', ru: 'Дроны' } },
  {
    id: 'other-equipment',
    kiel: 'military',
    dacSector: '15250',
    label: { uk: 'Інше спорядження', en: 'Other equipment', ru: 'Другое снаряжение' },
  },
  { id: 'training', kiel: 'military', dacSector: '15210', label: { uk: 'Навчання', en: 'Training', ru: 'Обучение' } },
  {
    id: 'financial',
    kiel: 'financial',
    dacSector: '51010',
    label: { uk: 'Фінансова допомога', en: 'Financial support', ru: 'Финансовая помощь' },
  },
  {
    id: 'humanitarian',
    kiel: 'humanitarian',
    dacSector: '72010',
    label: { uk: 'Гуманітарна допомога', en: 'Humanitarian aid', ru: 'Гуманитарная помощь' },
  },
];

const BY_ID = new Map(CATEGORIES.map((category) => [category.id, category]));

export function assertCategory(id: string, field: string): Category {
  const category = BY_ID.get(id);
  if (!category) {
    throw invalid(
      'category-unknown',
      field,
      `"${id}" is not a category; use one of ${CATEGORIES.map((c) => c.id).join(', ')}`,
    );
  }
  return category;
}
