/**
 * The results: rows, the targets they are checked against, the table, the
 * JSON file, and the comparison with the previous run.
 */

/** One line of the table. */
export interface Row {
  section: 'time' | 'memory' | 'batch' | 'load' | 'bundle'
  input: string
  name: string
  /** The figure itself: a median time, bytes, posts per second, … (see `unit`). */
  value: number
  unit: 'ms' | 'B/post' | 'MB' | 'posts/s' | 'KB' | '×'
  postsPerSecond?: number | undefined
  megabytesPerSecond?: number | undefined
  /** The row's cost divided by the floor's, measured in the same run (1.25 = 25 % more than the floor). */
  ratio?: number | undefined
  note?: string | undefined
}

/** A target and whether this run meets it (`null`: not measured in this run, or a figure only reported). */
export interface Target {
  id: string
  description: string
  measured: string
  met: boolean | null
  /** A figure reported beside the targets and checked against none. */
  reportOnly?: true | undefined
}

/** Everything a run writes to bench/results/latest.json. */
export interface Results {
  version: 1
  date: string
  quick: boolean
  sections: string[]
  environment: {
    node: string
    platform: string
    cpus: number
    cpuModel: string
    /** 1-minute load average before and after: other processes on the machine skew absolute times (ratios less so). */
    loadBefore: number
    loadAfter: number
    commit: string
    dirty: boolean
  }
  durationSeconds: number
  inputs: Array<{name: string; posts: number; bytes: number}>
  rows: Row[]
  targets: Target[]
  notes: string[]
}

export function rowKey(row: Pick<Row, 'section' | 'input' | 'name'>): string {
  return `${row.section}|${row.input}|${row.name.trim()}`
}

function find(rows: readonly Row[], input: string, name: string): Row | undefined {
  return rows.find((row) => row.input === input && row.name.trim() === name.trim())
}

const times = (value: number) => `${value.toFixed(2)}×`

/**
 * Check the targets against the rows.
 *
 * @param rows - All rows of the run.
 * @param names - Task names (as in the rows).
 * @param inputs - Labels of the inputs the ratio targets are read on.
 */
export function checkTargets(
  rows: readonly Row[],
  names: Record<string, string>,
  inputs: {sample: string; corpusMedian: string | undefined; hundred: string; ten: string; thousand: string; all: string[]}
): Target[] {
  const targets: Target[] = []
  const ratioOf = (input: string | undefined, a: string, b: string): number | undefined => {
    if (!input) return undefined
    const x = find(rows, input, a)
    const y = find(rows, input, b)
    // Both rows are relative to the same floor: for readability, whose rounds are its own, that is the fair way.
    return x?.ratio !== undefined && y?.ratio !== undefined ? x.ratio / y.ratio : undefined
  }
  const add = (id: string, description: string, values: Array<[string, number | undefined]>, check: (value: number) => boolean, format = times) => {
    const measured = values.filter((entry): entry is [string, number] => entry[1] !== undefined && Number.isFinite(entry[1]))
    targets.push({
      id,
      description,
      measured: measured.length > 0 ? measured.map(([label, value]) => `${label}: ${format(value)}`).join('; ') : 'not measured',
      met: verdict(measured.map(([, value]) => check(value)), values.length)
    })
  }
  const report = (id: string, description: string, values: Array<[string, number | undefined]>, format = times) => {
    const measured = values.filter((entry): entry is [string, number] => entry[1] !== undefined && Number.isFinite(entry[1]))
    targets.push({id, description, measured: measured.length > 0 ? measured.map(([label, value]) => `${label}: ${format(value)}`).join('; ') : 'not measured', met: null, reportOnly: true})
  }
  const main: Array<[string, string | undefined]> = [
    [inputs.sample, inputs.sample],
    ['corpus median', inputs.corpusMedian],
    [inputs.hundred, inputs.hundred]
  ]

  add('parse-floor', 'parsePost ≤ 1.25× the floor (sample, corpus median, 100×)', main.map(([label, input]) => [label, ratioOf(input, names['parsePost']!, names['floor']!)]), (value) => value <= 1.25)
  add(
    'parse-card',
    'parsePost ≤ 1.25× the card pipeline (every input; parsePost ÷ card)',
    inputs.all.map((input) => [input, ratioOf(input, names['parsePost']!, names['card']!)]),
    (value) => value <= 1.25
  )
  add(
    'parse-handwritten',
    'parsePost faster than the hand-written pipeline (every input; parsePost ÷ hand-written)',
    inputs.all.map((input) => [input, ratioOf(input, names['parsePost']!, names['handwritten']!)]),
    (value) => value < 1
  )
  add(
    'parse-readability',
    'parsePost far faster than readability (≥ 10×; readability ÷ parsePost)',
    [
      [inputs.sample, ratioOf(inputs.sample, names['readability']!, names['parsePost']!)],
      ['corpus median', ratioOf(inputs.corpusMedian, names['readability']!, names['parsePost']!)]
    ],
    (value) => value >= 10
  )
  add('render-unmodified', 'renderHtml (unmodified) ≤ 0.3× hast-util-to-html on the same tree', main.map(([label, input]) => [label, ratioOf(input, names['renderHtml']!, names['toHtml']!)]), (value) => value <= 0.3)
  add('render-copy', 'renderHtml (JSON copy) ≤ 1.25× the card pipeline', main.map(([label, input]) => [label, ratioOf(input, names['renderHtmlCopy']!, names['card']!)]), (value) => value <= 1.25)
  // No target: a hand-built Article has no source to keep, so every field is read as a raw post's body is
  // (parsed, sanitised, balanced) and the whole output once more; the card pipeline reads a post once.
  report('render-hand-built', 'renderHtml (hand-built) ÷ the card pipeline', main.map(([label, input]) => [label, ratioOf(input, names['renderHtmlHandBuilt']!, names['card']!)]))

  // Time per KB at 1000× over 10×, ours against the floor's own growth (the bytes cancel out).
  const parseGrowth = growth(rows, inputs, names['parsePost']!)
  const floorGrowth = growth(rows, inputs, names['floor']!)
  add(
    'linear',
    'parsePost time/KB at 1000× over 10× ≤ 1.1× the floor’s own ratio',
    [['(ours ÷ floor growth)', parseGrowth !== undefined && floorGrowth !== undefined ? parseGrowth / floorGrowth : undefined]],
    (value) => value <= 1.1,
    (value) => `${times(value)} (parsePost grows ${times(parseGrowth ?? Number.NaN)}, the floor ${times(floorGrowth ?? Number.NaN)})`
  )

  const retained = rows.find((row) => row.section === 'memory' && row.name.startsWith('parsePost: heap retained'))
  add('memory-retained', 'heap retained < 100 bytes per post (10,000 posts)', [['parsePost', retained?.value]], (value) => value < 100, (value) => `${value.toFixed(1)} B/post`)
  const peak = rows.find((row) => row.section === 'memory' && row.name.startsWith('parsePost: peak RSS'))
  add('memory-peak', 'peak RSS at 5000× ≤ 1.5× the floor’s', [['parsePost ÷ floor', peak?.ratio]], (value) => value <= 1.5)
  const batch = (name: string) => rows.find((row) => row.section === 'batch' && row.name.startsWith(name))
  const pool = batch('parsePost: pool')
  const single = batch('parsePost: one thread')
  // The floor's own pool and the machine's ceiling (arithmetic alone) say how much of a miss is the machine's.
  const floorPool = batch('floor: pool')
  const floorSingle = batch('floor: one thread')
  const ceiling = batch('machine: arithmetic')
  const context = [floorPool && floorSingle ? `the floor's own pool ${times(floorPool.value / floorSingle.value)}` : undefined, ceiling ? `arithmetic alone ${times(ceiling.value)}` : undefined].filter(Boolean)
  add(
    'batch-pool',
    'worker pool ≥ 1.7× one thread (posts/s over the archive)',
    [['pool ÷ one thread', pool && single ? pool.value / single.value : undefined]],
    (value) => value >= 1.7,
    (value) => times(value) + (context.length > 0 ? ` (${context.join('; ')})` : '')
  )
  const load = rows.find((row) => row.section === 'load' && row.name.includes('article-kit'))
  // Reported, not targets: dist/ imports its dependencies (the consumer installs, dedupes and bundles them).
  report('cold-import', 'cold import, × bare node', [["node -e import('article-kit') ÷ node -e 0", load?.ratio]])
  const bundle = (name: string) => rows.find((row) => row.section === 'bundle' && row.name.startsWith(name))
  const kb = (value: number) => `${value.toFixed(1)} KB`
  report('bundle-whole', 'bundle min+gz (src/index.ts)', [['whole', bundle('whole')?.value]], kb)
  report('bundle-ours', 'our code min+gz of it (dependencies external)', [['ours', bundle('ours')?.value]], kb)
  report('bundle-front-matter', 'front-matter entry min+gz', [['front matter', bundle('front-matter')?.value]], kb)
  const frontMatter = bundle('front-matter')
  targets.push({
    id: 'bundle-front-matter-html-free',
    description: 'front-matter entry free of parse5/hast',
    measured: frontMatter ? (frontMatter.note ?? '') : 'not measured',
    met: frontMatter ? !/pulls in/.test(frontMatter.note ?? '') : null
  })
  return targets
}

/** Met when every value was measured and passes; missed when one fails; unknown otherwise. */
function verdict(passes: boolean[], expected: number): boolean | null {
  if (passes.length === 0) return null
  if (passes.includes(false)) return false
  return passes.length === expected ? true : null
}

function growth(rows: readonly Row[], inputs: {ten: string; thousand: string}, name: string): number | undefined {
  const ten = find(rows, inputs.ten, name)
  const thousand = find(rows, inputs.thousand, name)
  if (!ten || !thousand) return undefined
  // Both rows carry MB/s: time per KB grows by the ratio of the throughputs.
  if (!ten.megabytesPerSecond || !thousand.megabytesPerSecond) return undefined
  return ten.megabytesPerSecond / thousand.megabytesPerSecond
}

/** A number with about three significant digits. */
export function format(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '–'
  const magnitude = Math.abs(value)
  if (magnitude >= 100) return Math.round(value).toLocaleString('en-US')
  if (magnitude >= 10) return value.toFixed(1)
  if (magnitude >= 1) return value.toFixed(2)
  if (magnitude >= 0.01) return value.toFixed(3)
  return value.toPrecision(2)
}

function pad(cells: string[][]): string {
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((row) => [...row[column]!].length)))
  return cells
    .map((row) => row.map((cell, column) => (column <= 1 || column === row.length - 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd())
    .join('\n')
}

/** The table: one line per row, inputs as separators. */
export function table(rows: readonly Row[]): string {
  const cells: string[][] = [['input', 'row', 'median', 'posts/s', 'MB/s', '×floor', 'note']]
  let previous = ''
  for (const row of rows) {
    const input = row.input === previous ? '' : row.input
    previous = row.input
    cells.push([
      input,
      row.name,
      `${format(row.value)} ${row.unit}`,
      format(row.postsPerSecond),
      format(row.megabytesPerSecond),
      row.ratio === undefined ? '–' : `${format(row.ratio)}×`,
      row.note ?? ''
    ])
  }
  return pad(cells)
}

export function targetList(targets: readonly Target[]): string {
  return targets.map((target) => `${target.reportOnly ? '[info]' : target.met === null ? '[ ? ]' : target.met ? '[met]' : '[MISS]'} ${target.description}\n        ${target.measured}`).join('\n')
}

/** Rows of `latest` next to the same rows of `previous`. */
export function compare(previous: Results, latest: Results): string {
  const before = new Map(previous.rows.map((row) => [rowKey(row), row]))
  const cells: string[][] = [['input', 'row', 'previous', 'latest', 'change', '×floor before → now']]
  for (const row of latest.rows) {
    const old = before.get(rowKey(row))
    if (!old) continue
    const change = old.value === 0 ? Number.NaN : (row.value / old.value - 1) * 100
    cells.push([
      row.input,
      row.name,
      `${format(old.value)} ${old.unit}`,
      `${format(row.value)} ${row.unit}`,
      Number.isFinite(change) ? `${change >= 0 ? '+' : ''}${change.toFixed(1)} %` : '–',
      old.ratio === undefined || row.ratio === undefined ? '–' : `${format(old.ratio)}× → ${format(row.ratio)}×`
    ])
  }
  const header = `Compared with ${previous.date} (${previous.quick ? 'quick' : 'full'} run, commit ${previous.environment.commit.slice(0, 7)}${previous.environment.dirty ? '+' : ''})`
  const targetsBefore = new Map(previous.targets.map((target) => [target.id, target]))
  const changed = latest.targets
    .filter((target) => targetsBefore.has(target.id) && targetsBefore.get(target.id)!.met !== target.met)
    .map((target) => `  ${target.id}: ${String(targetsBefore.get(target.id)!.met)} → ${String(target.met)}`)
  return [header, pad(cells), changed.length > 0 ? `Targets that changed:\n${changed.join('\n')}` : 'No target changed status.'].join('\n\n')
}
