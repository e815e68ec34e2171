import { DOMParser, type Element } from '@xmldom/xmldom';

/** An element of a parsed document part. */
export type XmlElement = Element;

/**
 * Parses one part of a package; undefined when it is not well-formed XML. Elements are matched by
 * local name everywhere below, so that both WordprocessingML namespaces (transitional, used by Word,
 * WPS and LibreOffice, and strict) read the same.
 */
export function parseXml(text: string): XmlElement | undefined {
  try {
    const doc = new DOMParser({ onError: (level) => {
      if (level === 'fatalError') throw new Error('not XML');
    } }).parseFromString(text, 'application/xml');
    return doc.documentElement ?? undefined;
  } catch {
    return undefined;
  }
}

/** The element children of `el` (with a local name, those only). */
export function children(el: XmlElement | undefined, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el?.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (name === undefined || (n as Element).localName === name)) out.push(n as Element);
  }
  return out;
}

/** The first element child with that local name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  for (let n = el?.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === name) return n as Element;
  }
  return undefined;
}

/** Every element below `el` with that local name, in document order, not looking inside a match. */
export function descendants(el: XmlElement | undefined, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of children(el)) {
    if (c.localName === name) out.push(c);
    else descendants(c, name, out);
  }
  return out;
}

/** An attribute by local name, whatever its prefix (w:val, val). */
export function attr(el: XmlElement | undefined, name: string): string | undefined {
  if (!el) return undefined;
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs.item(i);
    if (a && (a.localName ?? a.name) === name) return a.value;
  }
  return undefined;
}

/** An on/off property (w:b, w:tblHeader, w:vanish…): present and not switched off. */
export function isOn(el: XmlElement | undefined): boolean {
  if (!el) return false;
  const v = attr(el, 'val');
  return v === undefined || !['0', 'false', 'off'].includes(v);
}
