/**
 * @provnews/extractor — structured facts from cleaned Vietnamese provincial news: pure
 * functions from a `CleanResult` to an `ArticleRecord` (schema v1).
 */
export { extractArticle, analysisText, type ExtractContext } from './extract-article.ts';
export { extractFromPage, type ExtractPageContext } from './extract-from-page.ts';
export { parseVietnameseNumber, parseDigits } from './numbers.ts';
export { extractMetrics } from './metrics.ts';
export { extractDocuments } from './documents.ts';
export { extractOfficials } from './officials.ts';
export { parseVietnameseDate, extractPublishedAt, extractEventDate, yearsTalkedAbout } from './dates.ts';
export { parseByline, parseDateline, findTrailingByline, findLeadingByline, looksLikePersonName, personAuthorsFromMeta, stripHonorifics, type Byline } from './byline.ts';
export { resolvePlaces, findPlaceMentions, inSystem2025, SYSTEM_2025_FROM, type ResolvedPlaces, type ResolvePlacesOptions, type PlaceMention } from './places.ts';
export { publisherProvince } from './publisher.ts';
export { gazetteer, placeKey, type Gazetteer, type AdminUnit, type UnitLevel } from './gazetteer.ts';
export { extractTopics, TOPIC_VOCABULARY, MAX_TOPICS } from './topics.ts';
export { foldVietnamese, stripDiacritics, tokenize, type Token } from './vietnamese-text.ts';
