/**
 * @provnews/demo-portals — simulated Vietnamese provincial news portals on loopback, for
 * `provnews demo`, end-to-end tests and benchmarks. Real provinces and districts, invented people.
 */
export type {
  ArticleExpectation,
  ArticleSource,
  BodyBlock,
  DemoArticle,
  DemoPortal,
  DemoPortalsServer,
  DemoRequest,
  ExpectedDocument,
  ExpectedMetric,
  ExpectedOfficial,
  GeneratedArticle,
  Section,
  StartDemoPortalsOptions,
  TemplateName,
} from './types.ts';
export { startDemoPortals, renderArticlePage } from './server.ts';
export { generateArticles, seededRandom, type GenerateOptions } from './generator.ts';
export { DEMO_PORTAL_IDS } from './portals.ts';
export { PROVINCES, PROVINCE_DISTRICTS } from './provinces.ts';
