// Applies committed migrations to the configured store (opening it migrates it): the SQLite file at
// DATABASE_PATH, or PostgreSQL at DATABASE_URL.
import { closeStorage, openStorage } from './storage/lifecycle';

export async function migrateDatabase(): Promise<void> {
  await openStorage();
}

if (process.argv[1]?.endsWith('migrate.ts')) {
  void migrateDatabase().then(async () => {
    await closeStorage();
    console.log('Migrations applied.');
  });
}
