import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('Checkout 500s')).toBe('Checkout 500s');
  });

  it('quotes a field holding a comma', () => {
    expect(csvCell('EU, US')).toBe('"EU, US"');
  });

  it('quotes a field holding a quote and doubles the quote', () => {
    expect(csvCell('the "big" one')).toBe('"the ""big"" one"');
  });

  it.each([
    ['line\nbreak', '"line\nbreak"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['windows\r\nline', '"windows\r\nline"'],
  ])('quotes a field holding a line break: %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
  ])('prefixes a cell starting with a formula character: %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('only looks at the first character', () => {
    expect(csvCell('a=b, c-d')).toBe('"a=b, c-d"');
    expect(csvCell(' =1')).toBe(' =1');
  });

  it('writes numbers as they are, negative ones included', () => {
    expect(csvCell(42)).toBe('42');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('writes empty cells for empty, null and undefined', () => {
    expect(csvCell('')).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  it('ends every record with CRLF, the last one too', () => {
    expect(toCsv([['a', 'b'], ['1', 2], [null, '']])).toBe('a,b\r\n1,2\r\n,\r\n');
  });

  it('keeps a quoted line break inside its record', () => {
    expect(toCsv([['x', 'two\nlines'], ['y', 'z']])).toBe('x,"two\nlines"\r\ny,z\r\n');
  });

  it('writes nothing for no rows', () => {
    expect(toCsv([])).toBe('');
  });
});
