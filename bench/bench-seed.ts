/**
 * The seed every bench shares: the workload's district, sensors and cameras and the bench server's
 * registries come from it, so every id the workload posts is registered.
 */
export const BENCH_SEED = 'bench-510108'
