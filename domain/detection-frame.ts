/**
 * What an AI camera detection says about its frame: the bounding box of what it saw and where its
 * snapshot and clip are. Kept apart from `cameras.ts` so `event.ts` can use it without an import cycle.
 */
import { Type, type Static } from '@sinclair/typebox'

const Unit = Type.Number({ minimum: 0, maximum: 1 })

/** `[x, y, w, h]` as fractions of the frame, from its top-left corner. */
export const Bbox = Type.Tuple([Unit, Unit, Unit, Unit], {
  description: '[x, y, w, h] as fractions (0–1) of the frame from its top-left corner; w and h > 0, the box inside the frame',
})
export type Bbox = Static<typeof Bbox>

/**
 * A snapshot or clip reference the wall will put in `<img src>` and a link: only http(s) URLs or paths on
 * this server, so a `javascript:` or `data:` URL can never reach a dispatcher's screen.
 */
export const MediaUrl = Type.String({ maxLength: 2048, pattern: '^(https?://[^\\s<>"]+|/(?!/)[^\\s<>"]*)$' })

/** Slack for boxes computed in floating point (`0.7 + 0.3` is `0.9999999999999999 + …`). */
const EPSILON = 1e-9

/**
 * Why a box is not a usable box inside the frame, or undefined when it is. The schema checks each number
 * is in 0–1; this checks what one number cannot: a box with area, wholly inside the frame.
 *
 * @example
 * bboxProblem([0.5, 0.5, 0.6, 0.2]) // 'bbox runs off the frame: x + w = 1.1 > 1'
 */
export function bboxProblem([x, y, w, h]: Readonly<Bbox>): string | undefined {
  if (!(w > 0) || !(h > 0)) return `bbox must have width and height > 0 (got w=${w}, h=${h})`
  if (x + w > 1 + EPSILON) return `bbox runs off the frame: x + w = ${+(x + w).toFixed(6)} > 1`
  if (y + h > 1 + EPSILON) return `bbox runs off the frame: y + h = ${+(y + h).toFixed(6)} > 1`
  return undefined
}
