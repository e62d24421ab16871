/** Every uk catalog, in one chunk: the app loads it when the page is in this language. */
import audit from '../../../locales/uk/audit.json';
import common from '../../../locales/uk/common.json';
import donor from '../../../locales/uk/donor.json';
import errors from '../../../locales/uk/errors.json';
import overview from '../../../locales/uk/overview.json';
import packages from '../../../locales/uk/package.json';
import people from '../../../locales/uk/people.json';
import priorities from '../../../locales/uk/priorities.json';
import records from '../../../locales/uk/records.json';
import session from '../../../locales/uk/session.json';
import sources from '../../../locales/uk/sources.json';
import trackers from '../../../locales/uk/trackers.json';
import workspace from '../../../locales/uk/workspace.json';

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
