import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import rehypeAutolinkHeadings from 'rehype-autolink-headings'
import rehypeParse from 'rehype-parse'
import rehypeSlug from 'rehype-slug'
import rehypeStringify from 'rehype-stringify'
import {unified} from 'unified'
import {defaultSchema} from '../../src/index.ts'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import type {Article} from '../../src/types.ts'
import {articleParse, fileToArticle, rehypeArticle, type Matter} from '../../src/unified/index.ts'

const post = [
  '---',
  'title: Hello',
  'tags: a b',
  'feature_text: Lead',
  '---',
  '<h2></h2>',
  '<p>Text <script>alert(1)</script></p>',
  ''
].join('\n')

async function run(file: VFile, options?: Parameters<typeof rehypeArticle>[0]): Promise<VFile> {
  const processor = unified().use(rehypeParse).use(rehypeArticle, options)
  await processor.run(processor.parse(file), file)
  return file
}

describe('rehypeArticle', () => {
  it('should put the Article and the front matter on `file.data`', async () => {
    const file = await run(new VFile({path: 'posts/a.html', value: post}))
    const article: Article | undefined = file.data.article
    assert.equal(article?.meta.title, 'Hello')
    assert.deepEqual(article?.meta.tags, ['a', 'b'])
    const matter: Matter | undefined = file.data.matter
    assert.deepEqual(matter, {title: 'Hello', tags: ['a', 'b'], feature_text: 'Lead'})
  })

  it('should add each message as a VFileMessage with every field of ours', async () => {
    const file = await run(new VFile({path: 'posts/a.html', value: post}))
    const heading = file.messages.find((message) => message.ruleId === 'heading-empty')
    assert.ok(heading)
    const expected = file.data.article!.messages.find((message) => message.ruleId === 'heading-empty')!
    assert.equal(heading.reason, expected.reason)
    assert.deepEqual(heading.place, expected.place)
    assert.equal(heading.line, 6)
    assert.equal(heading.column, 1)
    assert.equal(heading.source, 'article-kit')
    assert.equal(heading.fatal, false)
    assert.equal(heading.note, expected.note)
    assert.equal(heading.url, expected.url)
    assert.equal(heading.file, 'posts/a.html')
    assert.equal(heading.name, 'posts/a.html:6:1-6:10')
    assert.deepEqual(
      file.messages.map((message) => message.ruleId),
      file.data.article!.messages.map((message) => message.ruleId)
    )
  })

  it('should let vfile-reporter print the file and each line:column', async () => {
    const file = await run(new VFile({path: 'posts/a.html', value: post}))
    const report = reporter([file], {color: false})
    const lines = report.split('\n')
    assert.equal(lines[0], 'posts/a.html')
    assert.match(report, /^6:1-6:10 +warning +Expected text in this `<h2>` +heading-empty +article-kit$/m)
    assert.match(report, /^7:\d+-7:\d+ +warning .* sanitized-element +article-kit$/m)
  })

  it('should add a repeated problem once, at its first place, with the count in its reason', async () => {
    const file = await run(new VFile({path: 'a.html', value: '---\ntitle: T\n---\n<p>a<blink></blink>b<blink></blink>c<blink></blink></p>\n'}))
    assert.deepEqual(
      file.messages.map((message) => [message.ruleId, message.line, message.column]),
      [['sanitized-element', 4, 5]]
    )
    assert.match(file.messages[0]!.reason, / \(and 2 more like it\)$/)
  })

  it('should report a fatal message as an error without throwing', async () => {
    const file = await run(new VFile({path: 'posts/broken.html', value: '---\ntitle: Hi\n<p>a</p>\n'}))
    const [message] = file.messages
    assert.equal(message?.ruleId, 'front-matter-unclosed')
    assert.equal(message?.fatal, true)
    assert.equal(message?.name, 'posts/broken.html:1:1-1:4')
    assert.match(reporter([file], {color: false}), /^1:1-1:4 +error +Expected a closing `---` for the front matter +front-matter-unclosed +article-kit$/m)
  })

  it('should reject with the first fatal VFileMessage when `strict`', async () => {
    const file = new VFile({path: 'posts/broken.html', value: '---\ntitle: Hi\n<p>a</p>\n'})
    await assert.rejects(run(file, {strict: true}), (error: unknown) => {
      assert.ok(error instanceof Error)
      assert.equal((error as {ruleId?: unknown}).ruleId, 'front-matter-unclosed')
      assert.equal(error.name, 'posts/broken.html:1:1-1:4')
      return true
    })
    assert.equal(file.messages.length, 1)
  })

  it('should not parse again after `fileToArticle` on the same value', async () => {
    const file = new VFile({path: 'posts/a.html', value: post})
    const article = fileToArticle(file)
    const count = file.messages.length
    await run(file)
    assert.equal(file.data.article, article)
    assert.equal(file.messages.length, count)
  })

  it('should parse again when the value changed', async () => {
    const file = new VFile({path: 'posts/a.html', value: post})
    const article = fileToArticle(file)
    file.value = post.replace('Hello', 'Changed')
    await run(file)
    assert.notEqual(file.data.article, article)
    assert.equal(file.data.article?.meta.title, 'Changed')
  })

  it('should read a `Uint8Array` value as UTF-8', async () => {
    const file = await run(new VFile({path: 'posts/ko.html', value: new TextEncoder().encode('---\ntitle: 안녕\n---\n<p>가</p>\n')}))
    assert.equal(file.data.article?.meta.title, '안녕')
    assert.equal(file.data.article?.text, '가')
  })

  it('should build from the tree, without positions, when the file has no value', async () => {
    const tree: Root = {
      type: 'root',
      children: [{type: 'element', tagName: 'h2', properties: {}, children: [{type: 'text', value: 'One'}]}]
    }
    const file = new VFile({path: 'virtual.html'})
    await unified().use(rehypeArticle).run(tree, file)
    assert.equal(file.data.article?.sections[0]?.heading, 'One')
    assert.deepEqual(file.data.matter, {})
    const missing = file.messages.find((message) => message.ruleId === 'front-matter-missing')
    assert.ok(missing)
    assert.equal(missing.place, undefined)
  })
})

describe('articleParse', () => {
  const clean = ['---', 'title: Clean', 'tags: a b', '---', '', '<h2>First part</h2>', '<p>Text <b>bold</b></p>', '<h3>Detail</h3>', '<p>More</p>', ''].join('\n')

  function processor(options?: Parameters<typeof articleParse>[0]) {
    return unified().use(articleParse, options).use(rehypeSlug).use(rehypeAutolinkHeadings, {behavior: 'wrap'}).use(rehypeStringify)
  }

  it('should give rehype plugins the sanitised body, without the front matter', async () => {
    const file = await processor().process(new VFile({path: 'posts/a.html', value: post}))
    // An empty heading: rehype-slug gives it an empty id, which rehype-autolink-headings leaves unlinked.
    assert.equal(String(file), '<h2 id=""></h2>\n<p>Text </p>\n')
    assert.doesNotMatch(String(file), /title|Hello|feature_text|---/)
    assert.doesNotMatch(String(file), /script|alert/)
  })

  it('should let rehype-slug and rehype-autolink-headings link each heading', async () => {
    const file = await processor().process(new VFile({path: 'posts/clean.html', value: clean}))
    assert.equal(
      String(file),
      [
        '',
        '<h2 id="first-part"><a href="#first-part">First part</a></h2>',
        '<p>Text <b>bold</b></p>',
        '<h3 id="detail"><a href="#detail">Detail</a></h3>',
        '<p>More</p>',
        ''
      ].join('\n')
    )
    // rehype-slug's ids are the Article's section ids.
    assert.deepEqual(
      [file.data.article?.sections[0]?.id, file.data.article?.sections[0]?.children[0]?.id],
      ['first-part', 'detail']
    )
  })

  it('should put the Article, the front matter and positioned messages on the file', async () => {
    const file = await processor().process(new VFile({path: 'posts/a.html', value: post}))
    assert.equal(file.data.article?.meta.title, 'Hello')
    assert.deepEqual(file.data.matter, {title: 'Hello', tags: ['a', 'b'], feature_text: 'Lead'})
    assert.deepEqual(
      file.messages.map((message) => [message.ruleId, message.source, message.fatal, message.place]),
      file.data.article!.messages.map((message) => [message.ruleId, 'article-kit', message.fatal, message.place])
    )
    const script = file.messages.find((message) => message.ruleId === 'sanitized-element')
    assert.ok(script)
    assert.equal(script.line, 7)
    assert.equal(script.name, `posts/a.html:7:${script.column}-7:${script.place && 'end' in script.place ? script.place.end.column : ''}`)
    assert.equal(post.split('\n')[6]!.slice(script.column! - 1).startsWith('<script>'), true)
    assert.equal(typeof script.url, 'string')
    assert.equal(typeof script.note, 'string')
    assert.match(reporter([file], {color: false}), /^6:1-6:10 +warning +Expected text in this `<h2>` +heading-empty +article-kit$/m)
  })

  it('should position the tree in the raw post when nothing was sanitised', () => {
    for (const value of [clean, clean.replaceAll('\n', '\r\n'), '\ufeff' + clean]) {
      const file = new VFile({value})
      const tree = unified().use(articleParse).parse(file)
      const elements = tree.children.filter((node) => node.type === 'element')
      assert.deepEqual(elements.map((node) => node.tagName), ['h2', 'p', 'h3', 'p'])
      const lines = value.split(/\r?\n/)
      for (const node of elements) {
        const {start, end} = node.position!
        assert.equal(value.slice(start.offset, end.offset), toHtml(node))
        assert.equal(lines[start.line - 1]!.slice(start.column - 1), toHtml(node))
        assert.equal(end.line, start.line)
      }
      assert.equal(elements[0]!.position!.start.line, 6)
    }
  })

  it('should drop the tree\'s positions when the body was sanitised', () => {
    const tree = unified().use(articleParse).parse(new VFile({value: post}))
    const stack: unknown[] = [tree]
    while (stack.length > 0) {
      const node = stack.pop() as {position?: unknown; children?: unknown[]}
      assert.equal(node.position, undefined)
      stack.push(...(node.children ?? []))
    }
  })

  it('should honour `rules` on `file.messages`, and throw an error made fatal with `strict`', async () => {
    const value = '---\ntitle: A\n---\n<p><img src="a.png"></p>\n'
    const ruleIds = (file: VFile) => file.messages.map((message) => [message.ruleId, message.fatal])
    assert.deepEqual(ruleIds(await unified().use(articleParse).use(rehypeStringify).process(value)), [['image-alt-missing', false]])
    assert.deepEqual(ruleIds(await unified().use(articleParse, {rules: {'image-alt-missing': 'off'}}).use(rehypeStringify).process(value)), [])
    assert.deepEqual(ruleIds(await unified().use(articleParse, {rules: {'image-alt-missing': 'error'}}).use(rehypeStringify).process(value)), [['image-alt-missing', true]])
    await assert.rejects(unified().use(articleParse, {strict: true, rules: {'image-alt-missing': 'error'}}).use(rehypeStringify).process(value), /image-alt|alt/)
    assert.deepEqual(ruleIds(await run(new VFile({value}), {rules: {'image-alt-missing': 'error'}})), [['image-alt-missing', true]])
  })

  it('should use `schema` and `allowEmbedHosts` for the tree', async () => {
    const value = '---\ntitle: A\n---\n<p>a</p><iframe src="https://embed.example.com/v/1"></iframe>\n'
    const kept = String(await unified().use(articleParse, {allowEmbedHosts: ['embed.example.com']}).use(rehypeStringify).process(value))
    assert.match(kept, /<iframe[^>]* src="https:\/\/embed\.example\.com\/v\/1"/)
    assert.doesNotMatch(String(await unified().use(articleParse).use(rehypeStringify).process(value)), /iframe/)
  })

  it('should throw the first fatal VFileMessage from `parse` when `strict`', () => {
    const file = new VFile({path: 'posts/broken.html', value: '---\ntitle: Hi\n<p>a</p>\n'})
    assert.throws(() => unified().use(articleParse, {strict: true}).parse(file), (error: unknown) => {
      assert.equal((error as {ruleId?: unknown}).ruleId, 'front-matter-unclosed')
      assert.equal((error as Error).name, 'posts/broken.html:1:1-1:4')
      return true
    })
    assert.equal(file.messages.length, 1)
  })

  it('should not parse again or report twice after `fileToArticle`', () => {
    const file = new VFile({path: 'posts/a.html', value: post})
    const article = fileToArticle(file)
    const count = file.messages.length
    unified().use(articleParse).parse(file)
    assert.equal(file.data.article, article)
    assert.equal(file.messages.length, count)
  })

  it('should leave the tree alone in `rehypeArticle`, which reads the file (kept as it was)', async () => {
    const file = new VFile({path: 'posts/a.html', value: post})
    const result = await unified().use(rehypeParse, {fragment: true}).use(rehypeArticle).use(rehypeStringify).process(file)
    assert.equal(file.data.article?.meta.title, 'Hello')
    // rehype-parse reads the front matter as text and keeps the script; rehypeArticle does not change the tree.
    assert.match(String(result), /^---\ntitle: Hello/)
    assert.match(String(result), /<script>/)
  })
})

describe('fileToArticle', () => {
  it('should give the front matter keyed as written, like vfile-matter', () => {
    const file = new VFile({value: '---\ntitle: A\ncategories: News\ndate: 2024-07-18\nextra: {a: 1}\n---\n<p>b</p>'})
    fileToArticle(file)
    assert.deepEqual(file.data.matter, {title: 'A', categories: ['News'], date: '2024-07-18', extra: {a: 1}})
  })

  it('should give `{}` when there is no front matter, with a warning', () => {
    const file = new VFile({value: '<p>b</p>'})
    const article = fileToArticle(file)
    assert.deepEqual(file.data.matter, {})
    assert.equal(article.meta.title, null)
    assert.deepEqual(file.messages.map((message) => [message.ruleId, message.fatal]), [['front-matter-missing', false]])
  })

  it('should keep a `__proto__` key as plain data', () => {
    const file = new VFile({value: '---\ntitle: A\n__proto__: {polluted: true}\n---\n<p>b</p>'})
    fileToArticle(file)
    const matter = file.data.matter!
    assert.ok(Object.hasOwn(matter, '__proto__'))
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined)
  })

  it('should mark informational messages with `fatal: undefined`', () => {
    const file = new VFile({value: '---\ntitle: A\nexcerpt: One thing\nfeature_text: Another\n---\n<p>Body text here.</p>'})
    const article = fileToArticle(file)
    const info = article.messages.filter((message) => message.fatal === undefined)
    assert.deepEqual(info.map((message) => message.ruleId), ['excerpt-mismatch'])
    for (const message of info) {
      const added = file.messages.find((item) => item.ruleId === message.ruleId)
      assert.equal(added?.fatal, undefined)
    }
  })

  it('should throw the first fatal VFileMessage when `strict`', () => {
    // An unclosed quoted string: YAML that no recovery can read.
    const file = new VFile({path: 'x.html', value: '---\ntitle: "a\nb: c\n---\n<p>b</p>'})
    assert.throws(() => fileToArticle(file, {strict: true}), (error: unknown) => {
      assert.equal((error as {ruleId?: unknown}).ruleId, 'front-matter-yaml')
      assert.equal((error as {file?: unknown}).file, 'x.html')
      return true
    })
  })

  it('should give the front matter as a plain object whose keys can be changed and deleted', () => {
    const file = new VFile({value: '---\ntitle: A\nlayout: post\n---\n<p>b</p>'})
    fileToArticle(file)
    const matter = file.data.matter!
    matter['title'] = 'B'
    matter['layout'] = 'page'
    assert.deepEqual(matter, {title: 'B', layout: 'page'})
    assert.equal(Reflect.deleteProperty(matter, 'title'), true)
    assert.equal(Reflect.deleteProperty(matter, 'layout'), true)
    assert.deepEqual(matter, {})
  })

  it('should parse again with other options, and when `file.data.article` was replaced', () => {
    const value = '---\ntitle: A\n---\n<p><img src="a.png"></p>\n'
    const file = new VFile({value})
    const first = fileToArticle(file)
    const off = {rules: {'image-alt-missing': 'off'}} as const
    const second = fileToArticle(file, off)
    assert.notEqual(second, first)
    assert.deepEqual(second.messages, [])
    // The same options object again: nothing new.
    assert.equal(fileToArticle(file, off), second)
    file.data.article = first
    const third = fileToArticle(file, off)
    assert.notEqual(third, first)
    assert.notEqual(third, second)
    assert.equal(file.data.article, third)
  })

  it('should throw the first fatal message when `strict`, after the warnings before it and the errors after it', () => {
    // A warning (the removed `<blink>`), then two errors: the image without `alt` and the empty heading, made errors.
    const value = '---\ntitle: A\n---\n<p><blink></blink></p>\n<p><img src="a.png"></p>\n<h2></h2>\n'
    const file = new VFile({path: 'a.html', value})
    assert.throws(() => fileToArticle(file, {strict: true, rules: {'image-alt-missing': 'error', 'heading-empty': 'error'}}), (error: unknown) => {
      assert.equal((error as {ruleId?: unknown}).ruleId, 'image-alt-missing')
      assert.equal((error as {line?: unknown}).line, 5)
      return true
    })
    assert.deepEqual(
      file.messages.map((message) => [message.ruleId, message.line, message.fatal]),
      [['sanitized-element', 4, false], ['image-alt-missing', 5, true], ['heading-empty', 6, true]]
    )
  })

  it('should not throw when `strict` and no message is fatal', () => {
    const file = new VFile({value: '---\ntitle: A\n---\n<h2></h2>\n'})
    assert.equal(fileToArticle(file, {strict: true}).meta.title, 'A')
    assert.deepEqual(file.messages.map((message) => [message.ruleId, message.fatal]), [['heading-empty', false]])
    assert.equal(unified().use(articleParse, {strict: true}).parse(new VFile({value: '---\ntitle: A\n---\n<p>a</p>\n'})).children.length > 0, true)
  })

  it('should position the messages of an empty file with an empty tree, in the (empty) value', async () => {
    const file = new VFile({path: 'empty.html'})
    await unified().use(rehypeArticle).run({type: 'root', children: []}, file)
    assert.deepEqual(file.messages.map((message) => [message.ruleId, message.line, message.column]), [
      ['front-matter-missing', 1, 1],
      ['body-empty', 1, 1]
    ])
  })
})

describe('articleParse with a `<template>` the schema allows', () => {
  it('should position its content in the raw post too', () => {
    const schema = {...defaultSchema, tagNames: [...(defaultSchema.tagNames ?? []), 'template']}
    const value = '---\ntitle: A\n---\n<template><p>a</p></template>\n'
    const tree = unified().use(articleParse, {schema}).parse(new VFile({value}))
    const template = tree.children.find((node) => node.type === 'element')
    assert.ok(template?.type === 'element' && template.tagName === 'template' && template.content)
    const [paragraph] = template.content.children
    assert.ok(paragraph?.position)
    assert.equal(value.slice(paragraph.position.start.offset, paragraph.position.end.offset), '<p>a</p>')
    assert.deepEqual([paragraph.position.start.line, paragraph.position.start.column], [4, 11])
  })
})
