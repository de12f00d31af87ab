import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { addPopupFloorPage, POPUP_FLOOR_PAGE, POPUP_FLOOR_PARTS } from '../../bench/floor-page';

async function extensionWith(popupJs: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'floor-page-'));
  await writeFile(path.join(dir, 'popup.js'), popupJs);
  return dir;
}

/** Runs the floor script with a storage that records what it was asked for, and returns that and the marks set. */
async function runFloor(script: string): Promise<{ asked: string[]; marks: string[]; ran: boolean }> {
  const asked: string[] = [];
  const marks: string[] = [];
  const context = vm.createContext({
    chrome: { storage: { local: { get: async (keys: string[]) => (asked.push(...keys), {}) } } },
    performance: { mark: (name: string) => marks.push(name) },
    ran: false,
  });
  new vm.Script(script).runInContext(context);
  await new Promise((resolve) => setTimeout(resolve, 0));
  return { asked, marks, ran: context.ran as boolean };
}

describe("the bench's popup floor page", () => {
  it("parses the popup's code without running it, makes the popup's first read, then marks ready", async () => {
    // The shape of the built entry: code, a lazy import, and the names its chunks import from it.
    const dir = await extensionWith('var x=1;ran=true;function load(){return import("./chunks/a.js")}\nexport{x as c1_a,load as c1_b};\n');
    expect(await addPopupFloorPage(dir)).toBeNull();
    const script = await readFile(path.join(dir, 'popup-floor.js'), 'utf8');
    expect(script).toContain('ran=true');
    const { asked, marks, ran } = await runFloor(script);
    expect(ran).toBe(false);
    expect(marks).toEqual(['shiftmeter:ready']);
    // The start's keys and five for each shipped questionnaire, in one call.
    expect(asked.slice(0, 4)).toEqual(['schemaVersion', 'settings', 'added-questionnaires', 'organisation-policy']);
    expect(asked).toContain('draft:production-service');
    expect(asked).toContain('recent:npm-npg');
    expect(asked).toHaveLength(4 + 6 * 5);
    const html = await readFile(path.join(dir, POPUP_FLOOR_PAGE), 'utf8');
    expect(html).toContain('<script type="module" src="popup-floor.js"></script>');
  });

  it('writes its parts beside it: one key read, the first read alone, the script parsed alone', async () => {
    const dir = await extensionWith('var x=1;ran=true;\nexport{x as c1_a};\n');
    expect(await addPopupFloorPage(dir)).toBeNull();
    const part = async (page: string) => {
      const html = await readFile(path.join(dir, page), 'utf8');
      const script = page.replace(/\.html$/, '.js');
      expect(html).toContain(`<script type="module" src="${script}"></script>`);
      const source = await readFile(path.join(dir, script), 'utf8');
      return { source, ...(await runFloor(source)) };
    };
    const oneKey = await part(POPUP_FLOOR_PARTS.oneKey);
    expect(oneKey.asked).toEqual(['settings']);
    expect(oneKey.marks).toEqual(['shiftmeter:ready']);
    expect(oneKey.source).not.toContain('ran=true');
    const firstRead = await part(POPUP_FLOOR_PARTS.firstRead);
    expect(firstRead.asked).toHaveLength(4 + 6 * 5);
    expect(firstRead.source).not.toContain('ran=true');
    const script = await part(POPUP_FLOOR_PARTS.script);
    // Parsed, never run, and no storage asked for.
    expect(script.source).toContain('ran=true');
    expect(script.ran).toBe(false);
    expect(script.asked).toEqual([]);
    expect(script.marks).toEqual(['shiftmeter:ready']);
  });

  it('says why, and writes no page, when the entry imports another file', async () => {
    const dir = await extensionWith('import{a}from"./chunks/shared.js";a();\n');
    expect(await addPopupFloorPage(dir)).toMatch(/import or export/);
    await expect(readFile(path.join(dir, POPUP_FLOOR_PAGE), 'utf8')).rejects.toThrow();
  });
});
