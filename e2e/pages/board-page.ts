import type { Page } from '@playwright/test';

export type BoardColumn = 'Preparing' | 'Ready';
const COLUMN_ID: Record<BoardColumn, string> = { Preparing: 'board-preparing', Ready: 'board-ready' };

/** The lobby's pickup board on a 1920×1080 screen. */
export class BoardPage {
  constructor(private readonly page: Page) {}
  open() {
    return this.page.goto('/board');
  }
  column(name: BoardColumn) {
    return this.page.getByTestId(COLUMN_ID[name]);
  }
  /** An order's tile in one column, by its daily number. */
  entry(name: BoardColumn, dailyNumber: number) {
    return this.column(name).getByTestId(`board-entry-${dailyNumber}`);
  }
  /** An order's tile wherever it is. */
  anyEntry(dailyNumber: number) {
    return this.page.getByTestId(`board-entry-${dailyNumber}`);
  }
  connection() {
    return this.page.getByTestId('board-connection');
  }
}
