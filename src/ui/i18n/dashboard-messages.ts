import { enDashboard, type DashboardMessages } from './en-dashboard';
import type { UiLanguage } from './languages';

/**
 * The dashboard's texts, handed to the translator by the dashboard's entry point only:
 * English is bundled with the dashboard, Swedish and Danish load on demand.
 */
export async function loadDashboardMessages(language: UiLanguage): Promise<DashboardMessages> {
  switch (language) {
    case 'sv':
      return (await import('./sv-dashboard')).svDashboard;
    case 'da':
      return (await import('./da-dashboard')).daDashboard;
    default:
      return enDashboard;
  }
}
