import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error build.mjs is plain JavaScript without type declarations
import { manifestFor } from '../../build.mjs';

const ALLOWED_PERMISSIONS = ['storage', 'alarms', 'notifications'];
const source = JSON.parse(readFileSync('manifest.json', 'utf8'));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sourceFiles(file) : /\.(ts|tsx)$/.test(name) ? [file] : [];
  });
}

describe.each(['chrome', 'firefox'])('the %s manifest', (browser) => {
  const manifest = manifestFor(browser, source);

  it('asks only for storage, alarms and notifications, and no host access', () => {
    expect(manifest.permissions.every((p: string) => ALLOWED_PERMISSIONS.includes(p))).toBe(true);
    for (const key of ['host_permissions', 'optional_permissions', 'optional_host_permissions', 'content_scripts', 'externally_connectable', 'web_accessible_resources']) {
      expect(manifest[key], key).toBeUndefined();
    }
  });

  it('has an explicit content security policy with no remote or unsafe sources', () => {
    const csp: string = manifest.content_security_policy.extension_pages;
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/connect-src 'none'/);
    expect(csp).not.toMatch(/https?:|\*|unsafe-eval|unsafe-inline|data:\s*;?\s*script/);
  });

  it('declares what each browser needs to load it', () => {
    if (browser === 'firefox') {
      expect(manifest.background).toEqual({ scripts: ['background.js'] });
      expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    } else {
      expect(manifest.background.service_worker).toBe('background.js');
    }
  });
});

describe('the code', () => {
  it('makes no network request anywhere', () => {
    const offenders = sourceFiles('src').filter((file) => {
      const text = readFileSync(file, 'utf8');
      return /\bfetch\s*\(|XMLHttpRequest|WebSocket\s*\(|sendBeacon|EventSource\s*\(|importScripts\s*\(/.test(text);
    });
    expect(offenders).toEqual([]);
  });

  it('never builds HTML or code from strings in the extension', () => {
    const offenders = sourceFiles('src').filter((file) => !file.startsWith('src/cli') && /innerHTML|dangerouslySetInnerHTML|insertAdjacentHTML|\beval\(|new Function\(/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
