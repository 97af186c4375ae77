/**
 * Run every `@example` in the doc comments of `src/`.
 *
 * An example is TypeScript run with the public exports (`article-kit` and
 * `article-kit/front-matter`) and the exports of its own module in scope;
 * `import … from 'article-kit'` lines are allowed and dropped. A line
 * `//=> value` (alone or after the code) checks the expression statement
 * just before it: `value` is evaluated as a JavaScript literal and compared
 * with `assert.deepStrictEqual`. After `console.log(a, b)`, write the logged
 * values separated by spaces (`//=> 'x' 2`). Other imports (`vfile`,
 * `unified`, …) are loaded with `import()`. An example that must not run
 * starts with a line `// not run: <reason>`.
 */
import assert from 'node:assert/strict'
import {readFileSync, readdirSync} from 'node:fs'
import {join, relative} from 'node:path'
import {describe, it} from 'node:test'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {inspect} from 'node:util'
import ts from 'typescript'

interface Example {
  /** `src/…:line` of the `@example` tag. */
  where: string
  /** The documented export, when one follows the comment. */
  name: string
  file: string
  code: string
  /** Why it is not run, from `// not run: …`. */
  skip: string | undefined
}

interface Expectation {
  /** Line in the example, 1-based. */
  line: number
  /** The literal after `//=>`. */
  expected: string
  /** The values came from `console.log`. */
  logged: boolean
}

type Scope = Record<string, unknown>
type Check = (index: number, actual: unknown) => void

const root = fileURLToPath(new URL('..', import.meta.url))
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...parameters: string[]) => (...values: unknown[]) => Promise<void>
const identifier = /^[A-Za-z_$][\w$]*$/
const libraryImport = /^article-kit(?:\/[\w-]+)?$/

// The library (src/) and its Node-only entry points (node/: the command line, the Astro loader).
const examples = ['src', 'node'].flatMap((folder) =>
  readdirSync(join(root, folder), {recursive: true, encoding: 'utf8'})
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'))
    .sort()
    .flatMap((path) => extract(join(root, folder, path)))
)

const publicScope: Scope = {
  ...(await import('../src/index.ts')),
  ...(await import('../src/front-matter/index.ts'))
}

describe('@example blocks in src/', () => {
  it('should find examples', () => {
    assert.ok(examples.length > 10, `found only ${examples.length}`)
  })

  it('should catch a wrong value, an unreached check and a throw (self-test)', async () => {
    const example = (code: string): Example => ({where: 'test', name: 'test', file: fileURLToPath(import.meta.url), code, skip: undefined})
    assert.deepEqual(await run(example('1 + 1\n//=> 2\nparseDate(\'2024-07-18\') //=> \'2024-07-18\'')), [])
    assert.deepEqual(await run(example("for (const x of [1]) console.log(x, 'a', {b: [x]})\n//=> 1 'a' {b: [1]}")), [])
    assert.match((await run(example('1 + 1\n//=> 3')))[0] ?? '', /line 2: expected 3, got 2/)
    assert.match((await run(example('if (false) 1\n//=> 1')))[0] ?? '', /never reached/)
    assert.match((await run(example('missing()')))[0] ?? '', /throws ReferenceError/)
  })

  for (const example of examples) {
    if (example.skip) {
      // An example that needs a host tool (Astro, a Vite config) is not run, but it must still be valid TypeScript.
      it(`should parse the example of ${example.name} (${example.where}; not run: ${example.skip})`, () => {
        const output = ts.transpileModule(example.code, {reportDiagnostics: true, compilerOptions: {module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022}})
        assert.deepEqual(
          (output.diagnostics ?? []).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')),
          []
        )
      })
      continue
    }
    it(`should run the example of ${example.name} (${example.where})`, async () => {
      const problems = await run(example)
      if (problems.length > 0) assert.fail(`${example.where} (${example.name}):\n  ${problems.join('\n  ')}\n\n${example.code}`)
    })
  }
})

/** Every `@example` of the doc comments in one file. */
function extract(file: string): Example[] {
  const text = readFileSync(file, 'utf8')
  const found: Example[] = []
  for (const match of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const lines = match[0].slice(3, -2).split('\n').map((line) => line.replace(/^\s*\* ?/, ''))
    const after = text.slice(match.index + match[0].length)
    const name = /^\s*export\s+(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type)\s+([\w$]+)/.exec(after)?.[1] ?? '(no export)'
    const commentLine = text.slice(0, match.index).split('\n').length
    lines.forEach((line, index) => {
      if (!/^@example\b/.test(line)) return
      const end = lines.findIndex((other, otherIndex) => otherIndex > index && /^@\w/.test(other))
      const code = lines.slice(index + 1, end === -1 ? undefined : end).join('\n').trim()
      const skip = /^\/\/ not run: (.+)/.exec(code)?.[1]
      found.push({where: `${relative(root, file)}:${commentLine + index}`, name, file, code, skip})
    })
  }
  return found
}

/** Run one example; returns what went wrong, if anything. */
async function run(example: Example): Promise<string[]> {
  const problems: string[] = []
  let instrumented: {code: string; expectations: Expectation[]}
  try {
    instrumented = instrument(example.code)
  } catch (error) {
    return [`cannot prepare: ${(error as Error).message}`]
  }
  const {code, expectations} = instrumented
  const scope: Scope = {...publicScope, ...(await import(pathToFileURL(example.file).href))}
  const names = Object.keys(scope).filter((name) => identifier.test(name))
  const checked = new Set<number>()
  const check: Check = (index, actual) => {
    checked.add(index)
    const expectation = expectations[index]!
    let expected: unknown
    try {
      expected = evaluate(expectation.logged ? `[${spaceToComma(expectation.expected)}]` : expectation.expected)
    } catch (error) {
      problems.push(`line ${expectation.line}: cannot evaluate \`//=> ${expectation.expected}\`: ${(error as Error).message}`)
      return
    }
    try {
      assert.deepStrictEqual(actual, expected)
    } catch {
      problems.push(`line ${expectation.line}: expected ${inspect(expected, {depth: 6})}, got ${inspect(actual, {depth: 6})}`)
    }
  }
  try {
    // Imports resolve from this file, so any installed package can be imported.
    const load = (specifier: string): Promise<unknown> => import(specifier)
    await new AsyncFunction(...names, '__check', '__import', code)(...names.map((name) => scope[name]), check, load)
  } catch (error) {
    problems.push(`throws ${error instanceof Error ? `${error.name}: ${error.message}` : inspect(error)}`)
  }
  expectations.forEach((expectation, index) => {
    if (!checked.has(index) && problems.length === 0) problems.push(`line ${expectation.line}: \`//=> ${expectation.expected}\` was never reached`)
  })
  return problems
}

/**
 * Wrap the expression statement before each `//=>` comment in `__check`,
 * drop `article-kit` imports, and compile the TypeScript to JavaScript.
 */
function instrument(code: string): {code: string; expectations: Expectation[]} {
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS)
  const statements: ts.Statement[] = []
  const edits: Array<{start: number; end: number; text: string}> = []
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      edits.push({start: node.getStart(), end: node.end, text: importToCode(node)})
      return
    }
    if (ts.isExportDeclaration(node) || ts.isExportAssignment(node) || (ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword))) {
      throw new Error('has an `export`: a module file cannot run as an example; start it with `// not run: <reason>`')
    }
    if (ts.isStatement(node)) statements.push(node)
    ts.forEachChild(node, visit)
  }
  visit(source)

  const expectations: Expectation[] = []
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, code)
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind !== ts.SyntaxKind.SingleLineCommentTrivia || !scanner.getTokenText().startsWith('//=>')) continue
    const position = scanner.getTokenStart()
    const line = source.getLineAndCharacterOfPosition(position).line + 1
    // The statement that ends last before the comment; the innermost on a tie (`if (x) f()`).
    let target: ts.Statement | undefined
    for (const statement of statements) {
      if (statement.end > position) continue
      if (!target || statement.end > target.end || (statement.end === target.end && statement.getStart() >= target.getStart())) target = statement
    }
    if (!target || !ts.isExpressionStatement(target)) throw new Error(`line ${line}: no expression statement before \`//=>\``)
    const expression = target.expression
    const logged = ts.isCallExpression(expression) && expression.expression.getText() === 'console.log'
    const value = logged ? `[${(expression as ts.CallExpression).arguments.map((argument) => argument.getText()).join(', ')}]` : `(${expression.getText()})`
    edits.push({start: target.getStart(), end: target.end, text: `__check(${expectations.length}, ${value});`})
    expectations.push({line, expected: scanner.getTokenText().slice(4).trim(), logged})
  }

  let result = code
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end)
  const output = ts.transpileModule(result, {compilerOptions: {target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext}}).outputText
  return {code: output.replace(/^export \{\};?\s*$/m, ''), expectations}
}

/**
 * An import as a statement that runs inside a function: `article-kit`'s are
 * dropped (its exports are in scope), others become `await __import(…)`.
 */
function importToCode(node: ts.ImportDeclaration): string {
  const from = (node.moduleSpecifier as ts.StringLiteral).text
  const clause = node.importClause
  if (libraryImport.test(from) || clause?.isTypeOnly) return ''
  const load = `await __import(${JSON.stringify(from)})`
  if (!clause) return `${load};`
  const names: string[] = clause.name ? [`default: ${clause.name.text}`] : []
  const bindings = clause.namedBindings
  if (bindings && ts.isNamespaceImport(bindings)) {
    return `const ${bindings.name.text} = ${load};${names.length > 0 ? ` const {${names.join(', ')}} = ${bindings.name.text};` : ''}`
  }
  for (const element of bindings?.elements ?? []) {
    if (!element.isTypeOnly) names.push(element.propertyName ? `${element.propertyName.getText()}: ${element.name.text}` : element.name.text)
  }
  return `const {${names.join(', ')}} = ${load};`
}

/** `'a' 2 {b: 1}` → `'a', 2, {b: 1}`: white space outside strings and brackets separates logged values. */
function spaceToComma(value: string): string {
  let result = ''
  let depth = 0
  let quote = ''
  for (let index = 0; index < value.length; index++) {
    const character = value[index]!
    if (quote) {
      if (character === '\\') result += character + (value[++index] ?? '')
      else {
        if (character === quote) quote = ''
        result += character
      }
      continue
    }
    if (character === "'" || character === '"' || character === '`') quote = character
    else if ('([{'.includes(character)) depth++
    else if (')]}'.includes(character)) depth--
    if (depth === 0 && /\s/.test(character)) {
      while (/\s/.test(value[index + 1] ?? '')) index++
      result += ', '
      continue
    }
    result += character
  }
  return result
}

function evaluate(literal: string): unknown {
  return new Function(`return (${literal})`)() as unknown
}
