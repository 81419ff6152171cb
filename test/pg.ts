// PostgreSQL for tests: with TEST_DATABASE_URL (an admin URL such as the one scripts/pg-cluster.sh
// prints), every test file gets a database of its own, copied from a migrated, seeded template.
import { Client } from 'pg';

/** The admin URL that selects PostgreSQL for this run, or undefined for SQLite files. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** `url` with its database name replaced. */
export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates database `name` (optionally as a copy of `template`) and returns its URL. */
export async function createDatabase(url: string, name: string, template?: string): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name) || (template && !/^[a-z0-9_]+$/.test(template)))
    throw new Error(`bad database name ${name}`);
  await admin(url, async (c) => {
    // A template in use by another connection cannot be copied: retry briefly while one closes.
    for (let attempt = 1; ; attempt++) {
      try {
        await c.query(`create database ${name}${template ? ` template ${template}` : ''}`);
        return;
      } catch (err) {
        if (attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });
  return databaseUrl(url, name);
}

/** Drops every database whose name starts with `prefix`, closing its connections first. */
export async function dropDatabases(url: string, prefix: string): Promise<void> {
  await admin(url, async (c) => {
    const { rows } = await c.query<{ datname: string }>('select datname from pg_database where datname like $1', [
      `${prefix}%`,
    ]);
    for (const { datname } of rows) await c.query(`drop database if exists ${datname} with (force)`);
  });
}
