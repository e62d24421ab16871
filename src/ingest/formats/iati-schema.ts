/**
 * Validation against the official IATI 2.03 activity schema (vendored in iati-schema/2.03/, see its README) with
 * libxml2 compiled to WebAssembly (xmllint-wasm): no network, no native build. The whole document is held in memory
 * by libxml2, so this is for files Tranche writes, not for reading large publisher files.
 */
import { readFile } from 'node:fs/promises';
import { memoryPages, validateXML } from 'xmllint-wasm';

const SCHEMA_FILES = ['iati-activities-schema.xsd', 'iati-common.xsd', 'xml.xsd'] as const;

/** One problem libxml2 reports: the line in the document (when it names one) and its message. */
export interface SchemaProblem {
  readonly line: number | null;
  readonly message: string;
}

let schemas: Promise<{ fileName: string; contents: string }[]> | undefined;

function loadSchemas(): Promise<{ fileName: string; contents: string }[]> {
  schemas ??= Promise.all(
    SCHEMA_FILES.map(async (fileName) => ({
      fileName,
      contents: await readFile(new URL(`./iati-schema/2.03/${fileName}`, import.meta.url), 'utf8'),
    })),
  );
  return schemas;
}

/**
 * Checks an IATI activity document against the 2.03 schema: no problems means it is valid. The document may be
 * given as its UTF-8 bytes (a file read whole), which spares a copy as a string.
 */
export async function validateIatiActivities(xml: string | Uint8Array): Promise<readonly SchemaProblem[]> {
  const [activities, ...others] = await loadSchemas();
  if (!activities) throw new Error('the IATI 2.03 schema files are missing');
  const result = await validateXML({
    xml: [{ fileName: 'iati-activities.xml', contents: xml }],
    schema: [activities],
    preload: others,
    // libxml2 grows its memory as a document needs; the default ceiling (32 MiB) is too low for large files.
    maxMemoryPages: memoryPages.GiB,
  });
  // A parser error comes with lines of context (the source line, a caret) that name no position: keep the errors.
  const located = result.errors.filter((error) => error.loc !== null);
  return (located.length > 0 ? located : result.errors).map((error) => ({
    line: error.loc?.lineNumber ?? null,
    message: error.message,
  }));
}
