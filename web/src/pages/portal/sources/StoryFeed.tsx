import { useApiAnswers } from '../../../api/donors.ts';
import { useApi } from '../../../api/hooks.ts';
import type { Source, Story } from '../../../api/sources.ts';
import type { SourceLanguage } from '../../../api/types.ts';
import { ExportButtons, type ExportColumn } from '../../../components/ExportButtons.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { useT } from '../../../i18n/useT.ts';
import { type FeedParams, PAGE_SIZE } from './feed-params.ts';
import { StoryCard } from './StoryCard.tsx';
import { type FeedRow, feedRows, groupByStory, type StoryGroup, storyGroups } from './story-groups.ts';
import './sources.css';

interface FeedProps {
  readonly page: number;
  readonly onPage: (page: number) => void;
}

/** One page of the feed: stories in every language, or the versions in one language grouped by their story. */
export function StoryFeed({ params, onPage }: { params: FeedParams; onPage: (page: number) => void }) {
  return params.language === 'all' ? (
    <AllStories page={params.page} onPage={onPage} />
  ) : (
    <OneLanguage language={params.language} page={params.page} onPage={onPage} />
  );
}

/** A page of stories (GET /api/stories), each version's claims read with the story (GET /api/sources?story=). */
function AllStories({ page, onPage }: FeedProps) {
  const stories = useApi<Story[]>('/stories', { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
  const shown = (stories.data ?? []).slice(0, PAGE_SIZE);
  const sources = useApiAnswers<Source[]>(shown.map((story) => ({ path: '/sources', params: { story: story.id } })));
  return (
    <QueryState query={stories}>
      {(list) => (
        <FeedView
          groups={storyGroups(shown, sources.data.flat())}
          hasMore={list.length > PAGE_SIZE}
          page={page}
          onPage={onPage}
        />
      )}
    </QueryState>
  );
}

/** A page of the sources in one language (GET /api/sources?language=), grouped by story. */
function OneLanguage({ language, page, onPage }: FeedProps & { language: SourceLanguage }) {
  const sources = useApi<Source[]>('/sources', { language, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
  return (
    <QueryState query={sources}>
      {(list) => (
        <FeedView
          groups={groupByStory(list.slice(0, PAGE_SIZE))}
          hasMore={list.length > PAGE_SIZE}
          page={page}
          onPage={onPage}
        />
      )}
    </QueryState>
  );
}

const EXPORT_COLUMNS: readonly ExportColumn<FeedRow>[] = [
  { name: 'storyId', value: (row) => row.storyId },
  { name: 'sourceId', value: (row) => row.version.id },
  { name: 'language', value: (row) => row.version.language },
  { name: 'publisher', value: (row) => row.version.publisher },
  { name: 'publishedOn', value: (row) => row.version.publishedOn },
  { name: 'title', value: (row) => row.version.title },
  { name: 'url', value: (row) => row.version.url },
  { name: 'claimId', value: (row) => row.claim?.id ?? null },
  {
    name: 'subject',
    value: (row) => (row.claim?.subject ? `${row.claim.subject.type}:${row.claim.subject.id}` : null),
  },
  { name: 'donorIds', value: (row) => row.claim?.donorIds.join(' ') ?? null },
  { name: 'stage', value: (row) => row.claim?.stage ?? null },
  { name: 'amount', value: (row) => row.claim?.amount?.amount ?? null },
  { name: 'currency', value: (row) => row.claim?.amount?.currency ?? null },
  { name: 'statedOn', value: (row) => row.claim?.statedOn ?? null },
  { name: 'sentence', value: (row) => row.claim?.sentence ?? null },
];

function FeedView({ groups, hasMore, page, onPage }: FeedProps & { groups: readonly StoryGroup[]; hasMore: boolean }) {
  const t = useT();
  return (
    <>
      <div className="table-tools">
        <span className="count" aria-live="polite">
          {t('sources.feed.count', { count: groups.length, page })}
        </span>
        {groups.length > 0 ? (
          <ExportButtons name={`sources-page-${page}`} columns={EXPORT_COLUMNS} rows={feedRows(groups)} />
        ) : null}
      </div>
      {groups.length === 0 ? (
        <p>{t('sources.feed.empty')}</p>
      ) : (
        <ol className="stories">
          {groups.map((group) => (
            <li key={group.id}>
              <StoryCard group={group} />
            </li>
          ))}
        </ol>
      )}
      <nav className="pager" aria-label={t('sources.pager.label')}>
        <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t('sources.pager.newer')}
        </button>
        <span>{t('sources.pager.page', { page })}</span>
        <button type="button" disabled={!hasMore} onClick={() => onPage(page + 1)}>
          {t('sources.pager.older')}
        </button>
      </nav>
    </>
  );
}
