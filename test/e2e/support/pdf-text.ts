import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF that Chromium printed, page by page, so a test can read what is on
 * paper. Enough PDF for Chromium's (Skia's) output only: plain objects (no object
 * streams), Flate-compressed content, Type 0 fonts in Identity-H with a ToUnicode map.
 * Text runs are joined without spaces or line breaks, which Skia places by position
 * rather than by glyph; compare with `squeeze` on both sides.
 */
export function pdfPages(pdf: Uint8Array): string[] {
  const source = Buffer.from(pdf).toString('latin1');
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  for (const match of source.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = match[2]!;
    const streamAt = body.search(/stream\r?\n/);
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const start = match.index! + match[0].indexOf(body) + streamAt + body.slice(streamAt).match(/^stream\r?\n/)![0].length;
    const length = lengthOf(dict, (n) => objects.get(n)?.dict ?? indirect(source, n));
    const raw = Buffer.from(source.slice(start, start + length), 'latin1');
    objects.set(Number(match[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
  }
  const cmaps = new Map<number, Map<string, string>>();
  const cmapOf = (fontObject: number) => {
    if (!cmaps.has(fontObject)) {
      const ref = objects.get(fontObject)?.dict.match(/\/ToUnicode (\d+) 0 R/);
      const stream = ref ? objects.get(Number(ref[1]))?.stream : null;
      cmaps.set(fontObject, stream ? parseCMap(stream.toString('latin1')) : new Map());
    }
    return cmaps.get(fontObject)!;
  };
  const pages: string[] = [];
  for (const [, object] of objects) {
    if (!/\/Type \/Page\b(?!s)/.test(object.dict)) continue;
    const fonts = new Map<string, number>();
    const fontDict = object.dict.match(/\/Font <<([\s\S]*?)>>/)?.[1] ?? '';
    for (const [, name, ref] of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)) fonts.set(name!, Number(ref));
    const contents = object.dict.match(/\/Contents (\d+) 0 R/);
    const content = contents ? objects.get(Number(contents[1]))?.stream?.toString('latin1') ?? '' : '';
    let map = new Map<string, string>();
    let text = '';
    for (const [, font, strings] of content.matchAll(/\/(\w+) [\d.]+ Tf|(\[[^\]]*\]\s*TJ|<[0-9A-Fa-f]*>\s*Tj)/g)) {
      if (font) map = cmapOf(fonts.get(font) ?? -1);
      else for (const [, hex] of strings!.matchAll(/<([0-9A-Fa-f]*)>/g)) for (let i = 0; i < hex!.length; i += 4) text += map.get(hex!.slice(i, i + 4).toUpperCase()) ?? '';
    }
    pages.push(text);
  }
  return pages;
}

/** Text with every kind of space taken out, so words the PDF placed apart still compare. */
export function squeeze(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

function lengthOf(dict: string, lookup: (n: number) => string): number {
  const direct = dict.match(/\/Length (\d+)(?!\d| 0 R)/);
  if (direct) return Number(direct[1]);
  const ref = dict.match(/\/Length (\d+) 0 R/);
  if (!ref) throw new Error('a PDF stream without a length');
  return Number(lookup(Number(ref[1])).trim());
}

function indirect(source: string, n: number): string {
  return source.match(new RegExp(`(?:^|\\s)${n} 0 obj\\s*([\\s\\S]*?)endobj`))?.[1] ?? '';
}

function parseCMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const unicode = (hex: string) => String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, from, to] of block!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(from!.toUpperCase().padStart(4, '0'), unicode(to!));
  }
  for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, to] of block!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const base = parseInt(to!, 16);
      for (let code = parseInt(low!, 16); code <= parseInt(high!, 16); code++) map.set(code.toString(16).toUpperCase().padStart(4, '0'), String.fromCodePoint(base + code - parseInt(low!, 16)));
    }
  }
  return map;
}
