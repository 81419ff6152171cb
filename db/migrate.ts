// Applies committed migrations to DATABASE_PATH (opening the database migrates it).
import { closeDb, getDb } from './client';

export function migrateDatabase(): void {
  getDb();
}

if (process.argv[1]?.endsWith('migrate.ts')) {
  migrateDatabase();
  closeDb();
  console.log('Migrations applied.');
}
