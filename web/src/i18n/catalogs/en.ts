/** Every en catalog, in one chunk: the app loads it when the page is in this language. */
import audit from '../../../locales/en/audit.json';
import common from '../../../locales/en/common.json';
import donor from '../../../locales/en/donor.json';
import errors from '../../../locales/en/errors.json';
import overview from '../../../locales/en/overview.json';
import packages from '../../../locales/en/package.json';
import people from '../../../locales/en/people.json';
import priorities from '../../../locales/en/priorities.json';
import records from '../../../locales/en/records.json';
import session from '../../../locales/en/session.json';
import sources from '../../../locales/en/sources.json';
import trackers from '../../../locales/en/trackers.json';
import workspace from '../../../locales/en/workspace.json';

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
