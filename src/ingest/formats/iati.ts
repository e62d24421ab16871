/**
 * IATI 2.0x activity files (`<iati-activities version="2.03">`), read as a stream with saxes: one activity is held at
 * a time, so a publisher's file of thousands of activities reads in constant memory. Pure: no database, no clock.
 */
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import { ActivityBuilder } from './iati-activity.ts';
import type { IatiResult } from './iati-types.ts';
import { FormatError } from './types.ts';

/** Elements whose text is kept: everything else holds only attributes, children and layout. */
const TEXT_ELEMENTS = new Set(['narrative', 'iati-identifier', 'value']);

interface Frame {
  /** xml:lang in force (inherited, as XML says). */
  readonly lang: string | null;
  text: string | null;
}

function checkRoot(name: string, attributes: Readonly<Record<string, string>>, line: number): void {
  if (name !== 'iati-activities') {
    throw new FormatError(
      `the root element is <${name}>, not <iati-activities>: this is not an IATI activity file`,
      line,
    );
  }
  const version = attributes.version?.trim();
  if (!version || !/^2\.0\d$/.test(version)) {
    const found = version ? `version "${version}"` : 'no version';
    throw new FormatError(`<iati-activities> has ${found}; IATI 2.01 to 2.03 can be read`, line);
  }
}

/**
 * Reads the activities of an IATI file in document order: each gives `{ line, activity }`, or one `{ line, error }`
 * per problem found in it (the line of the element at fault, its element and attribute, and why). Narratives take
 * their own xml:lang, else the activity's, else the file's. XML that is not well-formed, another root element or
 * version, or an encoding other than UTF-8 is a FormatError.
 */
export async function* readIati(input: Readable): AsyncGenerator<IatiResult> {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const frames: Frame[] = [];
  const ready: IatiResult[] = [];
  let activity: ActivityBuilder | null = null;
  let tagLine = 1;
  let rooted = false;

  parser.on('xmldecl', ({ encoding }) => {
    if (encoding && !/^(utf-?8|us-ascii)$/i.test(encoding)) {
      throw new FormatError(`the file declares encoding ${encoding}; only UTF-8 can be read`, parser.line);
    }
  });
  parser.on('opentagstart', () => {
    tagLine = parser.line;
  });
  parser.on('opentag', ({ name, attributes }) => {
    const depth = frames.length;
    const declared = attributes['xml:lang'];
    const lang = declared === undefined ? (frames.at(-1)?.lang ?? null) : declared.trim() || null;
    if (depth === 0) {
      checkRoot(name, attributes, tagLine);
      rooted = true;
    } else if (depth === 1 && name === 'iati-activity') {
      activity = new ActivityBuilder(tagLine, attributes, lang);
    } else {
      activity?.open(name, attributes, tagLine);
    }
    frames.push({ lang, text: activity && TEXT_ELEMENTS.has(name) ? '' : null });
  });
  const keepText = (text: string) => {
    const frame = frames.at(-1);
    if (frame && frame.text !== null) frame.text += text;
  };
  parser.on('text', keepText);
  parser.on('cdata', keepText);
  parser.on('closetag', () => {
    const frame = frames.pop();
    if (!activity || !frame) return;
    if (frames.length === 1) {
      ready.push(...activity.finish());
      activity = null;
    } else {
      activity.close(frame.text, frame.lang);
    }
  });
  parser.on('error', (error) => {
    throw new FormatError(`the XML is not well-formed: ${error.message}`, parser.line);
  });

  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of input as AsyncIterable<string | Uint8Array>) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      yield* ready.splice(0);
    }
    parser.write(decoder.decode());
    parser.close();
    yield* ready.splice(0);
  } finally {
    input.destroy();
  }
  if (!rooted) throw new FormatError('the file holds no XML element; an IATI activity file was expected', 1);
}
