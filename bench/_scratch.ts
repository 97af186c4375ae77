import {readFileSync, readdirSync} from 'node:fs'
import {parsePost, renderHtml, renderPost} from '../src/index.ts'
import {unified} from 'unified'
import rehypeParse from 'rehype-parse'
import {parse as yamlParse} from 'yaml'
const raw = readFileSync('/work/main/examples/sample.txt', 'utf8')
const p = unified().use(rehypeParse, {fragment: true})
const t = (name: string, f: () => unknown, n = 300) => { for (let i = 0; i < 50; i++) f(); const s = performance.now(); for (let i = 0; i < n; i++) f(); console.log(name, ((performance.now() - s) / n).toFixed(3), 'ms') }
const body = raw.slice(raw.indexOf('---', 4) + 4)
const fm = raw.slice(4, raw.indexOf('---', 4))
t('floor', () => { p.parse(body); yamlParse(fm) })
t('parsePost', () => parsePost(raw))
const a = parsePost(raw)
t('renderHtml', () => renderHtml(a))
t('renderPost', () => renderPost(a))
const dir = '/work/shared/archive/koreablockchain'
const files = readdirSync(dir).filter((f) => !f.startsWith('.'))
const posts = files.map((f) => readFileSync(dir + '/' + f, 'utf8'))
let s = performance.now(); for (const x of posts) parsePost(x); console.log('archive pass parsePost', performance.now() - s)
s = performance.now(); for (const x of posts) parsePost(x); console.log('archive pass parsePost', performance.now() - s)
s = performance.now(); for (const x of posts) { p.parse(x) }; console.log('archive pass rehype', performance.now() - s)
