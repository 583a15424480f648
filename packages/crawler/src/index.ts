export {
  portalSchema,
  registrySchema,
  parseRegistry,
  loadRegistry,
  defaultRegistryPath,
  articleMatcher,
  looksLikeArticle,
  RegistryError,
  DEFAULT_CRON,
  DEFAULT_TZ,
  DEFAULT_MAX_PAGES,
  type Portal,
  type PortalInput,
} from './registry.ts';
export { createCrawlProcessor, parkedBefore, timesHeld, type CrawlProcessorDeps, type CrawlOutcome, type CrawlerConfig } from './crawl-processor.ts';
export { syncSchedules, listSchedules, schedulerId, SCHEDULER_PREFIX, type ScheduleSyncResult, type ScheduleInfo } from './schedules.ts';
export { fetchPage, assertSuccess, parseRetryAfter, closeFetchAgents, type FetchOptions, type FetchedPage } from './fetch-page.ts';
export { decodeBody, normaliseCharset, charsetFromContentType, type DecodedBody } from './charset.ts';
export { canonicalizeUrl, hostKey, isSameSite } from './url.ts';
export { isPublicAddress, BlockedAddressError } from './address-guard.ts';
export { extractPageLinks, paginationLinks, parseFeed, parseSitemap, classifyLinks, keepArticles } from './discovery.ts';
export { Frontier, type UrlState, type Candidate } from './frontier.ts';
export { HostGate } from './host-gate.ts';
export { RobotsCache, parseRobots, ROBOTS_TTL_MS, MAX_CRAWL_DELAY_MS, type RobotsRules } from './robots.ts';
