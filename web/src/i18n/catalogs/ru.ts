/** Every ru catalog, in one chunk: the app loads it when the page is in this language. */
import audit from '../../../locales/ru/audit.json';
import common from '../../../locales/ru/common.json';
import donor from '../../../locales/ru/donor.json';
import errors from '../../../locales/ru/errors.json';
import overview from '../../../locales/ru/overview.json';
import packages from '../../../locales/ru/package.json';
import people from '../../../locales/ru/people.json';
import priorities from '../../../locales/ru/priorities.json';
import records from '../../../locales/ru/records.json';
import session from '../../../locales/ru/session.json';
import sources from '../../../locales/ru/sources.json';
import trackers from '../../../locales/ru/trackers.json';
import workspace from '../../../locales/ru/workspace.json';

export const catalogs = {
  audit,
  common,
  donor,
  errors,
  overview,
  package: packages,
  people,
  priorities,
  records,
  session,
  sources,
  trackers,
  workspace,
};
