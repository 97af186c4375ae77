export type Entry = import('article-kit/astro').ArticleData
