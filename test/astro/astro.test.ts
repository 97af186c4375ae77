import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync} from 'node:fs'
import {cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {delimiter, dirname, join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {fileURLToPath} from 'node:url'
import {parsePost, renderHtml} from '../../src/index.ts'
import {toArticleData} from '../../node/astro/index.ts'
import {ensureBuilt} from '../../scripts/ensure-build.ts'

// Astro 7 needs Node >= 22.12: this test builds the example site with Node 24,
// downloaded once into .cache/node24 (as the `node-<platform>-<arch>` npm package)
// when the Node running the tests is older. The example's dependencies are
// installed once, and again only when its package.json or lockfile changes.

const repo = fileURLToPath(new URL('../../', import.meta.url))
const example = join(repo, 'examples/astro')
const posts = join(example, 'posts')
const stampFile = join(example, 'node_modules/.article-kit-install')

let temp = ''
let node = ''

before(async () => {
  temp = await mkdtemp(join(tmpdir(), 'article-kit-astro-'))
  node = await ensureNode()
  ensureBuilt()
  await ensureInstalled()
})

after(async () => {
  await rm(temp, {recursive: true, force: true})
})

describe('articleLoader in Astro', {timeout: 180_000}, () => {
  it('should build a page per post with its title and rendered HTML, and log warnings with file:line:column', async () => {
    const outDir = join(temp, 'site')
    const result = await astroBuild(example, outDir)
    assert.equal(result.code, 0, result.output)
    assert.match(result.output, /posts\/first-light\.html:15:4: Expected an `alt` attribute on this image \[image-alt-missing\]/)

    const index = await readFile(join(outDir, 'index.html'), 'utf8')
    for (const name of await readdir(posts)) {
      const id = name.replace(/\.[^.]+$/, '')
      const article = parsePost(await readFile(join(posts, name), 'utf8'))
      const title = article.meta.title!
      const page = await readFile(join(outDir, 'posts', id, 'index.html'), 'utf8')
      assert.ok(page.includes(`<h1>${title}</h1>`), `${id}: title`)
      assert.ok(page.includes(renderHtml(article)), `${id}: rendered HTML`)
      assert.ok(index.includes(title), `${id}: listed`)
      // The data went through the Zod schema: nothing was stripped or changed.
      const data: unknown = JSON.parse(await readFile(join(outDir, 'data', id + '.json'), 'utf8'))
      assert.deepEqual(data, JSON.parse(JSON.stringify(toArticleData(article))), `${id}: data`)
    }
  })

  it('should fail the build with file:line:column on a fatal message', async () => {
    const copy = join(temp, 'broken')
    await cp(example, copy, {recursive: true, filter: (source) => !/[\\/](node_modules|\.astro|dist)$/.test(source)})
    await symlink(join(example, 'node_modules'), join(copy, 'node_modules'), 'dir')
    await writeFile(join(copy, 'posts/broken.html'), '---\ntitle: Never closed\n\n<p>Body</p>\n')
    const result = await astroBuild(copy, join(temp, 'broken-site'))
    assert.notEqual(result.code, 0)
    assert.match(result.output, /posts\/broken\.html:1:1: Expected a closing `---` for the front matter \[front-matter-unclosed\]/)
  })
})

/** A Node >= 22.12: this one, or Node 24 from .cache/node24 (downloaded with `npm pack` when missing). */
async function ensureNode(): Promise<string> {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
  if (major > 22 || (major === 22 && minor >= 12)) return process.execPath
  const cache = join(repo, '.cache/node24')
  const binary = join(cache, 'package/bin/node')
  if (existsSync(binary)) return binary
  const platform = process.platform === 'win32' ? 'win' : process.platform
  await mkdir(cache, {recursive: true})
  const packed = await run('npm', ['pack', `node-${platform}-${process.arch}@24`, '--silent'], {cwd: cache})
  assert.equal(packed.code, 0, packed.output)
  const tarball = packed.output.trim().split('\n').at(-1)!
  const extracted = await run('tar', ['-xzf', tarball], {cwd: cache})
  assert.equal(extracted.code, 0, extracted.output)
  return binary
}

/** `npm install` in the example with Node 24, unless its package.json and lockfile did not change. */
async function ensureInstalled(): Promise<void> {
  const stamp = async () => {
    const hash = createHash('sha256')
    for (const name of ['package.json', 'package-lock.json']) {
      if (existsSync(join(example, name))) hash.update(await readFile(join(example, name)))
    }
    return hash.digest('hex')
  }
  const installed = existsSync(stampFile) ? await readFile(stampFile, 'utf8') : ''
  if (existsSync(join(example, 'node_modules/astro/package.json')) && installed === (await stamp())) return
  const result = await run('npm', ['install', '--no-audit', '--no-fund', '--prefix', example], {cwd: example})
  assert.equal(result.code, 0, result.output)
  await writeFile(stampFile, await stamp())
}

function astroBuild(root: string, outDir: string): Promise<{code: number | null; output: string}> {
  // `--force`: both builds share the example's node_modules, so its content cache too.
  return run(node, [join(example, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir, '--force'], {cwd: root})
}

/** Run a command with Node 24 first on PATH and without the npm variables of `npm test`; resolve with its output. */
function run(command: string, args: string[], options: {cwd: string}): Promise<{code: number | null; output: string}> {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    // `npm test` sets npm_config_* (the prefix among them): a nested npm would install into the repository.
    if (!/^(npm_|INIT_CWD$)/i.test(key)) env[key] = value
  }
  if (node) env['PATH'] = dirname(node) + delimiter + (env['PATH'] ?? '')
  env['ASTRO_TELEMETRY_DISABLED'] = '1'
  env['NO_COLOR'] = '1'
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe']})
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, output}))
  })
}
