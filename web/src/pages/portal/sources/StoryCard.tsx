import { useId } from 'react';
import { Link } from 'wouter';
import { useOrganisationNames } from '../../../api/reference.ts';
import type { Claim } from '../../../api/types.ts';
import { SourceTitle } from '../../../components/SourceCitation.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { LanguageBadge } from './LanguageBadge.tsx';
import { headlineOf, type StoryGroup, type Version } from './story-groups.ts';
import './sources.css';

/** One story: titled in the reader's language when it has that version, then every version with its claims. */
export function StoryCard({ group }: { group: StoryGroup }) {
  const t = useT();
  const format = useFormat();
  const headingId = useId();
  const headline = headlineOf(group, format.locale);
  const languages = [...new Set(group.versions.map((version) => version.language))];
  return (
    <article className="story" aria-labelledby={headingId}>
      <h3 id={headingId} lang={headline?.language}>
        {headline?.title ?? group.id}
      </h3>
      <p className="source-meta">
        {t('sources.story.versions', { count: group.versions.length })}{' '}
        {languages.map((language) => (
          <LanguageBadge key={language} language={language} />
        ))}
      </p>
      <ul className="versions">
        {group.versions.map((version) => (
          <li className="version" key={version.id}>
            <VersionView version={version} />
          </li>
        ))}
      </ul>
    </article>
  );
}

function VersionView({ version }: { version: Version }) {
  const t = useT();
  const format = useFormat();
  const claims = version.claims;
  return (
    <>
      <div>
        <LanguageBadge language={version.language} />{' '}
        <SourceTitle title={version.title} url={version.url} language={version.language} />
      </div>
      <div className="source-meta">
        {version.publisher}
        {version.author ? `, ${version.author}` : ''} ·{' '}
        {version.publishedOn ? (
          <time dateTime={version.publishedOn}>{format.date(version.publishedOn)}</time>
        ) : (
          t('sources.version.undated')
        )}
      </div>
      {claims === undefined ? (
        <p className="loading">{t('common.loading')}</p>
      ) : claims.length === 0 ? (
        <p className="source-meta">{t('sources.claims.none')}</p>
      ) : (
        <>
          <h4>{t('sources.claims.heading', { count: claims.length })}</h4>
          <ul className="claims">
            {claims.map((claim) => (
              <li className="claim" key={claim.id}>
                <ClaimView claim={claim} language={version.language} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function ClaimView({ claim, language }: { claim: Claim; language: string }) {
  const t = useT();
  const format = useFormat();
  const nameOf = useOrganisationNames();
  return (
    <>
      <dl>
        <div>
          <dt>{t('sources.claim.donors')}</dt>
          <dd>
            {claim.donorIds.length === 0
              ? t('common.none')
              : claim.donorIds.map((id, index) => (
                  <span key={id}>
                    {index > 0 ? ', ' : null}
                    <Link href={`/donors/${encodeURIComponent(id)}`}>{nameOf(id)}</Link>
                  </span>
                ))}
          </dd>
        </div>
        <div>
          <dt>{t('sources.claim.stage')}</dt>
          <dd>{t(`common.stage.${claim.stage}`)}</dd>
        </div>
        <div>
          <dt>{t('sources.claim.amount')}</dt>
          <dd>{claim.amount ? format.money(claim.amount) : t('sources.claim.noAmount')}</dd>
        </div>
        {claim.subject ? (
          <div>
            <dt>{t('sources.claim.subject')}</dt>
            <dd>
              {claim.subject.type === 'package' ? (
                <Link href={`/packages/${encodeURIComponent(claim.subject.id)}`}>{claim.subject.id}</Link>
              ) : (
                claim.subject.id
              )}
            </dd>
          </div>
        ) : null}
      </dl>
      <blockquote lang={language}>{claim.sentence}</blockquote>
    </>
  );
}
