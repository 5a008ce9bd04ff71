import { describe, expect, it } from 'vitest'
import type { PrometheusClient, PromResult, PromRuleGroups } from './client'
import { withSharedReads } from './shared-reads'

function countingClient(fail = { rules: false, query: false }) {
  const calls = { rules: 0, query: 0, range: 0 }
  const client: PrometheusClient = {
    queryRange: () => {
      calls.range++
      return Promise.resolve({ resultType: 'matrix', series: [], warnings: [] })
    },
    query: (expr) => {
      calls.query++
      if (fail.query) return Promise.reject(new Error('unreachable'))
      return Promise.resolve<PromResult>({ resultType: 'vector', series: [{ labels: { expr }, samples: [[0, calls.query]] }], warnings: [] })
    },
    rules: () => {
      calls.rules++
      if (fail.rules) return Promise.reject(new Error('unreachable'))
      return Promise.resolve<PromRuleGroups>({ groups: [] })
    },
  }
  return { client, calls, fail }
}

describe('withSharedReads', () => {
  it('sixty readers within the window cost one read of the rules and one of each query', async () => {
    const { client, calls } = countingClient()
    let t = 0
    const shared = withSharedReads(client, () => t)
    await Promise.all(Array.from({ length: 60 }, () => Promise.all([shared.rules(), shared.query('a', t), shared.query('b', t)])))
    expect(calls).toEqual({ rules: 1, query: 2, range: 0 })
    t = 1_999
    await shared.rules()
    expect(calls.rules).toBe(1)
    t = 2_000
    await shared.rules()
    await shared.query('a', t)
    expect(calls).toEqual({ rules: 2, query: 3, range: 0 })
  })

  it('never keeps a failure: the next request asks again', async () => {
    const { client, calls, fail } = countingClient({ rules: true, query: true })
    const shared = withSharedReads(client, () => 0)
    await expect(shared.rules()).rejects.toThrow('unreachable')
    await expect(shared.query('a', 0)).rejects.toThrow('unreachable')
    fail.rules = false
    fail.query = false
    await expect(shared.rules()).resolves.toEqual({ groups: [] })
    await expect(shared.query('a', 0)).resolves.toMatchObject({ resultType: 'vector' })
    expect(calls).toEqual({ rules: 2, query: 2, range: 0 })
  })

  it('fine ranges (the last hour at 10 s) are never shared', async () => {
    const { client, calls } = countingClient()
    const shared = withSharedReads(client, () => 0)
    await shared.queryRange('a', 0, 1, 10)
    await shared.queryRange('a', 0, 1, 10)
    expect(calls.range).toBe(2)
  })

  it('a long range at a step of a minute or more is shared for a minute, per exact query', async () => {
    const { client, calls } = countingClient()
    let t = 0
    const shared = withSharedReads(client, () => t)
    await Promise.all(Array.from({ length: 20 }, () => shared.queryRange('a', 0, 604_800_000, 600)))
    expect(calls.range).toBe(1)
    await shared.queryRange('a', 600_000, 605_400_000, 600)
    await shared.queryRange('b', 0, 604_800_000, 600)
    expect(calls.range).toBe(3)
    t = 59_999
    await shared.queryRange('a', 0, 604_800_000, 600)
    expect(calls.range).toBe(3)
    t = 60_000
    await shared.queryRange('a', 0, 604_800_000, 600)
    expect(calls.range).toBe(4)
  })

  it("one reader's abort fails only that reader", async () => {
    const { client } = countingClient()
    const shared = withSharedReads(client, () => 0)
    const controller = new AbortController()
    controller.abort(new Error('gone'))
    await expect(shared.rules(controller.signal)).rejects.toThrow('gone')
    await expect(shared.rules()).resolves.toEqual({ groups: [] })
  })
})
