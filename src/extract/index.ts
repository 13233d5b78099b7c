export { type ArticleDefaults, headlineOf, parseArticle } from './article.js';
export { extractArticle, extractClaims, type LearnedName } from './extract.js';
export { type CompiledLexicon, compileLexicon } from './lexicon.js';
export { topicsSeenBy } from './topic-filing.js';
export type {
  Article,
  ArticleMeta,
  Claim,
  EntityDef,
  EntityKind,
  FigureRole,
  Hedge,
  Lexicon,
  Status,
  TopicDef,
} from './types.js';
