export * from './types.ts';
export { clean, cleanHtml, cleanText, looksLikeHtml } from './clean.ts';
export { normalizeForMatch } from './vietnamese.ts';
export { articleVerdict } from './text-mode.ts';
export { isAccountName } from './line-rules.ts';
