import { useLocation, useSearch } from 'wouter';
import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n/useT.ts';
import { type FeedParams, feedParams, feedSearch } from './sources/feed-params.ts';
import { LanguageFilter } from './sources/LanguageFilter.tsx';
import { StoryFeed } from './sources/StoryFeed.tsx';

/**
 * The articles and statements behind the figures, newest first, grouped by story across languages: each version
 * with its publisher, date and language, and the claims taken from it with the sentence that states each.
 */
export function SourcesPage() {
  const t = useT();
  const [, navigate] = useLocation();
  const params = feedParams(useSearch());
  const go = (next: FeedParams) => navigate(`/sources${feedSearch(next)}`);
  return (
    <Page title={t('sources.title')} lead={t('sources.lead')}>
      <LanguageFilter value={params.language} onChange={(language) => go({ language, page: 1 })} />
      <section aria-labelledby="sources-feed">
        <h2 id="sources-feed">{t('sources.feed.heading')}</h2>
        <StoryFeed
          params={params}
          onPage={(page) => {
            go({ ...params, page });
            document.getElementById('sources-feed')?.scrollIntoView();
          }}
        />
      </section>
    </Page>
  );
}
