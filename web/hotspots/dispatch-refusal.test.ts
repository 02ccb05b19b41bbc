import { describe, expect, it } from 'vitest'
import { dispatchRefusal } from './dispatch-refusal.ts'

describe('dispatchRefusal', () => {
  it('reads an already-sent hotspot’s case from the server’s message', () => {
    expect(dispatchRefusal(409, 'hotspot HC-hotline:noise-e1 was already sent as case C-0000042')).toEqual({
      kind: 'sent', status: 409, message: 'hotspot HC-hotline:noise-e1 was already sent as case C-0000042', caseId: 'C-0000042',
    })
    expect(dispatchRefusal(409, 'conflict').caseId).toBeNull()
  })

  it('tells a read-only account, a hotspot gone or out of scope, no server and anything else apart', () => {
    expect(dispatchRefusal(403, 'role leader cannot dispatch').kind).toBe('forbidden')
    expect(dispatchRefusal(404, 'no active hotspot HF-1').kind).toBe('gone')
    expect(dispatchRefusal(0, 'Failed to fetch').kind).toBe('network')
    expect(dispatchRefusal(500, 'boom')).toMatchObject({ kind: 'failed', caseId: null })
  })
})
