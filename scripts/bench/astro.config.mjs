// The project's Astro config with the build cache in the benchmark's own folder, so benchmark
// builds never share node_modules/.astro (the content data store) with other builds.
import config from '../../astro.config.mjs';

export default { ...config, cacheDir: process.env.BENCH_CACHE_DIR || config.cacheDir };
