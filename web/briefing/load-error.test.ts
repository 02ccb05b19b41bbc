import { describe, expect, it } from 'vitest'
import { loadErrorText } from './load-error.ts'

describe('loadErrorText', () => {
  it('tells an unreachable server, a refused period, a refused account and a missing service apart', () => {
    expect(loadErrorText(0, 'Failed to fetch').key).toBe('network')
    expect(loadErrorText(400, 'date 2099-01-01 is in the future')).toEqual({
      key: 'badRequest', params: { status: 400, message: 'date 2099-01-01 is in the future' },
    })
    expect(loadErrorText(403, 'Forbidden').key).toBe('forbidden')
    expect(loadErrorText(404, 'Not Found').key).toBe('notFound')
    expect(loadErrorText(503, 'Service Unavailable')).toEqual({ key: 'failed', params: { status: 503, message: 'Service Unavailable' } })
  })
})
