/** @type {import('next').NextConfig} */
const nextConfig = {
  // NEXT_DIST_DIR lets a second build (a benchmark, a parallel checkout) live beside the main one.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
};
export default nextConfig;
