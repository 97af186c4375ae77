/**
 * Every ```ts block of README.md and docs/*.md type-checks, as a user's
 * project would check it: each block is a file of a consumer project in a
 * temporary folder (`strict`, `module: nodenext`, ESM) that has the packed
 * package installed under node_modules/article-kit (`npm pack` of this
 * repository, extracted there, so `exports` and `files` are the published
 * ones) and this repository's other packages beside it (linked).
 *
 * A block that uses a name of `article-kit` without importing it (the API
 * one-liners) gets every runtime export of `article-kit` imported on a last
 * line of its own (imports are hoisted, and a `/// <reference>` must stay on
 * top); errors are reported at their line in the Markdown file. A block
 * that is not meant to compile is fenced as something other than `ts`
 * (```js, ```txt), with the reason in the text around it.
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {after, before, describe, it} from 'node:test'
import {fileURLToPath} from 'node:url'
import ts from 'typescript'
import {ensureBuilt} from '../scripts/ensure-build.ts'

interface Block {
  /** `README.md:85`: the Markdown file and the line of the block's first code line. */
  where: string
  code: string
}

const root = fileURLToPath(new URL('..', import.meta.url))
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')

/** The Markdown files whose `ts` blocks are checked. */
const documents = ['README.md', ...readdirSync(path.join(root, 'docs')).filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`)]

/** Every ```ts block of a Markdown file (the fence may carry more words after `ts`). */
export function extractBlocks(text: string, name: string): Block[] {
  const blocks: Block[] = []
  const lines = text.split(/\r?\n/)
  let fence: {marker: string; ts: boolean; start: number; code: string[]} | undefined
  lines.forEach((line, index) => {
    if (fence) {
      if (line.trim() === fence.marker) {
        if (fence.ts) blocks.push({where: `${name}:${fence.start}`, code: fence.code.join('\n')})
        fence = undefined
      } else fence.code.push(line)
      return
    }
    const open = /^\s*(```+|~~~+)\s*([^\s`]*)/.exec(line)
    if (open) fence = {marker: open[1]!, ts: open[2] === 'ts' || open[2] === 'typescript', start: index + 2, code: []}
  })
  return blocks
}

/** A block without an `article-kit` import gets every runtime export of `article-kit`, on a line after it. */
function prelude(code: string, exportNames: readonly string[]): string {
  return /from\s+['"]article-kit['"]/.test(code) ? '' : `import {${exportNames.join(', ')}} from 'article-kit'`
}

let project: string | undefined

/** Pack the package into a temporary consumer project and link the repository's other packages beside it. */
function createProject(): string {
  ensureBuilt()
  const folder = mkdtempSync(path.join(tmpdir(), 'article-kit-readme-types-'))
  const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', folder], {cwd: root, encoding: 'utf8'})
  assert.equal(packed.status, 0, `npm pack failed:\n${packed.stderr}`)
  const tarball = path.join(folder, packed.stdout.trim().split('\n').at(-1)!)
  const modules = path.join(folder, 'node_modules')
  mkdirSync(path.join(modules, 'article-kit'), {recursive: true})
  const extracted = spawnSync('tar', ['-xzf', tarball, '-C', path.join(modules, 'article-kit'), '--strip-components=1'], {encoding: 'utf8'})
  assert.equal(extracted.status, 0, `tar failed:\n${extracted.stderr}`)
  // Its dependencies, and the packages the examples import (unified, vite, …): the repository's, linked.
  for (const entry of readdirSync(path.join(root, 'node_modules'))) {
    if (entry === 'article-kit' || entry.startsWith('.')) continue
    symlinkSync(path.join(root, 'node_modules', entry), path.join(modules, entry), 'dir')
  }
  writeFileSync(path.join(folder, 'package.json'), JSON.stringify({name: 'consumer', private: true, type: 'module'}))
  return folder
}

/**
 * Type-check blocks in the consumer project with the repository's TypeScript.
 *
 * @returns One line per error, `README.md:90: error TS…: message`.
 */
function check(folder: string, blocks: readonly Block[], exportNames: readonly string[]): string[] {
  const source = path.join(folder, 'blocks')
  rmSync(source, {recursive: true, force: true})
  mkdirSync(source)
  blocks.forEach((block, index) => {
    // Every block is a module of its own (`export {}`), so names do not clash between blocks.
    writeFileSync(path.join(source, `block-${String(index).padStart(3, '0')}.ts`), `${block.code}\n${prelude(block.code, exportNames)}\nexport {}\n`)
  })
  writeFileSync(
    path.join(folder, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        lib: ['es2023', 'dom'],
        types: ['node'],
        noEmit: true,
        skipLibCheck: true
      },
      include: ['blocks']
    })
  )
  const result = spawnSync(process.execPath, [tsc, '-p', folder, '--pretty', 'false'], {cwd: folder, encoding: 'utf8'})
  const output = `${result.stdout}${result.stderr}`
  const problems: string[] = []
  for (const line of output.split('\n')) {
    const match = /^blocks[\\/]block-(\d+)\.ts\((\d+),(\d+)\): (.*)$/.exec(line)
    if (!match) {
      // An indented line goes on with the message before it.
      if (/^\s/.test(line) && problems.length > 0) problems[problems.length - 1] += `\n${line}`
      else if (line.trim() !== '') problems.push(line)
      continue
    }
    const block = blocks[Number(match[1])]!
    const [name, start] = [block.where.slice(0, block.where.lastIndexOf(':')), Number(block.where.slice(block.where.lastIndexOf(':') + 1))]
    problems.push(`${name}:${start + Number(match[2]) - 1}:${match[3]}: ${match[4]}`)
  }
  if (result.status !== 0 && problems.length === 0) problems.push(`tsc exited with ${result.status}: ${output}`)
  return problems
}

describe('```ts blocks of README.md and docs/ type-check in a consumer project', () => {
  const blocks = documents.flatMap((name) => extractBlocks(readFileSync(path.join(root, name), 'utf8'), name))
  let exportNames: string[] = []

  before(async () => {
    project = createProject()
    exportNames = Object.keys(await import('../src/index.ts')).sort()
  })

  after(() => {
    if (project) rmSync(project, {recursive: true, force: true})
  })

  it('should find the blocks', () => {
    assert.ok(blocks.length >= 8, `found only ${blocks.length}`)
    assert.ok(blocks.some((block) => block.where.startsWith('docs/integrations.md:')))
  })

  it('should find fences, and only `ts` ones (self-test)', () => {
    const markdown = ['# A', '', '```ts', 'const a = 1', '```', '', '```js', 'b', '```', '', '````ts', '```', 'c', '````', ''].join('\n')
    assert.deepEqual(extractBlocks(markdown, 'x.md'), [
      {where: 'x.md:4', code: 'const a = 1'},
      {where: 'x.md:12', code: '```\nc'}
    ])
  })

  it('should type-check every block under `strict`, reporting an error at its file:line', () => {
    // A block that must fail, checked in the same run: the check is not vacuous, and its line is right.
    const wrong: Block = {where: 'self-test.md:10', code: "import {parsePost} from 'article-kit'\n\nconst title: string = parsePost('').meta.title"}
    const problems = check(project!, [...blocks, wrong], exportNames)
    const own = problems.filter((problem) => problem.startsWith('self-test.md:'))
    assert.equal(own.length, 1, `expected one error in the self-test block, got:\n${problems.join('\n')}`)
    assert.match(own[0]!, /^self-test\.md:12:7: error TS2322: Type 'string \| null' is not assignable to type 'string'/)
    assert.ok(problems.every((problem) => /^[\w./-]+\.md:\d+:\d+: /.test(problem)), problems.join('\n'))
    const rest = problems.filter((problem) => !problem.startsWith('self-test.md:'))
    assert.deepEqual(rest, [], `README/docs blocks that do not type-check:\n${rest.join('\n')}`)
  })
})
