import type { createJiti as CreateJiti } from 'jiti';
/** jiti's createJiti, with native imports that survive bundling. */
export declare const createJiti: typeof CreateJiti;
