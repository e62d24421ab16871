import type { Decider, DomainEvent } from '../decider.ts';
import { unreachable } from '../decider.ts';
import { invalid, notFound, ruleBroken } from '../errors.ts';
import { assertId, assertIsoDate, LANGUAGES, type Language, type Visibility } from '../facts.ts';
import { assertReviewable, type ProposalReview } from './proposal.ts';

/** A document that states facts: an article, a statement, a dataset release. */
export interface SourceRecord {
  readonly id: string;
  readonly url: string | null;
  readonly publisher: string;
  readonly author: string | null;
  readonly publishedOn: string | null;
  readonly language: Language;
  readonly title: string;
  readonly text: string;
  /** Versions of one story in several languages share a story id. */
  readonly storyId: string | null;
  readonly visibility: Visibility;
}

export type SourceEvent =
  | DomainEvent<'SourceRecorded', SourceRecord>
  /** A curator turned down a claim that extraction proposed from the source's text. */
  | DomainEvent<'ProposalRejected', { key: string; reason: string | null }>;

export type SourceCommand =
  | ({ type: 'RecordSource' } & Omit<SourceRecord, 'url' | 'author' | 'publishedOn' | 'storyId'> & {
        url?: string | null;
        author?: string | null;
        publishedOn?: string | null;
        storyId?: string | null;
      })
  | ({ type: 'RejectProposal'; key: string; reason?: string | null } & Omit<ProposalReview, 'rejected'>);

export type SourceState = { status: 'none' } | ({ status: 'recorded'; rejectedKeys: readonly string[] } & SourceRecord);

/** A source's URL, normalised: http or https only. */
export function checkUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid('url-invalid', 'url', `"${url}" is not a URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw invalid('url-invalid', 'url', 'a source URL starts with https:// or http://');
  }
  return parsed.toString();
}

function required(text: string, field: string): string {
  if (text.trim() === '') throw invalid('text-empty', field, `${field} must not be empty`);
  return text.trim();
}

export const sourceDecider: Decider<SourceCommand, SourceEvent, SourceState> = {
  streamType: 'source',
  initialState: { status: 'none' },

  /** Curators record sources whichever organisation they work for. */
  actingFor: () => null,

  decide(command, state) {
    switch (command.type) {
      case 'RecordSource': {
        if (state.status !== 'none') throw ruleBroken('source-already-recorded', `source "${command.id}" exists`, 'id');
        if (!LANGUAGES.includes(command.language)) {
          throw invalid('language-unsupported', 'language', 'the language is one of uk, en, ru');
        }
        return [
          {
            type: 'SourceRecorded',
            data: {
              id: assertId(command.id, 'id'),
              url: checkUrl(command.url),
              publisher: required(command.publisher, 'publisher'),
              author: command.author?.trim() || null,
              publishedOn: command.publishedOn ? assertIsoDate(command.publishedOn, 'publishedOn') : null,
              language: command.language,
              title: required(command.title, 'title'),
              text: required(command.text, 'text'),
              storyId: command.storyId ? assertId(command.storyId, 'storyId') : null,
              visibility: command.visibility,
            },
          },
        ];
      }
      case 'RejectProposal': {
        if (state.status === 'none') throw notFound('source-unknown', 'no such source');
        assertReviewable(command.key, {
          known: command.known,
          acceptedAs: command.acceptedAs,
          rejected: state.rejectedKeys.includes(command.key),
        });
        return [{ type: 'ProposalRejected', data: { key: command.key, reason: command.reason?.trim() || null } }];
      }
      default:
        return unreachable(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'SourceRecorded':
        return { status: 'recorded', ...event.data, rejectedKeys: [] };
      case 'ProposalRejected':
        return state.status === 'none' ? state : { ...state, rejectedKeys: [...state.rejectedKeys, event.data.key] };
      default:
        return unreachable(event);
    }
  },
};
