/**
 * What the built package imports, against what package.json declares:
 * dist/ imports its dependencies and inlines none of them, and
 * `dependencies` holds nothing dist/ does not need.
 */
import assert from 'node:assert/strict'
import {accessSync, constants, existsSync, readdirSync, readFileSync} from 'node:fs'
import {isBuiltin} from 'node:module'
import path from 'node:path'
import {before, describe, it} from 'node:test'
import {fileURLToPath} from 'node:url'
import ts from 'typescript'
import {ensureBuilt} from '../scripts/ensure-build.ts'

interface PackageJson {
  name: string
  bin: Record<string, string>
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = path.join(root, 'dist')
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson
const dependencies = Object.keys(packageJson.dependencies ?? {})
const peerDependencies = Object.keys(packageJson.peerDependencies ?? {})

/** Files under dist/ (paths relative to it, with `/`) whose name ends with `suffix`. */
function distFiles(suffix: string): string[] {
  return readdirSync(dist, {recursive: true, encoding: 'utf8'})
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith(suffix))
    .sort()
}

/** Import specifiers of a file, by TypeScript's parser: static ones (imports, re-exports), and dynamic ones (literal `import()`, `import('x').T`, `declare module 'x'`, `/// <reference types>`). */
function imports(file: string): {static: string[]; dynamic: string[]} {
  const text = readFileSync(path.join(dist, file), 'utf8')
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('.d.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS)
  const found = {static: [] as string[], dynamic: source.typeReferenceDirectives.map((reference) => reference.fileName)}
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.static.push(node.moduleSpecifier.text)
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      found.dynamic.push(node.arguments[0].text)
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.dynamic.push(node.argument.literal.text)
    } else if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) {
      found.dynamic.push(node.name.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

function specifiers(file: string): string[] {
  const {static: fixed, dynamic} = imports(file)
  return [...fixed, ...dynamic]
}

function isBare(specifier: string): boolean {
  return !specifier.startsWith('.') && !specifier.startsWith('/') && !isBuiltin(specifier)
}

/** `yaml/util` → `yaml`, `@types/hast` → `@types/hast`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/')
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/')
}

/** Bare specifiers imported by each file matching `suffix`, by package name. */
function importedPackages(suffix: string): Map<string, string[]> {
  const packages = new Map<string, string[]>()
  for (const file of distFiles(suffix)) {
    for (const specifier of specifiers(file).filter(isBare)) {
      const name = packageName(specifier)
      packages.set(name, [...new Set([...(packages.get(name) ?? []), file])])
    }
  }
  return packages
}

/** Dist files a JavaScript file loads when imported, itself included (static imports only). */
function loadedFiles(entry: string): string[] {
  const seen = new Set<string>()
  const stack = [entry]
  while (stack.length > 0) {
    const file = stack.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    // Only static imports and re-exports: a dynamic `import()` is loaded when called.
    for (const specifier of imports(file).static) {
      if (specifier.startsWith('.')) stack.push(path.posix.join(path.posix.dirname(file), specifier))
    }
  }
  return [...seen]
}

/** What an esbuild bundle or a copied file of these packages would leave in dist/. */
const inlinedMarkers: Array<[what: string, pattern: RegExp]> = [
  // The comment line, not any `node_modules/` in a string (the command line ignores `**/node_modules/**`).
  ['a node_modules path (esbuild marks each inlined file with one)', /^\s*\/\/ (?:\.\.\/)*node_modules\//m],
  ["yaml's YAMLParseError class", /class YAMLParseError\b/],
  ["parse5's Tokenizer class", /class Tokenizer\b/],
  ["entities' decode tables", /htmlDecodeTree|xmlDecodeTree/],
  ['esbuild CommonJS interop', /\b__commonJS\(|\b__toESM\(/]
]

describe('package', () => {
  before(() => ensureBuilt())

  it('should declare every package dist/ imports at run time as a dependency or peer dependency', () => {
    const undeclared = [...importedPackages('.js')]
      .filter(([name]) => name !== packageJson.name && !dependencies.includes(name) && !peerDependencies.includes(name))
      .map(([name, files]) => `${name} (${files.join(', ')})`)
    assert.deepEqual(undeclared, [], 'imported by dist/ but not in dependencies or peerDependencies')
  })

  it('should import every dependency from dist/, or need it for the published types', () => {
    const imported = importedPackages('.js')
    const typed = importedPackages('.d.ts')
    const unused = dependencies.filter((name) => {
      if (imported.has(name)) return false
      // `@types/hast` is the types of `import type … from 'hast'`.
      const typesOf = name.startsWith('@types/') ? name.slice('@types/'.length).replace(/^([^_]+)__/, '@$1/') : undefined
      return !typed.has(name) && !(typesOf && typed.has(typesOf))
    })
    assert.deepEqual(unused, [], 'in dependencies but neither imported by dist/**/*.js nor named by dist/**/*.d.ts')
  })

  it('should inline no third-party code', () => {
    const found: string[] = []
    for (const file of distFiles('.js')) {
      const text = readFileSync(path.join(dist, file), 'utf8')
      for (const [what, pattern] of inlinedMarkers) if (pattern.test(text)) found.push(`${file}: ${what}`)
    }
    assert.deepEqual(found, [])
    assert.equal(existsSync(path.join(dist, 'THIRD-PARTY-LICENSES.md')), false, 'dist/THIRD-PARTY-LICENSES.md: nothing is inlined any more')
  })

  it('should keep parse5 and the hast packages out of what `article-kit/front-matter` loads', () => {
    const files = loadedFiles('front-matter/index.js')
    const html = files.flatMap((file) =>
      specifiers(file)
        .filter((specifier) => /^(?:parse5|hast-util-[^/]+|hastscript|rehype-[^/]+|unified|property-information)(?:\/|$)/.test(specifier))
        .map((specifier) => `${file}: ${specifier}`)
    )
    assert.deepEqual(html, [])
    assert.ok(files.some((file) => specifiers(file).includes('yaml')), 'front-matter/index.js loads yaml')
  })

  it("should give the consumer's own yaml error as the cause of a strict parse's ArticleError", async () => {
    const {parsePost} = await import('article-kit')
    const {YAMLParseError} = await import('yaml')
    assert.throws(
      () => parsePost('---\ntitle: "unclosed\nkey: a: b\n---\n<p>Body</p>\n', {strict: true}),
      (error: Error) => error.name === 'ArticleError' && error.cause instanceof YAMLParseError
    )
  })

  it('should build the command line as an executable file with a shebang', () => {
    for (const target of Object.values(packageJson.bin)) {
      const file = path.join(root, target)
      assert.match(readFileSync(file, 'utf8'), /^#!\/usr\/bin\/env node\n/, target)
      if (process.platform !== 'win32') assert.doesNotThrow(() => accessSync(file, constants.X_OK), `${target} is not executable`)
    }
  })
})
