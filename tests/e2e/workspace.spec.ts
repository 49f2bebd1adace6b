/**
 * The broker's day in the workspace: a client (a wrong ИИН refused beside the field), a case,
 * 50 rows pasted from a spreadsheet, an error fixed by keyboard, undo and redo, totals per
 * currency, and everything still there after a reload and a server restart.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** A valid KZ ИИН: birth date YYMMDD, century/sex digit, serial, control digit (two passes of weights). */
function validIin(): string {
  for (let serial = 1; ; serial++) {
    const first11 = `850312300${String(serial).padStart(2, '0')}`.slice(0, 11);
    const digits = [...first11].map(Number);
    let check = digits.reduce((s, d, i) => s + d * (i + 1), 0) % 11;
    if (check === 10) {
      const weights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
      check = digits.reduce((s, d, i) => s + d * weights[i]!, 0) % 11;
    }
    if (check !== 10) return `${first11}${check}`;
  }
}

const COLUMNS_PASTED = 22; // id … country, from the grid's first data column
function pastedRows(): string {
  const lines: string[] = [];
  for (let i = 1; i <= 50; i++) {
    const cells = Array.from({ length: COLUMNS_PASTED }, () => '');
    cells[0] = `R${i}`;
    cells[1] = `XTA21099${String(i).padStart(9, '0')}`;
    cells[2] = 'Lada';
    cells[3] = 'Vesta';
    cells[4] = 'М1'; // Cyrillic М, as Russian keyboards type it
    cells[5] = 'бензин';
    cells[6] = [5, 17, 33].includes(i) ? 'abc' : '1 598';
    if (i >= 49) {
      cells[7] = '123';
      cells[11] = '10.01.2025';
      cells[13] = 'да';
      cells[21] = 'RU';
    }
    lines.push(cells.join('\t'));
  }
  return lines.join('\r\n') + '\r\n';
}

/** Dispatches a paste event carrying `text`, as Ctrl+V does (browser code as a string: no DOM types in node's tsconfig). */
function pasteScript(text: string): string {
  return `(() => {
    const grid = document.querySelector('[role="grid"]');
    grid.focus();
    const transfer = new DataTransfer();
    transfer.setData('text/plain', ${JSON.stringify(text)});
    grid.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  })()`;
}

async function paste(page: Page, text: string) {
  await page.evaluate(pasteScript(text));
}

const saved = (page: Page) => expect(page.locator('[data-save]')).toHaveAttribute('data-save', 'saved');
// Row 5 (view index 4); columns: 4 result columns, then id, vin, make, model, category, propulsion, engineCc.
const FEE_CELL = '#grid-cell-4-0';
const ENGINE_CELL = '#grid-cell-4-10';

test('a client, a case, a pasted block, a fix, undo/redo, totals, and all of it after reload and restart', async ({ page, app }) => {
  await page.goto(`${app.url}#/clients`);
  await page.getByRole('button', { name: 'Новый клиент' }).click();
  await page.getByLabel('Имя или название').fill('Иванов Иван');
  await page.getByLabel('ИИН / БИН / ИНН / УНП').fill('850312300000');
  await page.getByRole('button', { name: 'Сохранить клиента' }).click();
  await expect(page.locator('#client-taxId-error')).toContainText(/контрольн|Контрольн/i);
  await page.getByLabel('ИИН / БИН / ИНН / УНП').fill(validIin());
  await page.getByRole('button', { name: 'Сохранить клиента' }).click();
  await expect(page.locator('#client-taxId-error')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Иванов Иван/ })).toBeVisible();

  await page.getByRole('link', { name: 'Дела' }).click();
  await page.getByRole('button', { name: 'Новое дело' }).click();
  await page.getByLabel('Клиент').selectOption({ index: 1 });
  await page.getByLabel('Ссылка').fill('TEST-REF-1');
  await page.getByRole('button', { name: 'Создать дело' }).click();
  await expect(page).toHaveURL(/#\/cases\/\d+$/);
  const caseHash = new URL(page.url()).hash;
  await expect(page.getByRole('grid')).toBeVisible();

  await paste(page, pastedRows());
  await saved(page);
  const footer = page.locator('.grid-footer');
  await expect(footer).toContainText('Строк: 50');
  await expect(footer).toContainText('Ошибок: 3');
  await expect(page.locator(ENGINE_CELL)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(ENGINE_CELL)).toHaveAttribute('title', /abc/);

  // Fix row 5 by keyboard: F2, type, Enter. The fee appears at once (computed in the renderer).
  await page.locator(ENGINE_CELL).click();
  await expect(page.locator('.case__statusline')).toContainText('abc');
  await page.keyboard.press('F2');
  await page.keyboard.type('1598');
  await page.keyboard.press('Enter');
  await expect(page.locator(FEE_CELL)).toHaveText('756 875,00 ₸');
  await saved(page);
  await expect(footer).toContainText('Ошибок: 2');

  await page.keyboard.press('Control+z');
  await expect(page.locator(FEE_CELL)).toHaveText('ошибка');
  await saved(page);
  await page.keyboard.press('Control+y');
  await expect(page.locator(FEE_CELL)).toHaveText('756 875,00 ₸');
  await saved(page);

  await expect(footer.locator('[data-currency="KZT"]')).toHaveText(/₸$/);
  await expect(footer.locator('[data-currency="RUB"]')).toHaveText('6 800,00 ₽');
  const kzt = await footer.locator('[data-currency="KZT"]').textContent();

  await page.screenshot({ path: '/tmp/workspace-grid.png' });

  await page.reload();
  await expect(page.locator(FEE_CELL)).toHaveText('756 875,00 ₸');
  await expect(footer).toContainText('Строк: 50');
  await expect(footer.locator('[data-currency="KZT"]')).toHaveText(kzt!);

  await app.restart();
  await page.goto(`${app.url}${caseHash}`);
  await expect(page.locator(FEE_CELL)).toHaveText('756 875,00 ₸');
  await expect(footer).toContainText('Строк: 50');
  await expect(footer).toContainText('Ошибок: 2');
  await expect(footer.locator('[data-currency="RUB"]')).toHaveText('6 800,00 ₽');

  await page.getByRole('link', { name: 'Дела' }).first().click();
  await page.getByRole('searchbox').fill('XTA21099000000017');
  await expect(page.getByRole('row', { name: /TEST-REF-1/ })).toBeVisible();
  await page.screenshot({ path: '/tmp/workspace-cases.png' });
});
