import { useT } from '../ui/app-context';
import { LanguageSelect } from '../ui/language-select';
import { useReadyMark } from '../ui/ready';

/** What Shiftmeter is, that nothing leaves the device, and the language choice. */
export function WelcomeView() {
  const t = useT();
  useReadyMark(true);
  return (
    <article class="welcome">
      <h1 tabIndex={-1}>{t('welcome.heading')}</h1>
      <p class="lead">{t('welcome.intro')}</p>
      <section aria-labelledby="how-heading">
        <h2 id="how-heading">{t('welcome.howHeading')}</h2>
        <ol>
          <li>{t('welcome.how1')}</li>
          <li>{t('welcome.how2')}</li>
          <li>{t('welcome.how3')}</li>
        </ol>
        <p><a class="button button-primary" href="#/take">{t('welcome.start')}</a></p>
      </section>
      <section aria-labelledby="team-heading">
        <h2 id="team-heading">{t('welcome.teamHeading')}</h2>
        <p>{t('welcome.team')}</p>
        <p><a class="button" href="#/team/answer">{t('welcome.teamLink')}</a></p>
      </section>
      <section aria-labelledby="privacy-heading" class="privacy">
        <h2 id="privacy-heading">{t('welcome.privacyHeading')}</h2>
        <p>{t('welcome.privacy')}</p>
      </section>
      <section aria-labelledby="language-heading">
        <h2 id="language-heading">{t('welcome.languageHeading')}</h2>
        <p class="hint">{t('welcome.languageHint')}</p>
        <LanguageSelect id="welcome-language" />
      </section>
    </article>
  );
}
