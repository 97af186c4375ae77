/// <reference path="./client.d.ts" />
import first, {html} from '../../../examples/vite/posts/first.html?article'
const n: number = first.meta.title
