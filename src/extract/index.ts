export { parseArticle, type ArticleDefaults } from './article.js';
export { extractClaims } from './extract.js';
export { compileLexicon, type CompiledLexicon } from './lexicon.js';
export type { Article, ArticleMeta, Claim, EntityDef, EntityKind, Hedge, Lexicon, Status, TopicDef } from './types.js';
