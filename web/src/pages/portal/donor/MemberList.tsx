import { Link } from 'wouter';
import { useOrganisations } from '../../../api/reference.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';

/** A coalition's members, each a link to its own donor page. */
export function MemberList({ members }: { members: readonly string[] }) {
  const t = useT();
  const format = useFormat();
  const organisations = useOrganisations();
  const named = members
    .map((id) => {
      const organisation = organisations.find((candidate) => candidate.id === id);
      return { id, name: organisation ? format.name(organisation.names) : id, kind: organisation?.kind };
    })
    .sort((a, b) => a.name.localeCompare(b.name, format.locale));
  return (
    <section aria-labelledby="donor-members">
      <h2 id="donor-members">{t('donor.members.heading')}</h2>
      <p>{t('donor.members.lead', { count: members.length })}</p>
      <ul>
        {named.map((member) => (
          <li key={member.id}>
            <Link href={`/donors/${encodeURIComponent(member.id)}`}>{member.name}</Link>
            {member.kind ? ` · ${t(`common.kind.${member.kind}`)}` : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
