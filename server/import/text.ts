/** Reading roll files as people export them: UTF-8 (with or without BOM) or, from Excel on Chinese Windows, GB18030. */
export function decodeRollFile(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

export interface CsvRecord {
  /** 1-based line on which the record starts (a quoted cell may span lines). */
  line: number;
  cells: string[];
}

/**
 * RFC 4180 CSV: comma-separated (tab if the header line has tabs and no commas), "quoted" cells
 * with "" for a quote and line breaks inside, CRLF or LF. Blank lines are skipped.
 */
export function parseCsv(text: string): CsvRecord[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const out: CsvRecord[] = [];
  let line = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let startLine = 1;
  let atRecordStart = true;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0]!.trim() === '')) out.push({ line: startLine, cells });
    cells = [];
    cell = '';
    atRecordStart = true;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (atRecordStart) {
      startLine = line;
      atRecordStart = false;
    }
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (ch === sep) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
    } else cell += ch;
  }
  if (!atRecordStart || cell !== '' || cells.length > 0) endRecord();
  return out;
}

/**
 * The line on which each element of the records array starts, for a JSON roll that is either an
 * array of records or `{ "records": [...] }`.
 */
export function jsonElementLines(text: string): number[] {
  const lines: number[] = [];
  const stack: string[] = [];
  let line = 1;
  let inString = false;
  let expecting = false;
  const topIsArray = text.trimStart().startsWith('[');
  const atRecordsArray = () => (topIsArray ? stack.length === 1 : stack.length === 2 && stack[1] === '[');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (expecting && !/\s/.test(ch)) {
      expecting = false;
      if (ch !== ']') lines.push(line);
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      stack.push(ch);
      if (ch === '[' && atRecordsArray()) expecting = true;
    } else if (ch === '}' || ch === ']') stack.pop();
    else if (ch === ',' && atRecordsArray()) expecting = true;
  }
  return lines;
}
