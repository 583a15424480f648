import type { BodyBlock } from '../types.ts';

/** A body paragraph. */
export const p = (text: string): BodyBlock => ({ kind: 'p', text });

/** A figure: image path on the portal and its caption. */
export const fig = (image: string, caption: string): BodyBlock => ({ kind: 'figure', image, caption });
