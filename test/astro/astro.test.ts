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
// The loader's peer range is `^6.0.0 || ^7.0.0`: the example is built with the
// Astro 7 of its lockfile, and with Astro 6.0.0, installed once into the
// ignored .cache/astro6 with a copy of the example.

const repo = fileURLToPath(new URL('../../', import.meta.url))
const example = join(repo, 'examples/astro')
const posts = join(example, 'posts')
const stampFile = join(example, 'node_modules/.article-kit-install')
const lowest = '6.0.0'
const astro6 = join(repo, '.cache/astro6')

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
    await assertSite(result.output, outDir)
  })

  it(`should build the same site with Astro ${lowest}, the lowest of the peer range`, async () => {
    await ensureAstro6()
    // Astro 6 cannot build into a folder outside the project (its prerender chunks would not find their packages).
    const result = await run(node, [join(astro6, 'node_modules/astro/bin/astro.mjs'), 'build', '--force'], {cwd: astro6})
    assert.equal(result.code, 0, result.output)
    await assertSite(result.output, join(astro6, 'dist'))
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

/** The example site built into `outDir`: a page per post with its title and HTML, listed, its data unchanged; the warning logged. */
async function assertSite(output: string, outDir: string): Promise<void> {
  assert.match(output, /posts\/first-light\.html:15:4: Expected an `alt` attribute on this image \[image-alt-missing\]/)
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
}

/** .cache/astro6: a fresh copy of the example with Astro `lowest` (installed when missing) and article-kit from the repository. */
async function ensureAstro6(): Promise<void> {
  await mkdir(astro6, {recursive: true})
  for (const name of ['src', 'posts', 'dist', '.astro']) await rm(join(astro6, name), {recursive: true, force: true})
  for (const name of ['src', 'posts', 'astro.config.mjs']) await cp(join(example, name), join(astro6, name), {recursive: true})
  const manifest = join(astro6, 'node_modules/astro/package.json')
  const installed = existsSync(manifest) ? (JSON.parse(await readFile(manifest, 'utf8')) as {version: string}).version : ''
  if (installed === lowest) return
  const dependencies = {'article-kit': 'file:' + repo, astro: lowest}
  await writeFile(join(astro6, 'package.json'), JSON.stringify({private: true, type: 'module', dependencies}, null, 2) + '\n')
  const result = await run('npm', ['install', '--no-audit', '--no-fund', '--prefix', astro6], {cwd: astro6})
  assert.equal(result.code, 0, result.output)
}

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
