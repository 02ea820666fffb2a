/**
 * The V8 settings a site build runs with, for `npm run build` and for the bench alike. Node refuses
 * the second in NODE_OPTIONS, so they are given to the node that runs Astro.
 */
export const BUILD_NODE_FLAGS = [
  // A larger young generation: the build allocates many short-lived objects (chart DOMs, series).
  '--max-semi-space-size=64',
  // The heap grows to 1,5 times what survived the last full collection instead of V8's own factor
  // of about two: the national build's live set stays near 400 MB while its peak fell from 1,75 to
  // 1,4 GiB, at a few per cent more time in the collector. A factor, not a cap: a larger build still
  // gets the memory it needs.
  '--heap-growing-percent=50',
];
