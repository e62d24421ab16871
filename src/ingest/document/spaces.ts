// NBSP and the other Unicode spaces read as plain spaces; zero-width characters and soft hyphens are dropped.
const WIDE_SPACES = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** One paragraph's text: every run of whitespace becomes one space, trimmed. */
export function cleanSpaces(value: string): string {
  return value.replace(INVISIBLE, '').replace(WIDE_SPACES, ' ').replace(/\s+/g, ' ').trim();
}
