/**
 * The bench's memory probe in a child server: on the parent's IPC message `'memory'` it runs a full
 * garbage collection and answers with `process.memoryUsage()`, so heap figures compare live objects,
 * not how far the collector happened to get. Needs `--expose-gc`; without it the answer is refused
 * loudly rather than given from a heap full of garbage.
 */
export function answerMemoryProbes(): void {
  if (!process.send) return
  process.on('message', (msg) => {
    if (msg !== 'memory') return
    const gc = (globalThis as { gc?: () => void }).gc
    if (!gc) throw new Error('the memory probe needs node --expose-gc')
    // Twice: objects freed by the first pass's finalizers (weak maps, sockets' buffers) go in the second.
    gc()
    gc()
    process.send!({ memory: process.memoryUsage() })
  })
}
