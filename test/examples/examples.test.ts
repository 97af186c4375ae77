import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {describe, it} from 'node:test'

// The examples import the built package by its name, as users do (`npm test` builds first).
const root = new URL('../../', import.meta.url).pathname
const run = (file: string) => execFileSync(process.execPath, ['--import', 'tsx', file], {cwd: root, encoding: 'utf8'})

describe('examples', () => {
  it('basic.ts should print the sample’s outline and a byte-identical round trip', () => {
    const output = run('examples/basic.ts')
    assert.match(output, /^Title: {5}공고히 한 北·러, 러시아의 정책 모두 지지$/m)
    assert.match(output, /^ {2}h2 북-러 정상회담 결과 분석/m)
    assert.equal(output.match(/^ {4}h3 /gm)?.length, 4)
    assert.equal(output.match(/^ {2}✔ /gm)?.length, 4)
    assert.match(output, /Round trip: byte-identical ✔/)
  })

  it('edit.ts should show only the edited lines as changed', () => {
    const output = run('examples/edit.ts')
    const added = output.split('\n').filter((line) => line.startsWith('+ '))
    const removed = output.split('\n').filter((line) => line.startsWith('- '))
    assert.ok(added.some((line) => line.includes('<h3>동반자 협정: 군사·외교·경제 협력</h3>')))
    assert.ok(added.some((line) => line.includes('편집자 주:')))
    assert.ok(removed.some((line) => line.includes('<h3>동반자 협정 서명으로 강화된 군사·외교·경제 협력</h3>')))
    assert.ok(removed.some((line) => line.includes('분석 및 전문가 평가')))
    assert.equal(removed.length, 4)
  })
})
