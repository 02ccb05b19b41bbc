/**
 * The wall is designed at one fixed size and scaled uniformly to whatever the LED controller
 * reports, centred, with the leftover area letterboxed. One design means every wall shows the
 * same composition; only the scale changes.
 */

export const WALL_WIDTH = 1920
export const WALL_HEIGHT = 1080

export interface WallFit {
  /** Uniform CSS scale applied to the design-size stage. */
  scale: number
  /** Left offset of the scaled stage inside the viewport, in CSS pixels. */
  offsetX: number
  /** Top offset of the scaled stage inside the viewport, in CSS pixels. */
  offsetY: number
}

/**
 * @example
 * wallFit(3840, 2160) // { scale: 2, offsetX: 0, offsetY: 0 }
 * wallFit(1920, 1200) // { scale: 1, offsetX: 0, offsetY: 60 }
 */
export function wallFit(viewportWidth: number, viewportHeight: number, width = WALL_WIDTH, height = WALL_HEIGHT): WallFit {
  if (!(width > 0 && height > 0)) throw new Error(`design size must be positive, got ${width}×${height}`)
  const vw = Number.isFinite(viewportWidth) && viewportWidth > 0 ? viewportWidth : 0
  const vh = Number.isFinite(viewportHeight) && viewportHeight > 0 ? viewportHeight : 0
  const scale = Math.min(vw / width, vh / height)
  if (scale === 0) return { scale: 0, offsetX: 0, offsetY: 0 }
  return { scale, offsetX: (vw - width * scale) / 2, offsetY: (vh - height * scale) / 2 }
}

/** The CSS transform for a stage whose transform-origin is its top-left corner. */
export function wallTransform(fit: WallFit): string {
  return `translate(${fit.offsetX}px, ${fit.offsetY}px) scale(${fit.scale})`
}
