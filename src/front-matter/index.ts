/**
 * The front matter alone: `article-kit/front-matter` pulls in `yaml`, never
 * parse5 or any hast package.
 */
export {parseFrontMatter, type FrontMatterResult} from './parse.ts'
export {renderFrontMatter} from './render.ts'
export {parseDate} from './normalize.ts'
export {splitPost, type SplitPost, type FrontMatterBlock} from '../post/split.ts'
export type {Meta, MetaValue, Message, Point, Position} from '../types.ts'
