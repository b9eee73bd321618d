/**
 * Reading the first worksheet of an Excel workbook (.xlsx) as the same records a CSV gives, so
 * roll and grave-list imports validate and report both alike; `line` is the sheet's row number.
 * Cells come back as the text a person sees: numbers as written, rich text joined, formulas by
 * their result, and dates at the precision their number format shows (yyyy年m月 → 1937-07).
 */
import ExcelJS from 'exceljs';
import type { CsvRecord } from './text.js';

const pad = (n: number) => String(n).padStart(2, '0');

function dateText(d: Date, numFmt: string | undefined): string {
  const fmt = (numFmt ?? 'yyyy-mm-dd').toLowerCase().replace(/"[^"]*"|\[[^\]]*\]/g, '');
  const y = d.getUTCFullYear();
  if (/d/.test(fmt)) return `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (/m/.test(fmt)) return `${y}-${pad(d.getUTCMonth() + 1)}`;
  return String(y);
}

function cellText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value, numFmt);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return String(value.text ?? '');
  if ('error' in value) return String(value.error);
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue, numFmt);
  return '';
}

/** Records of the first worksheet; an unreadable file throws with a message for people. */
export async function readXlsxRecords(bytes: Uint8Array): Promise<CsvRecord[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new Error('the file is not a readable Excel workbook (.xlsx); an old .xls must first be saved as .xlsx or CSV (UTF-8)');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const out: CsvRecord[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let i = 1; i <= width; i++) {
      const cell = row.getCell(i);
      cells.push(cellText(cell.value, cell.numFmt));
    }
    while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
    if (cells.some((c) => c.trim() !== '')) out.push({ line: rowNumber, cells });
  });
  return out;
}
