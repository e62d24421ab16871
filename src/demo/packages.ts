import type { z } from 'zod';
import type { listRequirementSchema, proposePackageSchema } from '../app/schemas.ts';
import type { Basis } from '../domain/facts.ts';
import type { MoneyJson } from '../domain/money.ts';

type Requirement = z.infer<typeof listRequirementSchema>;

/** Ukraine's needs as PURL packages address them; quantities are not public, so none are given. */
export const DEMO_REQUIREMENTS: readonly Requirement[] = [
  {
    id: 'ua-patriot',
    recipientId: 'ua',
    title: {
      en: 'Patriot interceptors and system components',
      uk: 'Ракети-перехоплювачі та компоненти Patriot',
      ru: 'Ракеты-перехватчики и компоненты Patriot',
    },
    category: 'air-defence',
    priorityRank: 1,
    occurredOn: '2025-07-20',
  },
  {
    id: 'ua-air-defence-munitions',
    recipientId: 'ua',
    title: { en: 'Air-defence munitions', uk: 'Боєприпаси для ППО', ru: 'Боеприпасы для ПВО' },
    category: 'air-defence',
    priorityRank: 2,
    occurredOn: '2025-07-20',
  },
  {
    id: 'ua-himars',
    recipientId: 'ua',
    title: { en: 'HIMARS rockets', uk: 'Ракети для HIMARS', ru: 'Ракеты для HIMARS' },
    category: 'artillery-rockets',
    priorityRank: 3,
    occurredOn: '2025-07-20',
  },
  {
    id: 'ua-ammunition',
    recipientId: 'ua',
    title: { en: 'Artillery ammunition', uk: 'Артилерійські боєприпаси', ru: 'Артиллерийские боеприпасы' },
    category: 'ammunition',
    priorityRank: 4,
    occurredOn: '2025-07-20',
  },
];

export interface DemoPackage {
  readonly id: string;
  readonly proposal: Omit<z.infer<typeof proposePackageSchema>, 'id' | 'occurredOn'>;
  readonly contributions: readonly { id: string; donorId: string; amount: MoneyJson }[];
  readonly evidence?: string[];
  readonly steps: { proposed: string; validated?: string; committed?: string; contracted?: string };
  readonly shipments: readonly {
    id: string;
    dispatchedOn: string;
    lines: { lineId: string; quantity: number }[];
    receipts: {
      id: string;
      receivedOn: string;
      lines: { lineId: string; quantity: number }[];
      basis?: Basis;
      evidence?: string[];
    }[];
  }[];
  readonly payments: readonly { id: string; contributionId: string; amount: MoneyJson; paidOn: string }[];
}

const usd = (millions: number): MoneyJson => ({ amount: String(millions * 1_000_000), currency: 'USD' });
const eur = (millions: number): MoneyJson => ({ amount: String(millions * 1_000_000), currency: 'EUR' });
const cad = (millions: number): MoneyJson => ({ amount: String(millions * 1_000_000), currency: 'CAD' });

/** A package as PURL packages are described: contents in consignments, since their numbers are not public. */
function proposal(
  title: { en: string; uk: string; ru: string },
  target: MoneyJson,
  lines: { requirementId: string; description: string; consignments: number }[],
) {
  return {
    title,
    recipientId: 'ua',
    coordinatorId: 'nsatu',
    supplierId: 'us',
    category: 'air-defence',
    targetValue: target,
    lines: lines.map((line, index) => ({
      lineId: String(index + 1),
      requirementId: line.requirementId,
      description: line.description,
      quantity: line.consignments,
      unit: 'consignments',
    })),
  };
}

/**
 * The PURL packages of 2025. Amounts and donors follow public reporting; the days of validation, contracting and
 * shipment are not public and are placed plausibly between the announcements and the reported arrivals.
 */
export const DEMO_PACKAGES: readonly DemoPackage[] = [
  {
    id: 'purl-nl-1',
    proposal: proposal(
      { en: 'Netherlands PURL package 1', uk: 'Пакет PURL Нідерландів №1', ru: 'Пакет PURL Нидерландов №1' },
      eur(500),
      [{ requirementId: 'ua-patriot', description: 'Patriot components and interceptors', consignments: 2 }],
    ),
    contributions: [{ id: 'nl-purl-1', donorId: 'nl', amount: eur(500) }],
    evidence: ['nl-2025-08-04'],
    steps: { proposed: '2025-08-04', validated: '2025-08-04', committed: '2025-08-05', contracted: '2025-08-05' },
    shipments: [
      {
        id: 'nl-1-s1',
        dispatchedOn: '2025-08-06',
        lines: [{ lineId: '1', quantity: 2 }],
        receipts: [
          {
            id: 'nl-1-r1',
            receivedOn: '2025-08-09',
            lines: [{ lineId: '1', quantity: 2 }],
            basis: 'reported',
            evidence: ['rbc-2025-08-10-rutte'],
          },
        ],
      },
    ],
    payments: [{ id: 'nl-1-p1', contributionId: 'nl-purl-1', amount: eur(500), paidOn: '2025-08-12' }],
  },
  {
    id: 'purl-nordic-1',
    proposal: proposal(
      {
        en: 'Denmark, Norway and Sweden PURL package',
        uk: 'Пакет PURL Данії, Норвегії та Швеції',
        ru: 'Пакет PURL Дании, Норвегии и Швеции',
      },
      usd(500),
      [
        {
          requirementId: 'ua-air-defence-munitions',
          description: 'Air-defence munitions and components',
          consignments: 2,
        },
      ],
    ),
    contributions: [
      { id: 'se-purl-nordic-1', donorId: 'se', amount: usd(275) },
      { id: 'no-purl-nordic-1', donorId: 'no', amount: usd(135) },
      { id: 'dk-purl-nordic-1', donorId: 'dk', amount: usd(90) },
    ],
    evidence: ['nato-2025-08-05-nordic'],
    steps: { proposed: '2025-08-05', validated: '2025-08-05', committed: '2025-08-06', contracted: '2025-08-06' },
    shipments: [
      {
        id: 'nordic-1-s1',
        dispatchedOn: '2025-08-07',
        lines: [{ lineId: '1', quantity: 2 }],
        receipts: [
          {
            id: 'nordic-1-r1',
            receivedOn: '2025-08-09',
            lines: [{ lineId: '1', quantity: 2 }],
            basis: 'reported',
            evidence: ['rbc-2025-08-10-rutte'],
          },
        ],
      },
    ],
    payments: [
      { id: 'se-nordic-1-p1', contributionId: 'se-purl-nordic-1', amount: usd(275), paidOn: '2025-08-20' },
      { id: 'no-nordic-1-p1', contributionId: 'no-purl-nordic-1', amount: usd(135), paidOn: '2025-08-20' },
      { id: 'dk-nordic-1-p1', contributionId: 'dk-purl-nordic-1', amount: usd(90), paidOn: '2025-08-25' },
    ],
  },
  {
    id: 'purl-de-1',
    proposal: proposal(
      { en: 'Germany PURL package 1', uk: 'Пакет PURL Німеччини №1', ru: 'Пакет PURL Германии №1' },
      usd(500),
      [
        { requirementId: 'ua-patriot', description: 'Patriot interceptors', consignments: 2 },
        { requirementId: 'ua-air-defence-munitions', description: 'Air-defence munitions', consignments: 2 },
      ],
    ),
    contributions: [{ id: 'de-purl-1', donorId: 'de', amount: usd(500) }],
    evidence: ['de-2025-08-13'],
    steps: { proposed: '2025-08-13', validated: '2025-08-14', committed: '2025-08-20', contracted: '2025-08-25' },
    shipments: [
      {
        id: 'de-1-s1',
        dispatchedOn: '2025-09-15',
        lines: [{ lineId: '1', quantity: 2 }],
        receipts: [{ id: 'de-1-r1', receivedOn: '2025-09-22', lines: [{ lineId: '1', quantity: 2 }] }],
      },
      {
        id: 'de-1-s2',
        dispatchedOn: '2025-10-20',
        lines: [{ lineId: '2', quantity: 2 }],
        receipts: [{ id: 'de-1-r2', receivedOn: '2025-10-28', lines: [{ lineId: '2', quantity: 1 }] }],
      },
    ],
    payments: [{ id: 'de-1-p1', contributionId: 'de-purl-1', amount: usd(500), paidOn: '2025-09-01' }],
  },
  {
    id: 'purl-ca-1',
    proposal: proposal(
      { en: 'Canada PURL package 1', uk: 'Пакет PURL Канади №1', ru: 'Пакет PURL Канады №1' },
      usd(500),
      [{ requirementId: 'ua-himars', description: 'HIMARS rockets', consignments: 2 }],
    ),
    contributions: [{ id: 'ca-purl-1', donorId: 'ca', amount: usd(500) }],
    evidence: ['ca-2025-08-24'],
    steps: { proposed: '2025-08-24', validated: '2025-08-26', committed: '2025-09-01', contracted: '2025-09-05' },
    shipments: [
      {
        id: 'ca-1-s1',
        dispatchedOn: '2025-09-16',
        lines: [{ lineId: '1', quantity: 1 }],
        receipts: [{ id: 'ca-1-r1', receivedOn: '2025-09-24', lines: [{ lineId: '1', quantity: 1 }] }],
      },
    ],
    payments: [{ id: 'ca-1-p1', contributionId: 'ca-purl-1', amount: usd(250), paidOn: '2025-09-30' }],
  },
  {
    id: 'purl-nb8-1',
    proposal: proposal(
      {
        en: 'Nordic-Baltic Eight PURL package',
        uk: 'Пакет PURL Північно-Балтійської вісімки',
        ru: 'Пакет PURL Северо-Балтийской восьмёрки',
      },
      usd(500),
      [
        { requirementId: 'ua-patriot', description: 'Patriot interceptors and components', consignments: 2 },
        { requirementId: 'ua-himars', description: 'HIMARS rockets', consignments: 1 },
      ],
    ),
    contributions: [{ id: 'nb8-purl-1', donorId: 'nb8', amount: usd(500) }],
    evidence: ['nb8-2025-10-15'],
    steps: { proposed: '2025-10-15', validated: '2025-10-16', committed: '2025-10-30', contracted: '2025-11-10' },
    shipments: [{ id: 'nb8-1-s1', dispatchedOn: '2025-12-01', lines: [{ lineId: '1', quantity: 1 }], receipts: [] }],
    payments: [],
  },
  {
    id: 'purl-nl-2',
    proposal: proposal(
      { en: 'Netherlands PURL package 2', uk: 'Пакет PURL Нідерландів №2', ru: 'Пакет PURL Нидерландов №2' },
      eur(214),
      [{ requirementId: 'ua-air-defence-munitions', description: 'Air-defence munitions', consignments: 1 }],
    ),
    contributions: [{ id: 'nl-purl-2', donorId: 'nl', amount: eur(214) }],
    evidence: ['december-2025-pledges'],
    steps: { proposed: '2025-12-01', validated: '2025-12-03' },
    shipments: [],
    payments: [],
  },
  {
    id: 'purl-ca-2',
    proposal: proposal(
      { en: 'Canada PURL package 2', uk: 'Пакет PURL Канади №2', ru: 'Пакет PURL Канады №2' },
      cad(200),
      [{ requirementId: 'ua-ammunition', description: 'Munitions', consignments: 1 }],
    ),
    contributions: [{ id: 'ca-purl-2', donorId: 'ca', amount: cad(200) }],
    evidence: ['december-2025-pledges'],
    steps: { proposed: '2025-12-03' },
    shipments: [],
    payments: [],
  },
  {
    id: 'purl-no-pl-de-1',
    proposal: proposal(
      {
        en: 'Norway, Poland and Germany joint PURL package',
        uk: 'Спільний пакет PURL Норвегії, Польщі та Німеччини',
        ru: 'Совместный пакет PURL Норвегии, Польши и Германии',
      },
      eur(429),
      [{ requirementId: 'ua-patriot', description: 'Air-defence interceptors', consignments: 1 }],
    ),
    contributions: [{ id: 'no-pl-de-purl-1', donorId: 'no-pl-de', amount: eur(429) }],
    evidence: ['december-2025-pledges'],
    steps: { proposed: '2025-12-03' },
    shipments: [],
    payments: [],
  },
];
