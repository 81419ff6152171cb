// Applies committed migrations to the configured store (opening it migrates it): the SQLite file at
// DATABASE_PATH, or PostgreSQL at DATABASE_URL.
import { closeStore, openStore } from './store/lifecycle';

export async function migrateDatabase(): Promise<void> {
  await openStore();
}

if (process.argv[1]?.endsWith('migrate.ts')) {
  void migrateDatabase().then(async () => {
    await closeStore();
    console.log('Migrations applied.');
  });
}
