import type { z } from 'zod';
import type { registerOrganisationSchema } from '../app/schemas.ts';

type Org = z.infer<typeof registerOrganisationSchema>;

const state = (id: string, en: string, uk: string, ru: string): Org => ({
  id,
  kind: 'state',
  iso3166: id.toUpperCase(),
  names: { en, uk, ru },
  occurredOn: '2025-07-14',
});

/** The parties of the PURL arrangement in 2025, registered in this order (coalitions after their members). */
export const DEMO_ORGANISATIONS: readonly Org[] = [
  state('ua', 'Ukraine', 'Україна', 'Украина'),
  state('us', 'United States', 'Сполучені Штати Америки', 'Соединённые Штаты Америки'),
  state('nl', 'Netherlands', 'Нідерланди', 'Нидерланды'),
  state('dk', 'Denmark', 'Данія', 'Дания'),
  state('no', 'Norway', 'Норвегія', 'Норвегия'),
  state('se', 'Sweden', 'Швеція', 'Швеция'),
  state('fi', 'Finland', 'Фінляндія', 'Финляндия'),
  state('is', 'Iceland', 'Ісландія', 'Исландия'),
  state('ee', 'Estonia', 'Естонія', 'Эстония'),
  state('lv', 'Latvia', 'Латвія', 'Латвия'),
  state('lt', 'Lithuania', 'Литва', 'Литва'),
  state('de', 'Germany', 'Німеччина', 'Германия'),
  state('pl', 'Poland', 'Польща', 'Польша'),
  state('ca', 'Canada', 'Канада', 'Канада'),
  {
    id: 'nsatu',
    kind: 'coordinating-command',
    names: {
      en: 'NATO Security Assistance and Training for Ukraine (NSATU), Wiesbaden',
      uk: 'Командування НАТО з безпекової допомоги та навчання для України (NSATU), Вісбаден',
      ru: 'Командование НАТО по помощи в сфере безопасности и обучению для Украины (NSATU), Висбаден',
    },
    occurredOn: '2025-07-14',
  },
  {
    id: 'nb8',
    kind: 'coalition',
    names: { en: 'Nordic-Baltic Eight', uk: 'Північно-Балтійська вісімка', ru: 'Северо-Балтийская восьмёрка' },
    members: ['dk', 'ee', 'fi', 'is', 'lv', 'lt', 'no', 'se'],
    occurredOn: '2025-07-14',
  },
  {
    id: 'no-pl-de',
    kind: 'coalition',
    names: {
      en: 'Norway, Poland and Germany (joint PURL package)',
      uk: 'Норвегія, Польща та Німеччина (спільний пакет PURL)',
      ru: 'Норвегия, Польша и Германия (совместный пакет PURL)',
    },
    members: ['no', 'pl', 'de'],
    occurredOn: '2025-12-03',
  },
];
