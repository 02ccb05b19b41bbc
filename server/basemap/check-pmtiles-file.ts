/**
 * Checks at boot, synchronously, that a path is a readable PMTiles v3 archive of vector tiles, so a
 * wrong `BASEMAP_PMTILES` stops the start instead of leaving the wall with a blank basemap later.
 * The header is parsed by the `pmtiles` library; only the magic bytes and version are checked here,
 * because the library itself reads just the first two magic bytes and accepts any version ≤ 3.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { bytesToHeader, TileType, type Header } from 'pmtiles'

/** The fixed-size v3 header at the start of every archive. */
export const HEADER_BYTES = 127
const MAGIC = 'PMTiles'

export class PmtilesFileError extends Error {
  override name = 'PmtilesFileError'
}

function readHead(path: string): { head: Buffer; size: number } {
  let size: number
  try {
    const st = statSync(path)
    if (!st.isFile()) throw new PmtilesFileError('is not a file')
    size = st.size
  } catch (err) {
    if (err instanceof PmtilesFileError) throw err
    throw new PmtilesFileError((err as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read (${(err as Error).message})`)
  }
  const head = Buffer.alloc(HEADER_BYTES)
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    const read = readSync(fd, head, 0, HEADER_BYTES, 0)
    return { head: head.subarray(0, read), size }
  } catch (err) {
    throw new PmtilesFileError(`cannot be read (${(err as Error).message})`)
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/**
 * The archive's header; throws `PmtilesFileError` saying what is wrong with the file.
 *
 * @example
 * checkPmtilesFile('firenze.pmtiles').maxZoom // 14
 */
export function checkPmtilesFile(path: string): Header {
  const { head, size } = readHead(path)
  if (head.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) {
    throw new PmtilesFileError(`is not a PMTiles archive (it does not start with the bytes "${MAGIC}")`)
  }
  if (head.length < HEADER_BYTES) throw new PmtilesFileError(`is truncated (${head.length} bytes, shorter than a PMTiles header)`)
  const version = head[MAGIC.length]
  if (version !== 3) throw new PmtilesFileError(`is PMTiles version ${version}; only version 3 is supported`)
  const header = bytesToHeader(new Uint8Array(head).buffer)
  const end = Math.max(
    header.rootDirectoryOffset + header.rootDirectoryLength,
    header.jsonMetadataOffset + header.jsonMetadataLength,
    header.tileDataOffset + (header.tileDataLength ?? 0),
  )
  if (end > size) throw new PmtilesFileError(`is truncated (${size} bytes, its header addresses ${end})`)
  if (header.tileType !== TileType.Mvt) {
    throw new PmtilesFileError(`holds ${TileType[header.tileType] ?? 'unknown'} tiles; the basemap needs vector (MVT) tiles`)
  }
  return header
}
