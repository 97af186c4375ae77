import assert from 'node:assert/strict'
import {mkdir, mkdtemp, rm, symlink, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {after, before, describe, it} from 'node:test'
import {expandGlob, isGlob} from '../../node/cli/glob.ts'

describe('isGlob', () => {
  it('should be true for `*`, `?`, `**` and `{a,b}`', () => {
    for (const pattern of ['*.md', 'posts/?.md', 'posts/**', '{a,b}.md']) assert.equal(isGlob(pattern), true, pattern)
  })

  it('should be false for plain paths, escaped characters and `{a}`', () => {
    for (const pattern of ['posts/a.md', '/abs/a.md', 'a\\*.md', '{a}.md', 'a{b.md']) assert.equal(isGlob(pattern), false, pattern)
  })
})

describe('expandGlob', () => {
  let root = ''

  before(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'article-kit-glob-'))
    const files = [
      'a.md',
      'b.html',
      'q1.md',
      'q22.md',
      '.hidden.md',
      's*.md',
      'posts/x.md',
      'posts/deep/y.md',
      'posts/deep/z.txt',
      'posts/.drafts/d.md',
      'node_modules/pkg/m.md',
      '한글/글.md'
    ]
    for (const file of files) {
      await mkdir(path.dirname(path.join(root, file)), {recursive: true})
      await writeFile(path.join(root, file), '')
    }
    await symlink(path.join(root, 'a.md'), path.join(root, 'posts', 'link.md'), 'file')
  })

  after(async () => {
    await rm(root, {recursive: true, force: true})
  })

  it('should match `*` in one folder, without hidden files', async () => {
    assert.deepEqual(await expandGlob('*.md', {cwd: root}), ['a.md', 'q1.md', 'q22.md', 's*.md'])
  })

  it('should match hidden files when the pattern starts with a dot', async () => {
    assert.deepEqual(await expandGlob('.*.md', {cwd: root}), ['.hidden.md'])
  })

  it('should match `?` as exactly one character', async () => {
    assert.deepEqual(await expandGlob('q?.md', {cwd: root}), ['q1.md'])
  })

  it('should match `**` across folders, skipping dot folders and node_modules, with linked files', async () => {
    assert.deepEqual(await expandGlob('**/*.md', {cwd: root}), [
      'a.md',
      'posts/deep/y.md',
      'posts/link.md',
      'posts/x.md',
      'q1.md',
      'q22.md',
      's*.md',
      '한글/글.md'
    ])
  })

  it('should follow a linked folder, and a link back up the tree only once', async () => {
    const tree = await mkdtemp(path.join(os.tmpdir(), 'article-kit-glob-loop-'))
    try {
      await mkdir(path.join(tree, 'posts'))
      await mkdir(path.join(tree, 'elsewhere'))
      await writeFile(path.join(tree, 'posts', 'a.md'), '')
      await writeFile(path.join(tree, 'elsewhere', 'b.md'), '')
      await symlink(path.join(tree, 'elsewhere'), path.join(tree, 'posts', 'linked'), 'dir')
      await symlink(path.join(tree, 'posts'), path.join(tree, 'posts', 'loop'), 'dir')
      assert.deepEqual(await expandGlob('posts/**/*.md', {cwd: tree}), ['posts/a.md', 'posts/linked/b.md', 'posts/loop/a.md', 'posts/loop/linked/b.md'])
    } finally {
      await rm(tree, {recursive: true, force: true})
    }
  })

  it('should expand brace groups and ranges without listing them out first', async () => {
    const start = Date.now()
    assert.deepEqual(await expandGlob('{a,b}'.repeat(20) + '.md', {cwd: root}), [])
    assert.deepEqual(await expandGlob('x{1..100000000}.md', {cwd: root}), [])
    assert.ok(Date.now() - start < 5000)
    assert.deepEqual(await expandGlob('{a,b{,s}}.{md,html}', {cwd: root}), ['a.md', 'b.html'])
  })

  it('should match `[…]` classes', async () => {
    assert.deepEqual(await expandGlob('[ab].*', {cwd: root}), ['a.md', 'b.html'])
  })

  it('should list every file under a folder for a final `**`', async () => {
    assert.deepEqual(await expandGlob('posts/**', {cwd: root}), ['posts/deep/y.md', 'posts/deep/z.txt', 'posts/link.md', 'posts/x.md'])
  })

  it('should match `**` in the middle, including zero folders', async () => {
    assert.deepEqual(await expandGlob('posts/**/y.md', {cwd: root}), ['posts/deep/y.md'])
    assert.deepEqual(await expandGlob('posts/**/x.md', {cwd: root}), ['posts/x.md'])
  })

  it('should merge repeated `**` and not list a file twice', async () => {
    assert.deepEqual(await expandGlob('**/**/deep/*.md', {cwd: root}), ['posts/deep/y.md'])
  })

  it('should expand `{a,b}` groups, even across folders', async () => {
    assert.deepEqual(await expandGlob('{a,posts/x}.md', {cwd: root}), ['a.md', 'posts/x.md'])
    assert.deepEqual(await expandGlob('*.{md,html}', {cwd: root}), ['a.md', 'b.html', 'q1.md', 'q22.md', 's*.md'])
  })

  it('should walk into a named dot folder', async () => {
    assert.deepEqual(await expandGlob('posts/.drafts/*.md', {cwd: root}), ['posts/.drafts/d.md'])
  })

  it('should match a folder with `*`', async () => {
    assert.deepEqual(await expandGlob('*/x.md', {cwd: root}), ['posts/x.md'])
  })

  it('should keep the prefix as written', async () => {
    assert.deepEqual(await expandGlob('./posts/*.md', {cwd: root}), ['./posts/link.md', './posts/x.md'])
    assert.deepEqual(await expandGlob(path.join(root, 'posts', '*.md')), [
      path.join(root, 'posts', 'link.md'),
      path.join(root, 'posts', 'x.md')
    ])
  })

  it('should match Hangul names', async () => {
    assert.deepEqual(await expandGlob('한글/*.md', {cwd: root}), ['한글/글.md'])
  })

  it('should treat an escaped `*` literally', async () => {
    assert.deepEqual(await expandGlob('s\\*.md', {cwd: root}), ['s*.md'])
    assert.deepEqual(await expandGlob('{s\\*,nothing}.md', {cwd: root}), ['s*.md'])
  })

  it('should not list folders', async () => {
    assert.deepEqual(await expandGlob('post*', {cwd: root}), [])
  })

  it('should return nothing for a folder that does not exist', async () => {
    assert.deepEqual(await expandGlob('missing/**/*.md', {cwd: root}), [])
  })
})
