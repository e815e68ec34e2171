import { unzipSync, zipSync, type Zippable } from 'fflate';

const CORE_DATE = /(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g;

/**
 * Re-packs an Office file so that the same plan always gives the same bytes: both libraries stamp
 * the current time into the zip's entries and into docProps/core.xml. Entries keep their order
 * ([Content_Types].xml first, as Office expects), each gets `date` as its time, and core.xml's
 * created/modified dates become `date`.
 */
export function repack(bytes: Uint8Array, date: string): Uint8Array {
  const entries = unzipSync(bytes);
  // A zip stores local times: a date made from local fields gives the same bytes in every time zone.
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  const mtime = new Date(y, m - 1, d, 12, 0, 0);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(entries)) {
    let content = data;
    if (name === 'docProps/core.xml') {
      const xml = new TextDecoder().decode(data).replace(CORE_DATE, `$1${date.replace(/\.\d+Z$/, 'Z')}$2`);
      content = new TextEncoder().encode(xml);
    }
    out[name] = [content, { mtime, level: 6 }];
  }
  return zipSync(out, { mtime });
}
