import { failureWords } from '../failure-words';
import { useModel } from '@preact/signals';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { MAX_QUESTIONNAIRE_FILE_BYTES } from '../../core/library/added-keys';
import type { AddedEntry } from '../../core/library/added-index';
import { shortHash } from '../../core/library/content-hash';
import { contentLanguage, textIn } from '../../core/questionnaire/types';
import { formatBytes } from '../../core/safe-json';
import { useApp, useT } from '../../ui/app-context';
import { FileRefusal } from '../../ui/file-refusal';
import type { Translate } from '../../ui/i18n/translator';
import { LibraryModel, type FileOutcome, type LibraryModelInstance } from '../../ui/library/library-model';

/**
 * Adding a questionnaire of one's own from a file (chosen, or dropped anywhere on the
 * page), and the list of those added, each removable. The file input is the way in for
 * the keyboard and screen readers; dropping is a shortcut for the mouse.
 */
export function AddedQuestionnaires() {
  const app = useApp();
  const t = useT();
  const model = useModel(() => new LibraryModel({ store: app.store, catalog: app.catalog, now: app.now }));
  useDropAnywhere((file) => void model.addFile(file), app.policy.value.allowAddingQuestionnaires);
  const outcome = model.lastFile.value;
  // The organisation's questionnaires are not the person's to remove: they are listed as the organisation's.
  const entries = app.catalog.extra.flatMap((entry) => (entry.origin === 'added' && entry.added && entry.added.via !== 'organisation' && entry.hash ? [{
    entry: { id: entry.id, version: entry.version, title: entry.title, hash: entry.hash, addedAt: entry.added.at, origin: entry.added.via },
    lang: contentLanguage(entry, app.i18n.language.value),
  }] : []));
  const message = fileMessage(t, outcome, (id, version) => {
    const entry = app.catalog.findVersion(id, version);
    return entry ? textIn(entry.title, contentLanguage(entry, app.i18n.language.value)) : id;
  });
  const refused = outcome.kind === 'refused' || (message !== null && outcome.kind !== 'added' && outcome.kind !== 'already-here');
  const damaged = model.damaged.value;
  const allowed = app.policy.value.allowAddingQuestionnaires;

  return (
    <section class="section" aria-labelledby="library-heading">
      <h2 id="library-heading">{t('library.heading')}</h2>
      <p class="hint">{t('library.intro')}</p>
      {allowed ? (
        <div class="field">
          <label for="questionnaire-file">{t('library.file')}</label>
          <input id="questionnaire-file" type="file" accept=".json,application/json" aria-describedby="questionnaire-drop" onChange={(event) => {
            const input = event.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            if (file) void model.addFile(file);
            // The same file chosen again (after fixing it) is read again.
            input.value = '';
          }} />
          <p id="questionnaire-drop" class="hint small">{t('library.drop')}</p>
        </div>
      ) : <p class="notice" data-testid="adding-not-allowed">{t('library.notAllowed')}</p>}
      <div role="alert" class={refused ? 'notice notice-error' : 'notice-empty'}>
        {outcome.kind === 'refused' ? <FileRefusal expected="questionnaire" found={outcome.found} problems={outcome.problems} testId="questionnaire-problems" /> : null}
        {refused && message ? <p>{message}</p> : null}
      </div>
      <p role="status">{!refused && message ? message : null}</p>
      {damaged.length > 0 ? <p class="notice notice-error">{t('library.damaged', { count: damaged.length, keys: damaged.join(', ') })}</p> : null}
      {entries.length > 0 ? (
        <>
          <h3>{t('library.listHeading')}</h3>
          <ul class="plain-list added-list" data-testid="added-questionnaires">
            {entries.map(({ entry, lang }) => <AddedItem key={`${entry.id}@${entry.version}`} model={model} entry={entry} lang={lang} />)}
          </ul>
        </>
      ) : null}
      <RemovalStatus model={model} />
    </section>
  );
}

function AddedItem({ model, entry, lang }: { model: LibraryModelInstance; entry: AddedEntryView; lang: string }) {
  const app = useApp();
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  // Before the next paint: the question takes the focus from the button it replaces (read
  // first, its buttons follow), and a cancel gives it back, never leaving it on the page.
  useLayoutEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (asked.current) removeRef.current?.focus();
    asked.current = confirming;
  }, [confirming]);
  const cancel = () => setConfirming(false);
  const title = textIn(entry.title, lang);
  const headingId = `added-${entry.id}-${entry.version}`;
  return (
    <li data-added={`${entry.id}@${entry.version}`}>
      <p><strong id={headingId} lang={lang}>{title}</strong></p>
      <p class="hint small" id={`${headingId}-facts`}>
        {t('library.itemFacts', { id: entry.id, version: entry.version, date: app.i18n.formatDate.value(entry.addedAt) })} · {t(`library.origin.${entry.origin}`)}
        {' · '}{t('library.hash')} <code>{shortHash(entry.hash)}</code>
      </p>
      {confirming ? (
        <div class="notice" role="group" aria-labelledby={`${headingId}-confirm`} tabIndex={-1} ref={confirmRef} onKeyDown={(event) => {
          if (event.key === 'Escape') cancel();
        }}>
          <p id={`${headingId}-confirm`}>{t('library.confirmRemove', { title, version: entry.version })}</p>
          <div class="button-row start">
            <button type="button" class="button button-danger" onClick={() => void model.remove(entry.id, entry.version)}>{t('library.remove')}</button>
            <button type="button" class="button" onClick={cancel}>{t('data.cancel')}</button>
          </div>
        </div>
      ) : (
        // Described by the title and its facts (version, origin): two versions' buttons read apart.
        <button type="button" class="button" ref={removeRef} aria-describedby={`${headingId} ${headingId}-facts`} onClick={() => setConfirming(true)}>{t('library.remove')}</button>
      )}
    </li>
  );
}

type AddedEntryView = Pick<AddedEntry, 'id' | 'version' | 'title' | 'addedAt' | 'hash'> & { origin: Exclude<AddedEntry['origin'], 'organisation'> };

function RemovalStatus({ model }: { model: LibraryModelInstance }) {
  const t = useT();
  const app = useApp();
  const removal = model.lastRemoval.value;
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // The removed item's buttons are gone: the focus goes to what says so, not to the page's top.
    if (removal.kind === 'removed') status.current?.focus();
  }, [removal]);
  const title = removal.kind === 'removed' ? textIn(removal.entry.title, contentLanguage(removal.entry, app.i18n.language.value)) : '';
  return (
    <>
      <p role="status" tabIndex={-1} ref={status}>{removal.kind === 'removed' ? t('library.removed', { title, version: removal.entry.version }) : null}</p>
      {removal.kind === 'not-saved' ? <p class="notice notice-error" role="alert">{t('library.removeFailed', { detail: failureWords(t, removal) })}</p> : null}
    </>
  );
}

/** One sentence for what adding a file came to; null when there is nothing to say, or the refusal lists the details. */
function fileMessage(t: Translate, outcome: FileOutcome, titleOf: (id: string, version: number) => string): string | null {
  switch (outcome.kind) {
    case 'none':
    case 'refused':
      return null;
    case 'too-big': return t('library.tooBig', { max: formatBytes(MAX_QUESTIONNAIRE_FILE_BYTES) });
    case 'unreadable': return t('library.unreadable');
    case 'not-saved': return t('library.notSaved', { detail: failureWords(t, outcome) });
    case 'added': return t('library.added', { title: titleOf(outcome.entry.id, outcome.entry.version), version: outcome.entry.version });
    case 'already-here': return t('library.alreadyHere', { title: titleOf(outcome.id, outcome.version), version: outcome.version });
    case 'other-content': return t('library.otherContent', { id: outcome.id, version: outcome.version });
    case 'shipped-id': return t('library.shippedId', { id: outcome.id });
    case 'full': return t('library.full', { max: outcome.max });
    case 'not-allowed': return t('library.notAllowed');
  }
}

/**
 * A file dropped anywhere on the page is added, while this part of the page is shown.
 * Without this, the browser would open the dropped file in the tab instead.
 */
function useDropAnywhere(onFile: (file: File) => void, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const over = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      onFile(file);
    };
    addEventListener('dragover', over);
    addEventListener('drop', drop);
    return () => {
      removeEventListener('dragover', over);
      removeEventListener('drop', drop);
    };
  }, [enabled]);
}
