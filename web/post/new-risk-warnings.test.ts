import { describe, expect, it } from 'vitest'
import { noticeNewWarnings } from './new-risk-warnings.ts'

describe('noticeNewWarnings', () => {
  it('flags nothing on the first picture, even an empty one, then only warnings not seen before', () => {
    const first = noticeNewWarnings({ seen: null }, [])
    expect(first.fresh).toEqual([])
    const second = noticeNewWarnings(first.tracker, [{ id: 'b' }, { id: 'a' }])
    expect(second.fresh).toEqual(['b', 'a'])
    // A reconnect's full frame repeats what was seen: only the one raised meanwhile is news.
    expect(noticeNewWarnings(second.tracker, [{ id: 'c' }, { id: 'b' }, { id: 'a' }]).fresh).toEqual(['c'])
  })

  it('records the warnings already there when the page opens', () => {
    const first = noticeNewWarnings({ seen: null }, [{ id: 'a' }])
    expect(first.fresh).toEqual([])
    expect(noticeNewWarnings(first.tracker, [{ id: 'a' }]).fresh).toEqual([])
  })
})
