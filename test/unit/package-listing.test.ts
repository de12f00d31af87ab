import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The store listings (store-assets/listing/<lang>/listing.json) within each store's
// limits, in step with the manifest and with each other. Limits as the stores state them:
// Chrome's summary (the manifest's description) at most 132 characters and description at
// most 16,000; Edge's description 250 to 10,000 characters and at most 7 search terms of
// at most 30 characters, 21 words in all; addons.mozilla.org's name at most 50 characters
// and summary at most 250; Chrome's privacy fields at most 1,000 characters each.

interface Listing {
  language: string;
  name: string;
  summary: string;
  description: string[];
  category: { chrome: string; edge: string; firefox: string };
  singlePurpose: string;
  permissions: Record<string, string>;
  remoteCode: { uses: boolean; statement: string };
  dataCollected: { types: string[]; statement: string };
  links: { homepage: string; support: string; privacyPolicy: string };
  searchTerms: string[];
}

const LANGUAGES = ['en', 'sv', 'da'] as const;
const listings = LANGUAGES.map((language) => JSON.parse(readFileSync(`store-assets/listing/${language}/listing.json`, 'utf8')) as Listing);
const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { permissions: string[]; host_permissions?: string[] };
const messages = (language: string) => JSON.parse(readFileSync(`src/_locales/${language}/messages.json`, 'utf8')) as Record<string, { message: string }>;
/** Characters as the stores count them: code points, not UTF-16 units. */
const length = (text: string) => [...text].length;

describe.each(listings.map((listing) => [listing.language, listing] as const))('the %s listing', (language, listing) => {
  it('is in its own language, with the name the manifest gives', () => {
    expect(listing.language).toBe(language);
    expect(listing.name).toBe(messages(language).extName!.message);
    expect(length(listing.name)).toBeLessThanOrEqual(50);
  });

  it("has the manifest's description as its summary, within 132 characters", () => {
    // Chrome and Edge show the manifest's description as the summary: the two cannot differ.
    expect(listing.summary).toBe(messages(language).extDescription!.message);
    expect(length(listing.summary)).toBeLessThanOrEqual(132);
  });

  it("has a plain-text description within every store's limits", () => {
    const description = listing.description.join('\n');
    expect(length(description)).toBeGreaterThanOrEqual(250);
    expect(length(description)).toBeLessThanOrEqual(10_000);
    // The Chrome Web Store shows no Markdown or HTML: it would show as typed.
    expect(description).not.toMatch(/<[a-z][^>]*>|\*\*|^#|\]\(/m);
  });

  it('gives a single purpose and a reason for exactly the permissions the manifest asks for', () => {
    expect(Object.keys(listing.permissions).sort()).toEqual([...manifest.permissions].sort());
    expect(manifest.host_permissions ?? []).toEqual([]);
    for (const text of [listing.singlePurpose, ...Object.values(listing.permissions), listing.remoteCode.statement, listing.dataCollected.statement]) {
      expect(length(text)).toBeGreaterThan(40);
      expect(length(text)).toBeLessThanOrEqual(1000);
    }
  });

  it('says no remote code and no data collected, as the manifest does', () => {
    expect(listing.remoteCode.uses).toBe(false);
    expect(listing.dataCollected.types).toEqual([]);
    const gecko = (JSON.parse(readFileSync('manifest.json', 'utf8')) as { browser_specific_settings: { gecko: { data_collection_permissions: { required: string[] } } } }).browser_specific_settings.gecko;
    expect(gecko.data_collection_permissions.required).toEqual(['none']);
  });

  it('has links that are addresses, or placeholders that say so', () => {
    for (const link of Object.values(listing.links)) expect(link).toMatch(/^(https:\/\/\S+|PLACEHOLDER: .+)$/);
  });

  it("has search terms within Edge's limits", () => {
    expect(listing.searchTerms.length).toBeGreaterThan(0);
    expect(listing.searchTerms.length).toBeLessThanOrEqual(7);
    for (const term of listing.searchTerms) expect(length(term)).toBeLessThanOrEqual(30);
    expect(listing.searchTerms.join(' ').split(/\s+/).length).toBeLessThanOrEqual(21);
  });
});

describe('the listings together', () => {
  it('have the same fields in every language, the same categories and the same kind of links', () => {
    const [en, ...others] = listings;
    const shape = (listing: Listing) => ({ keys: Object.keys(listing).sort(), permissions: Object.keys(listing.permissions).sort(), links: Object.keys(listing.links).sort(), paragraphs: listing.description.filter((line) => line === '').length });
    for (const other of others) {
      expect(shape(other), other.language).toEqual(shape(en!));
      expect(other.category).toEqual(en!.category);
      expect(Object.values(other.links).map((link) => link.startsWith('PLACEHOLDER'))).toEqual(Object.values(en!.links).map((link) => link.startsWith('PLACEHOLDER')));
    }
  });

  it("use the product's own words in Swedish and Danish", () => {
    const [, sv, da] = listings.map((listing) => [listing.summary, ...listing.description, listing.singlePurpose, ...Object.values(listing.permissions)].join('\n').toLowerCase());
    for (const word of ['självskattning', 'skattning', 'teamomgång', 'frågeformulär', 'översikten']) expect(sv, word).toContain(word);
    for (const word of ['selvevaluering', 'evaluering', 'teamrunde', 'spørgeskema', 'overblikket']) expect(da, word).toContain(word);
  });
});
