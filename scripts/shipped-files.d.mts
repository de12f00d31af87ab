export declare const QUESTIONNAIRE_DIR: string;
export declare function isContentFileName(name: string): boolean;
export declare function readShippedFiles(kind: 'questionnaire' | 'course-pack', dir?: string): { name: string; path: string; text: string; data: any }[];
export declare const EARLIER_DIR: string;
export declare function readEarlierQuestionnaires(dir?: string): { name: string; path: string; text: string; data: any }[];
