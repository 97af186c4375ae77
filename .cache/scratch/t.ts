/// <reference path="../../src/vite/client.d.ts" />
import first, {html} from '../../examples/vite/posts/first.html?article'
import type {Article} from 'article-kit'
const a: Article = first
const n: number = first.meta.title
const h: number = html
