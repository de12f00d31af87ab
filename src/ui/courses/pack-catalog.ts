import type { LocalizedText } from '../../core/questionnaire/types';
import type { CoursePack } from '../../core/pack/types';

/** A course pack in the list: shipped ones load their text on demand. */
export interface PackEntry {
  id: string;
  version: number;
  languages: readonly string[];
  title: LocalizedText;
  description: LocalizedText;
  load(): Promise<CoursePack>;
}
