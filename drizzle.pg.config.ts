import { defineConfig } from 'drizzle-kit';

// PostgreSQL's migrations (DATABASE_URL=postgres://…): `npx drizzle-kit generate --config drizzle.pg.config.ts`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/pg/schema.ts',
  out: './db/pg/migrations',
});
