import { useIntl } from 'react-intl';
import type { FieldProblem, Problem } from '../api/client.ts';

/**
 * A refusal in the reader's language: the catalog's `errors.<code>` when it has one, else the server's own words
 * (English), so a new error code is never shown as a bare key.
 */
export function useProblemText(): (problem: Problem | FieldProblem) => string {
  const intl = useIntl();
  return (problem) => {
    const id = `errors.${problem.code}`;
    if (intl.messages[id] === undefined) return 'detail' in problem ? problem.detail : problem.message;
    return intl.formatMessage({ id }, { field: problem.field ?? '' });
  };
}
