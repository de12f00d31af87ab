import type { Metafile } from 'esbuild';
export declare function mergeEntryChunks(metafile: Metafile, pageNames: string[], options: { staging: string; root: string; target: string[]; sourcemap: boolean }): Promise<void>;
