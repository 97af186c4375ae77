import assert from 'node:assert/strict'
import {existsSync} from 'node:fs'
import path from 'node:path'
import {describe, it} from 'node:test'
import {pathToFileURL} from 'node:url'
import {fastTestFiles, isSlow, slow, slowEntry} from '../../scripts/test-fast.ts'
import {allTestFiles, entryNames, groupSource, groups, plan, processSeconds, together} from '../../scripts/test-run.ts'
import {projectRoot} from '../support/shared.ts'

describe('how the test files are run', () => {
  const files = allTestFiles()

  it('should find every test file, this one among them', () => {
    assert.ok(files.includes('test/scripts/test-run.test.ts'))
    assert.ok(files.includes('test/browser/xss.test.ts'))
    assert.ok(files.every((file) => file.startsWith('test/') && file.endsWith('.test.ts')))
  })

  it('should run every test file exactly once, slow ones alone and the rest in the groups', () => {
    const {alone, shared} = plan(files)
    assert.deepEqual([...alone, ...shared.flat()].sort(), files)
    assert.ok(alone.every(isSlow))
    assert.ok(shared.flat().every((file) => !isSlow(file)))
    assert.equal(shared.length, groups)
    const sizes = shared.map((list) => list.length)
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, 'groups of like size: ' + sizes.join(', '))
    assert.deepEqual(shared.flat().sort(), fastTestFiles())
  })

  it('should start the processes heaviest first, each exactly once, in the order of their entries\' names', () => {
    const {alone, shared, order} = plan(files)
    assert.deepEqual(order.flat().sort(), files)
    const joined = together.reduce((sum, list) => sum + list.length - 1, 0)
    assert.equal(order.length, alone.length - joined + shared.length)
    for (const list of together) assert.ok(order.some((processFiles) => processFiles.join() === list.join()), list.join())
    for (let index = 1; index < order.length; index++) {
      assert.ok(processSeconds(order[index - 1]!) >= processSeconds(order[index]!), order[index - 1]!.join() + ' before ' + order[index]!.join())
    }
    assert.deepEqual(order[0], ['test/browser/xss.test.ts', 'test/security/static-audit.test.ts'])
    const entries = entryNames(order)
    const names = entries.map((entry) => entry.name)
    assert.deepEqual([...names].sort(), names)
    assert.deepEqual(entries.map((entry) => entry.files), order)
    assert.ok(names.every((name) => /^\d+-[\w.+-]+\.mjs$/.test(name)), names.join(', '))
    assert.equal(new Set(names).size, names.length)
  })

  it('should run the files of a together list that are in the run, and those alone', () => {
    const [first, second] = together[0]!
    assert.deepEqual(plan([first!, 'test/api.test.ts']).order, [[first], ['test/api.test.ts']])
    assert.deepEqual(plan([second!]).order, [[second]])
    assert.ok(together.flat().every(isSlow))
  })

  it('should take a file\'s own entry over its folder\'s', () => {
    assert.equal(slowEntry('test/browser/xss.test.ts'), slow['test/browser/xss.test.ts'])
    assert.equal(slowEntry('test/browser/playground.test.ts'), slow['test/browser/'])
    assert.equal(slowEntry('test/api.test.ts'), undefined)
  })

  it('should list only files and folders that exist as slow', () => {
    for (const entry of Object.keys(slow)) assert.ok(existsSync(path.join(projectRoot, entry)), entry)
  })

  it('should import each file of a group inside a describe named after it', () => {
    const source = groupSource(['test/a.test.ts', 'test/b c.test.ts'])
    assert.match(source, /describe\(file, async \(\) => \{\n {4}await import\(url\)/)
    assert.ok(source.includes('"test/a.test.ts"'))
    assert.ok(source.includes(JSON.stringify(pathToFileURL(path.join(projectRoot, 'test', 'b c.test.ts')).href)))
  })
})
